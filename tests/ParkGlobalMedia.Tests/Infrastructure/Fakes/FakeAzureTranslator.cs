using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ParkGlobalMedia.Tests.Infrastructure.Fakes;

/// <summary>
/// Azure AI Translator v3 text translation on loopback: <c>POST /translate?api-version=3.0&amp;to=..</c>.
/// <para>Implements, as documented: the <c>Ocp-Apim-Subscription-Key</c> header (wrong or missing → 401000; when
/// <see cref="Region"/> is set, <c>Ocp-Apim-Subscription-Region</c> must match it too); <c>api-version</c> (400021),
/// repeated <c>to</c> (400036), <c>from</c> (400035), <c>textType=plain|html</c> (400071), <c>category</c> (recorded,
/// any value accepted); <c>X-ClientTraceId</c> recorded and required to be a GUID when sent (400043); a body of
/// <c>[{"Text":".."}]</c> (not JSON → 400074, other shapes → 400000/400020/400005); at most 1,000 elements (400072),
/// 50,000 characters per element (400050) and 50,000 per request counted as code points × targets (400077);
/// the reply <c>[{"translations":[{"text","to"}]}]</c> in request order with <c>detectedLanguage</c> only when
/// <c>from</c> is absent, and <c>X-RequestId</c>, <c>X-MT-System</c>, <c>X-metered-usage</c> headers; errors as
/// <c>{"error":{"code":NNNNNN,"message":".."}}</c>. In HTML mode tags stay in place and <c>translate="no"</c> /
/// <c>class="notranslate"</c> elements come back untouched; <c>&lt;mstrans:dictionary translation="X"&gt;</c> becomes
/// exactly X when <c>from</c> is given and English is the source or that target (the documented requirements), and
/// is otherwise dropped with its content translated. The "translation" is <see cref="FakeTranslation"/>.</para>
/// <para>Left out: other operations (languages, detect, transliterate, dictionary lookup, breaksentence), bearer
/// tokens and the <c>Subscription-Key</c> query parameter, the real language list (codes are only checked for shape),
/// profanity handling, alignment, sentence lengths, scripts, custom-category fallback, hourly quotas (queue
/// <see cref="QuotaExceeded"/> or <see cref="Throttled"/> instead).</para>
/// </summary>
public sealed partial class FakeAzureTranslator : LoopbackFake
{
    public const string DefaultKey = "fake-azure-translator-key";
    public const int MaxElements = 1_000;
    public const int MaxCharacters = 50_000;

    private int _requestNumber;

    /// <summary>The subscription key the fake accepts.</summary>
    public string Key { get; set; } = DefaultKey;

    /// <summary>When set, requests must name this region (a regional or multi-service resource); null: the header is optional.</summary>
    public string? Region { get; set; }

    /// <summary>Apply dictionary markup for any language pair, not only pairs with English (off: as documented).</summary>
    public bool DictionaryForAnyLanguagePair { get; set; }

    /// <summary>Translate with <see cref="FakeTranslationRules.ReverseSiblings"/> (markup moved as a target language may move it).</summary>
    public bool ReverseSiblings { get; set; }

    public static Task<FakeAzureTranslator> StartAsync() => StartAsync(new FakeAzureTranslator());

    /// <summary>429 with 429000 (default), 429001 or 429002, optionally with <c>Retry-After</c> (the service does not promise one).</summary>
    public static FakeFailure Throttled(int code = 429000, TimeSpan? retryAfter = null) =>
        FakeFailure.Error(429, code, retryAfter, "The server rejected the request because the client has exceeded request limits.");

    /// <summary>403 with 403001: the subscription's free quota is used up.</summary>
    public static FakeFailure QuotaExceeded() =>
        FakeFailure.Error(403, 403001, message: "The operation isn't allowed because the subscription has exceeded its free quota.");

    public static FakeFailure ServerError() => FakeFailure.Error(500, 500000, message: "An unexpected error occurred.");

    public static FakeFailure Unavailable() => FakeFailure.Error(503, 503000, message: "The service is temporarily unavailable. Retry.");

    protected override void Map(IEndpointRouteBuilder endpoints) => endpoints.MapPost("/translate", new RequestDelegate(TranslateAsync));

    protected override Task WriteErrorAsync(HttpContext context, int status, int? code, string message)
    {
        context.Response.Headers["X-RequestId"] = NextRequestId();
        return WriteJsonAsync(context, status, new { error = new { code = code ?? status * 1000, message } });
    }

    protected override void ResetState()
    {
        Key = DefaultKey;
        Region = null;
        DictionaryForAnyLanguagePair = false;
        ReverseSiblings = false;
    }

