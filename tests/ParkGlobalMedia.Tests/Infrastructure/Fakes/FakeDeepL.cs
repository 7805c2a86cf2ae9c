using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ParkGlobalMedia.Tests.Infrastructure.Fakes;

/// <summary>
/// DeepL API v2 on loopback: <c>POST /v2/translate</c>, <c>GET /v2/usage</c> and the v2 glossary endpoints.
/// <para>Implements, as documented: <c>Authorization: DeepL-Auth-Key …</c> (wrong or missing → 403); JSON bodies
/// (<c>"text": [..]</c>, <c>ignore_tags</c> as an array or a comma-separated string) and form bodies (<c>text</c>
/// repeated, comma-separated <c>ignore_tags</c>); <c>target_lang</c> (required, one per request), <c>source_lang</c>,
/// <c>tag_handling=xml|html</c>, <c>ignore_tags</c>, <c>glossary_id</c> (needs <c>source_lang</c> and a glossary of
/// the same pair; an <c>EN</c> glossary serves <c>EN-US</c> and <c>EN-GB</c>); request bodies over 128 KiB and more
/// than 50 texts → 413; the reply <c>{"translations":[{"detected_source_language","text"}]}</c> in request order;
/// errors as <c>{"message":".."}</c>; a character quota counted in code points (markup left out with
/// <c>tag_handling</c>) that answers 456 once a request would go past <see cref="CharacterLimit"/> (nothing is
/// counted for refused requests), reported by <c>GET /v2/usage</c>; glossaries created from TSV or CSV entries
/// (201), listed, read, their entries read as TSV, deleted (204), unknown ids → 404. In XML/HTML mode tags stay in
/// place and <c>ignore_tags</c> elements come back untouched, in HTML mode also <c>translate="no"</c> and
/// <c>class="notranslate"</c> ones. A glossary's source terms become its target terms, verbatim. The "translation" is
/// <see cref="FakeTranslation"/>.</para>
/// <para>Left out: documents, the v3 (multilingual) glossaries, <c>/v2/languages</c> and glossary language pairs,
/// formality, context, split_sentences, outline detection and splitting tags (accepted and ignored), the deprecated
/// <c>auth_key</c> parameter, the real language list (codes are checked for shape only), 429/5xx/504/529 on their own
/// (queue them with <see cref="LoopbackFake.FailNext"/>). Not verified against the documentation: the status for an
/// unknown <c>glossary_id</c> in a translate request (400 here) and whether a request that would cross the quota is
/// refused or allowed to finish it (refused here).</para>
/// </summary>
public sealed partial class FakeDeepL : LoopbackFake
{
    public const string DefaultKey = "fake-deepl-key:fx";
    public const long DefaultCharacterLimit = 500_000;
    public const int MaxRequestBytes = 128 * 1024;
    public const int MaxTexts = 50;

    private readonly Lock _usage = new();
    private long _characterCount;

    /// <summary>The authentication key the fake accepts.</summary>
    public string Key { get; set; } = DefaultKey;

    /// <summary>Characters per billing period; a request that would go past it gets 456.</summary>
    public long CharacterLimit { get; set; } = DefaultCharacterLimit;

    /// <summary>Characters translated so far (set it to start a test with a nearly used quota).</summary>
    public long CharacterCount
    {
        get
        {
            lock (_usage)
            {
                return _characterCount;
            }
        }

        set
        {
            lock (_usage)
            {
                _characterCount = value;
            }
        }
    }

    /// <summary>Translate with <see cref="FakeTranslationRules.ReverseSiblings"/> (markup moved as a target language may move it).</summary>
    public bool ReverseSiblings { get; set; }

    public static Task<FakeDeepL> StartAsync() => StartAsync(new FakeDeepL());

    public static FakeFailure TooManyRequests(TimeSpan? retryAfter = null) =>
        FakeFailure.Error(429, retryAfter: retryAfter, message: "Too many requests, please wait and resend your request.");

    /// <summary>456 without touching the counters (use <see cref="CharacterLimit"/> for the real thing).</summary>
    public static FakeFailure QuotaExceeded() => FakeFailure.Error(456, message: "Quota exceeded. The character limit has been reached.");

    public static FakeFailure ServerError() => FakeFailure.Error(500, message: "Internal error.");

    public static FakeFailure Unavailable() => FakeFailure.Error(503, message: "Resource currently unavailable. Try again later.");

