using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ParkGlobalMedia.Translation.Providers;

/// <summary>Key through the environment: Translation__Azure__Key.</summary>
public sealed class AzureTranslatorOptions : HttpProviderOptions
{
    public const string Section = "Translation:Azure";

    /// <summary>The global endpoint, a regional one, or a test's loopback fake.</summary>
    public override Uri Endpoint { get; set; } = new("https://api.cognitive.microsofttranslator.com");

    /// <summary>Required for regional and multi-service resources.</summary>
    public string? Region { get; set; }
}

/// <summary>
/// Azure AI Translator v3 over REST (its SDK cannot be restored here): <c>POST {endpoint}/translate?api-version=3.0</c>
/// with every target culture of a request in one call, always <c>textType=html</c>. Tags travel as spans the service
/// keeps in place (<c>data-g</c>), placeholders as <c>translate="no"</c> spans it leaves alone, glossary terms as
/// dynamic-dictionary markup (or <c>translate="no"</c> for names that are never translated). Replies are mapped
/// onto <see cref="ProviderFailureKind"/> from the documented error codes; every request carries an
/// <c>X-ClientTraceId</c>, logged with the outcome so Azure support can find it.
/// </summary>
public sealed partial class AzureTranslatorProvider(HttpClient http, IOptions<AzureTranslatorOptions> options, ILogger<AzureTranslatorProvider> logger)
    : ITranslationProvider
{
    public const string ProviderName = "azure";

    public string Name => ProviderName;
    public bool IsPaid => true;
    public bool IsForTesting => false;
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Key);

    /// <summary>
    /// The text as HTML (tags as spans, placeholders as translate="no"), which is what Azure's 50,000-character limit
    /// and its bill count; glossary markup, which differs per target, is left out of the measure.
    /// </summary>
    public int CallsFor(ProviderRequest request) => TargetGroups(request).Count;

    /// <summary>
    /// The HTTP calls a request takes: glossary entries differ per target culture (the dictionary element, or the
    /// protected target term), so targets with translated terms go one per call; the others share one.
    /// </summary>
    private static List<IReadOnlyList<string>> TargetGroups(ProviderRequest request)
    {
        var withDictionary = request.TargetCultures.Where(t => request.Terms.GetValueOrDefault(t)?.Any(term => !term.DoNotTranslate) == true).ToList();
        var calls = withDictionary.Select(t => (IReadOnlyList<string>)[t]).ToList();
        var shared = request.TargetCultures.Except(withDictionary).ToList();
        if (shared.Count > 0)
        {
            calls.Insert(0, shared);
        }

        return calls;
    }

    public int Measure(ProviderText text) => text.HasTags ? ToHtml(text.Text, [], dictionary: false).Length : text.Text.Length;

    /// <summary>Documented: 1,000 array elements and 50,000 characters per request, counted across all target languages.</summary>
    public ProviderLimits Limits { get; } = new(1_000, 50_000, 25);

    public async Task<IReadOnlyList<ProviderTranslation>> TranslateAsync(ProviderRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.Key))
        {
            throw new TranslationProviderException(Name, ProviderFailureKind.Configuration,
                "No key is configured (Translation:Azure:Key; set Translation__Azure__Key in the environment).");
        }

        var results = new List<ProviderTranslation>(request.Texts.Count * request.TargetCultures.Count);
        foreach (var targets in TargetGroups(request))
        {
            results.AddRange(await CallAsync(request, targets, cancellationToken));
        }

        return results;
    }

    private async Task<IReadOnlyList<ProviderTranslation>> CallAsync(ProviderRequest request, IReadOnlyList<string> targets, CancellationToken cancellationToken)
    {
        var terms = targets.Count == 1
            ? request.Terms.GetValueOrDefault(targets[0]) ?? []
            : targets.SelectMany(t => request.Terms.GetValueOrDefault(t) ?? []).Where(t => t.DoNotTranslate).DistinctBy(t => t.Source).ToList();
        var query = new StringBuilder("translate?api-version=3.0&textType=html&from=").Append(Uri.EscapeDataString(LanguageCode(request.SourceCulture)));
        foreach (var target in targets)
        {
            query.Append("&to=").Append(Uri.EscapeDataString(LanguageCode(target)));
        }

        var traceId = Guid.NewGuid().ToString();
        using var message = new HttpRequestMessage(HttpMethod.Post, ProviderHttp.Under(options.Value.Endpoint, query.ToString()))
        {
            Content = JsonContent.Create(request.Texts.Select(t => new AzureText(ToHtml(t.Text, terms, DictionaryApplies(request.SourceCulture, targets)))).ToList(), options: Json),
        };
        message.Headers.Add("Ocp-Apim-Subscription-Key", options.Value.Key);
        if (!string.IsNullOrWhiteSpace(options.Value.Region))
        {
            message.Headers.Add("Ocp-Apim-Subscription-Region", options.Value.Region);
        }

        message.Headers.Add("X-ClientTraceId", traceId);
        HttpResponseMessage response;
        try
        {
            response = await ProviderHttp.SendAsync(http, message, options.Value.Timeout, Name, traceId, cancellationToken);
        }
        catch (TranslationProviderException e)
        {
            logger.LogWarning("Azure Translator call {TraceId} failed: {Error}", traceId, e.Message);
            throw;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            logger.LogInformation("Azure Translator call {TraceId}: {Texts} texts into {Targets}, {Status}", traceId, request.Texts.Count, string.Join(",", targets), (int)response.StatusCode);
            if (!response.IsSuccessStatusCode)
            {
                throw Failure(response, body, traceId);
            }

            List<AzureResult>? parsed;
            try
            {
                parsed = JsonSerializer.Deserialize<List<AzureResult>>(body, Json);
            }
            catch (JsonException e)
            {
                throw new TranslationProviderException(Name, ProviderFailureKind.BadResponse, $"The reply is not the documented JSON: {e.Message}", null, traceId, e);
            }

            if (parsed is null || parsed.Count != request.Texts.Count)
            {
                throw new TranslationProviderException(Name, ProviderFailureKind.BadResponse,
                    $"The reply has {parsed?.Count ?? 0} results for {request.Texts.Count} texts.", null, traceId);
            }

            var results = new List<ProviderTranslation>(parsed.Count * targets.Count);
            for (var i = 0; i < parsed.Count; i++)
            {
                var translations = parsed[i].Translations ?? [];
                foreach (var target in targets)
                {
                    var code = LanguageCode(target);
                    var translation = translations.FirstOrDefault(t => string.Equals(t.To, code, StringComparison.OrdinalIgnoreCase))
                        ?? throw new TranslationProviderException(Name, ProviderFailureKind.BadResponse, $"The reply has no {code} translation for text {i + 1}.", null, traceId);
                    results.Add(new ProviderTranslation(request.Texts[i].Id, target, FromHtml(translation.Text ?? "")));
                }
            }

            return results;
        }
    }

    /// <summary>The documented error codes (six digits: status × 1000 + detail) as what the job should do.</summary>
    private TranslationProviderException Failure(HttpResponseMessage response, string body, string traceId)
    {
        var (code, text) = ReadError(body);
        var status = (int)response.StatusCode;
        var detail = text ?? (body.Length > 300 ? body[..300] : body);
        var kind = (status, code) switch
        {
            (_, 403001) => ProviderFailureKind.Quota,
            (401, _) or (403, _) => ProviderFailureKind.Configuration,
            (_, 400050 or 400077) or (413, _) => ProviderFailureKind.TooLong,
            (429, _) => ProviderFailureKind.Throttled,
            (408, _) or (>= 500, _) => ProviderFailureKind.Transient,
            _ => ProviderFailureKind.Rejected,
        };
        var what = kind switch
        {
            ProviderFailureKind.Configuration => "The key or region was refused; check Translation:Azure",
            ProviderFailureKind.Quota => "The Azure resource's quota is used up",
            _ => "Azure Translator refused the request",
        };
        return new TranslationProviderException(Name, kind, $"{what} ({status}{(code is null ? "" : $", code {code}")}): {detail}", ProviderHttp.RetryAfter(response), traceId);
    }

    private static (int? Code, string? Message) ReadError(string body)
    {
        try
        {
            var error = JsonSerializer.Deserialize<AzureErrorBody>(body, Json)?.Error;
            return (error?.Code, error?.Message);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    /// <summary>Azure's language codes: script subtags for Chinese, the neutral language otherwise.</summary>
    internal static string LanguageCode(string culture) => culture switch
    {
        "zh-CN" or "zh-SG" or "zh-Hans" => "zh-Hans",
        "zh-TW" or "zh-HK" or "zh-MO" or "zh-Hant" => "zh-Hant",
        "pt-PT" => "pt-pt",
        "fr-CA" => "fr-ca",
        _ => culture.Split('-')[0],
    };

    [GeneratedRegex("""<g id="(\d+)">|</g>|<x id="(\d+)"/>""")]
    private static partial Regex TaggedPattern();

    /// <summary>The dynamic dictionary works only with English on one side (documented); elsewhere terms are substituted.</summary>
    internal static bool DictionaryApplies(string source, IReadOnlyList<string> targets) =>
        LanguageCode(source) == "en" || targets.All(t => LanguageCode(t) == "en");

    /// <summary>Tagged text as the HTML the service keeps: glossary markup applies to the words only, never inside tags.</summary>
    internal static string ToHtml(string tagged, IReadOnlyList<ProviderTerm> terms, bool dictionary = true) =>
        TaggedPattern().Replace(Segmentation.TaggedText.MapWords(tagged, words => Glossary(words, terms, dictionary)), match => match.Value switch
        {
            "</g>" => "</span>",
            _ when match.Groups[1].Success => $"<span data-g=\"{match.Groups[1].Value}\">",
            _ => $"<span class=\"notranslate\" translate=\"no\" data-x=\"{match.Groups[2].Value}\">#{match.Groups[2].Value}</span>",
        });

    /// <summary>
    /// Names that are never translated go protected; a term with a translation goes as dictionary markup where Azure
    /// applies it, else its target text is put in place and protected (the sentence is then translated around it).
    /// </summary>
    private static string Glossary(string text, IReadOnlyList<ProviderTerm> terms, bool dictionary)
    {
        if (terms.Count == 0 || text.Length == 0)
        {
            return text;
        }

        // Longest first, so "长沙高新区" wins over "长沙"; the text is already escaped, so the terms are matched escaped.
        var alternatives = terms.OrderByDescending(t => t.Source.Length).Select(t => Regex.Escape(Segmentation.TaggedText.Escape(t.Source)));
        var bySource = terms.GroupBy(t => Segmentation.TaggedText.Escape(t.Source)).ToDictionary(g => g.Key, g => g.First());
        return Regex.Replace(text, string.Join('|', alternatives), match =>
        {
            var term = bySource[match.Value];
            return term.DoNotTranslate ? $"<span class=\"notranslate\" translate=\"no\">{match.Value}</span>"
                : dictionary ? $"<mstrans:dictionary translation=\"{WebUtility.HtmlEncode(term.Target)}\">{match.Value}</mstrans:dictionary>"
                : $"<span class=\"notranslate\" translate=\"no\">{Segmentation.TaggedText.Escape(term.Target)}</span>";
        });
    }

    [GeneratedRegex("""<(?<close>/)?(?<name>[A-Za-z][\w:.-]*)(?<attributes>[^>]*?)(?<self>/)?>""")]
    private static partial Regex HtmlTagPattern();

    [GeneratedRegex("""data-(?<kind>[gx])\s*=\s*["']?(?<id>\d+)""")]
    private static partial Regex DataIdPattern();

    /// <summary>The service's HTML back as tagged text: our spans become tags again, glossary markup goes, other markup stays text.</summary>
    internal static string FromHtml(string html)
    {
        var output = new StringBuilder(html.Length);
        var open = new Stack<char>(); // g, x (skip its content), o (other span: keep content)
        var position = 0;
        foreach (Match match in HtmlTagPattern().Matches(html))
        {
            if (!open.Contains('x'))
            {
                output.Append(html, position, match.Index - position);
            }

            position = match.Index + match.Length;
            var name = match.Groups["name"].Value.ToLowerInvariant();
            if (name == "mstrans:dictionary")
            {
                continue;
            }

            if (name != "span")
            {
                if (!open.Contains('x'))
                {
                    output.Append(Segmentation.TaggedText.Escape(match.Value)); // markup we did not send stays visible
                }

                continue;
            }

            if (match.Groups["close"].Success)
            {
                var kind = open.Count > 0 ? open.Pop() : 'o';
                if (kind == 'g')
                {
                    output.Append(Segmentation.TaggedText.Close);
                }

                continue;
            }

            var id = DataIdPattern().Match(match.Groups["attributes"].Value);
            var tagKind = id.Success ? id.Groups["kind"].Value[0] : 'o';
            if (tagKind == 'x')
            {
                output.Append(Segmentation.TaggedText.Placeholder(int.Parse(id.Groups["id"].Value, CultureInfo.InvariantCulture)));
            }
            else if (tagKind == 'g')
            {
                output.Append(Segmentation.TaggedText.Open(int.Parse(id.Groups["id"].Value, CultureInfo.InvariantCulture)));
            }

            if (!match.Groups["self"].Success)
            {
                open.Push(tagKind);
            }
            else if (tagKind == 'g')
            {
                output.Append(Segmentation.TaggedText.Close);
            }
        }

        if (!open.Contains('x'))
        {
            output.Append(html, position, html.Length - position);
        }

        return output.ToString();
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record AzureText([property: JsonPropertyName("Text")] string Text);

    private sealed record AzureResult(List<AzureTranslation>? Translations);

    private sealed record AzureTranslation(string? Text, string? To);

    private sealed record AzureErrorBody(AzureError? Error);

    private sealed record AzureError(int? Code, string? Message);
}