    private async Task TranslateAsync(HttpContext context)
    {
        var request = context.Request;
        if (!Authorized(request.Headers))
        {
            await WriteErrorAsync(context, 401, 401000, "The request isn't authorized because credentials are missing or invalid.");
            return;
        }

        var query = request.Query;
        string[] targets = [.. query["to"].OfType<string>()];
        var from = query["from"].ToString();
        var textType = query["textType"].ToString();
        var traceId = request.Headers["X-ClientTraceId"].ToString();
        var invalid =
            query["api-version"] != "3.0" ? (400021, "The API version parameter is missing or invalid.")
            : targets.Length == 0 || !targets.All(LanguageCode().IsMatch) ? (400036, "The target language (\"To\" field) is missing or invalid.")
            : from.Length > 0 && !LanguageCode().IsMatch(from) ? (400035, "The source language (\"From\" field) isn't valid.")
            : textType.Length > 0 && !textType.Equals("plain", StringComparison.OrdinalIgnoreCase) && !textType.Equals("html", StringComparison.OrdinalIgnoreCase)
                ? (400071, "The value isn't valid for TextType.")
            : traceId.Length > 0 && !Guid.TryParse(traceId, out _) ? (400043, "The client trace ID (X-ClientTraceId header) is missing or invalid.")
            : default((int Code, string Message)?);
        if (invalid is var (code, message))
        {
            await WriteErrorAsync(context, 400, code, message);
            return;
        }

        var (texts, bodyError) = ReadTexts(Body(context));
        if (bodyError is var (bodyCode, bodyMessage))
        {
            await WriteErrorAsync(context, 400, bodyCode, bodyMessage);
            return;
        }

        var sizes = texts.Select(FakeTranslation.CountCodePoints).ToList();
        var characters = (long)sizes.Sum() * targets.Length;
        Recorded(context).Characters = characters;
        var limit =
            texts.Count > MaxElements ? (400072, "The array of input text has too many elements.")
            : sizes.Any(size => size > MaxCharacters) ? (400050, "The input text is too long.")
            : characters > MaxCharacters ? (400077, "The maximum request size has been exceeded.")
            : default((int Code, string Message)?);
        if (limit is var (limitCode, limitMessage))
        {
            await WriteErrorAsync(context, 400, limitCode, limitMessage);
            return;
        }

        var failure = TakeFailure();
        if (await ApplyAsync(context, failure))
        {
            return;
        }

        var html = textType.Equals("html", StringComparison.OrdinalIgnoreCase);
        var items = texts.Select(text => new TranslatedItem(
            from.Length > 0 ? null : new { language = FakeLanguages.Detect(text), score = 1.0 },
            [.. targets.Select(to => new TranslatedText(Translate(text, from, to, html), to))])).ToList();
        if (failure is FakeFailure.MissingItems missing)
        {
            items = items[..Math.Max(0, items.Count - missing.Missing)];
        }
        else if (failure is FakeFailure.BrokenTags)
        {
            items = [.. items.Select(item => item with { Translations = [.. item.Translations.Select(t => t with { Text = FakeTranslation.Break(t.Text) })] })];
        }

        context.Response.Headers["X-RequestId"] = NextRequestId();
        context.Response.Headers["X-MT-System"] = string.Join(",", targets.Select(_ => "Team"));
        context.Response.Headers["X-metered-usage"] = characters.ToString(CultureInfo.InvariantCulture);
        await WriteJsonAsync(context, 200, items);
    }

    private bool Authorized(IHeaderDictionary headers) =>
        headers["Ocp-Apim-Subscription-Key"] == Key
        && (Region is null || string.Equals(headers["Ocp-Apim-Subscription-Region"], Region, StringComparison.OrdinalIgnoreCase));

    private string Translate(string text, string from, string to, bool html)
    {
        var dictionary = from.Length > 0 && (DictionaryForAnyLanguagePair || FakeLanguages.IsEnglish(from) || FakeLanguages.IsEnglish(to))
            ? DictionaryMarkup.Apply
            : DictionaryMarkup.Strip;
        return FakeTranslation.Translate(text, new FakeTranslationRules(to)
        {
            Markup = html,
            HonourNoTranslate = html,
            Dictionary = dictionary,
            ReverseSiblings = ReverseSiblings,
        });
    }

    private static (List<string> Texts, (int Code, string Message)? Error) ReadTexts(byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return ([], (400074, "The body of the request isn't valid JSON."));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return ([], (400000, "One of the request inputs isn't valid."));
            }

            var texts = new List<string>();
            foreach (var element in document.RootElement.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.Object)
                {
                    return ([], (400020, "One of the elements in the array of input text isn't valid."));
                }

                var text = element.EnumerateObject().FirstOrDefault(property => property.Name.Equals("Text", StringComparison.OrdinalIgnoreCase));
                if (text.Value.ValueKind != JsonValueKind.String)
                {
                    return ([], (400005, "An input text is missing or invalid."));
                }

                texts.Add(text.Value.GetString()!);
            }

            return texts.Count == 0 ? ([], (400005, "An input text is missing or invalid.")) : (texts, null);
        }
    }

    private string NextRequestId() => $"fake-{Interlocked.Increment(ref _requestNumber):D6}";

    /// <summary>Shape only (en, zh-Hans, pt-BR, sr-Cyrl-RS, yue): the fake does not know the real language list.</summary>
    [GeneratedRegex("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$")]
    private static partial Regex LanguageCode();

    private sealed record TranslatedItem(
        [property: JsonPropertyName("detectedLanguage")] object? DetectedLanguage,
        [property: JsonPropertyName("translations")] List<TranslatedText> Translations);

    private sealed record TranslatedText([property: JsonPropertyName("text")] string Text, [property: JsonPropertyName("to")] string To);
}