    protected override void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/v2/translate", new RequestDelegate(TranslateAsync));
        endpoints.MapGet("/v2/usage", new RequestDelegate(UsageAsync));
        MapGlossaries(endpoints);
    }

    protected override Task WriteErrorAsync(HttpContext context, int status, int? code, string message) =>
        WriteJsonAsync(context, status, new { message });

    protected override void ResetState()
    {
        Key = DefaultKey;
        CharacterLimit = DefaultCharacterLimit;
        CharacterCount = 0;
        ReverseSiblings = false;
        ClearGlossaries();
    }

    private async Task TranslateAsync(HttpContext context)
    {
        if (!await AuthorizeAsync(context))
        {
            return;
        }

        if (Body(context).Length > MaxRequestBytes)
        {
            await WriteErrorAsync(context, 413, null, "Request Entity Too Large: the request body may not exceed 128 KiB.");
            return;
        }

        var (parameters, invalid) = FakeDeepLParameters.Read(context.Request.ContentType, Body(context));
        if (parameters is null)
        {
            await WriteErrorAsync(context, 400, null, invalid!);
            return;
        }

        var texts = parameters.All("text");
        var target = parameters.One("target_lang");
        var source = parameters.One("source_lang");
        var tagHandling = parameters.One("tag_handling");
        var glossaryId = parameters.One("glossary_id");
        FakeDeepLGlossary? glossary = null;
        var problem =
            texts.Count == 0 ? (400, "Parameter 'text' not specified.")
            : texts.Count > MaxTexts ? (413, "Request Entity Too Large: at most 50 texts per request.")
            : target is null || !TargetLanguage().IsMatch(target) ? (400, "Value for 'target_lang' not supported.")
            : source is not null && !SourceLanguage().IsMatch(source) ? (400, "Value for 'source_lang' not supported.")
            : tagHandling is not null && tagHandling is not ("xml" or "html") ? (400, "Value for 'tag_handling' not supported.")
            : glossaryId is not null && source is null ? (400, "Use of a glossary requires the 'source_lang' parameter to be specified.")
            : glossaryId is not null && (glossary = FindGlossary(glossaryId)) is null ? (400, "Invalid glossary_id: no such glossary.")
            : glossary is not null && !glossary.Serves(source!, target) ? (400, "The language pair of the glossary doesn't match the request.")
            : default((int Status, string Message)?);
        if (problem is var (status, message))
        {
            await WriteErrorAsync(context, status, null, message);
            return;
        }

        var characters = texts.Sum(text => (long)(tagHandling is null ? FakeTranslation.CountCodePoints(text) : FakeTranslation.CountTextCodePoints(text)));
        Recorded(context).Characters = characters;
        var failure = TakeFailure();
        if (await ApplyAsync(context, failure))
        {
            return;
        }

        if (!TryUse(characters))
        {
            await WriteErrorAsync(context, 456, null, "Quota exceeded. The character limit has been reached.");
            return;
        }

        var rules = new FakeTranslationRules(target!)
        {
            Markup = tagHandling is not null,
            HonourNoTranslate = tagHandling == "html",
            IgnoredTags = tagHandling is null ? [] : [.. parameters.All("ignore_tags").SelectMany(tags => tags.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))],
            Glossary = glossary?.Entries ?? [],
            ReverseSiblings = ReverseSiblings,
        };
        var translations = texts.Select(text => new
        {
            detected_source_language = source?.ToUpperInvariant() ?? FakeLanguages.DetectDeepL(text),
            text = failure is FakeFailure.BrokenTags ? FakeTranslation.Break(FakeTranslation.Translate(text, rules)) : FakeTranslation.Translate(text, rules),
        }).ToList();
        if (failure is FakeFailure.MissingItems missing)
        {
            translations = translations[..Math.Max(0, translations.Count - missing.Missing)];
        }

        await WriteJsonAsync(context, 200, new { translations });
    }

    private async Task UsageAsync(HttpContext context)
    {
        if (await AuthorizeAsync(context))
        {
            await WriteJsonAsync(context, 200, new { character_count = CharacterCount, character_limit = CharacterLimit });
        }
    }

    private bool TryUse(long characters)
    {
        lock (_usage)
        {
            if (_characterCount + characters > CharacterLimit)
            {
                return false;
            }

            _characterCount += characters;
            return true;
        }
    }

    private async Task<bool> AuthorizeAsync(HttpContext context)
    {
        const string Scheme = "DeepL-Auth-Key ";
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith(Scheme, StringComparison.Ordinal) && authorization[Scheme.Length..].Trim() == Key)
        {
            return true;
        }

        await WriteErrorAsync(context, 403, null, "Authorization failed. Please supply a valid DeepL-Auth-Key via the Authorization header.");
        return false;
    }

    /// <summary>Shape only (DE, EN-US, ZH-HANS): the fake does not know the real language list.</summary>
    [GeneratedRegex("^[a-zA-Z]{2}(-[a-zA-Z]{2,4})?$")]
    private static partial Regex TargetLanguage();

    [GeneratedRegex("^[a-zA-Z]{2}$")]
    private static partial Regex SourceLanguage();
}
