using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ParkGlobalMedia.Translation.Providers;

/// <summary>Key through the environment: Translation__DeepL__Key.</summary>
public sealed class DeepLOptions : HttpProviderOptions
{
    public const string Section = "Translation:DeepL";

    /// <summary>https://api.deepl.com (Pro), https://api-free.deepl.com (Free), or a test's loopback fake.</summary>
    public override Uri Endpoint { get; set; } = new("https://api.deepl.com");
}

/// <summary>
/// DeepL API v2 over REST: <c>POST /v2/translate</c> with <c>tag_handling=xml</c>, so the tagged text goes as it is
/// (<c>&lt;g&gt;</c> groups move with their words, <c>&lt;x/&gt;</c> placeholders and <c>&lt;n&gt;</c>-wrapped brand
/// names are ignore_tags). One target culture per request, as the API takes. Glossary terms go as a DeepL glossary
/// created once per distinct term list (keyed by a hash of its entries) and passed as <c>glossary_id</c>.
/// 456 is the account's quota, 429 throttling, 403 the key.
/// </summary>
public sealed partial class DeepLProvider(HttpClient http, IOptions<DeepLOptions> options, ILogger<DeepLProvider> logger) : ITranslationProvider
{
    public const string ProviderName = "deepl";

    /// <summary>
    /// Glossary ids by (endpoint, source, target, entries hash), per process: DeepL glossaries are immutable, so a
    /// changed list is a new one. Another instance makes its own copy of the same list once.
    /// </summary>
    private static readonly ConcurrentDictionary<string, string> Glossaries = new(StringComparer.Ordinal);

    public string Name => ProviderName;
    public bool IsPaid => true;
    public bool IsForTesting => false;
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Key);

    /// <summary>
    /// Documented: up to 50 texts per request and a 128 KiB request body. 30,000 characters keeps a request of CJK text
    /// (3 bytes each in UTF-8, more once JSON-escaped) under that body size.
    /// </summary>
    public ProviderLimits Limits { get; } = new(50, 30_000, 1);

    public async Task<IReadOnlyList<ProviderTranslation>> TranslateAsync(ProviderRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.Key))
        {
            throw new TranslationProviderException(Name, ProviderFailureKind.Configuration,
                "No key is configured (Translation:DeepL:Key; set Translation__DeepL__Key in the environment).");
        }

        var results = new List<ProviderTranslation>(request.Texts.Count * request.TargetCultures.Count);
        foreach (var target in request.TargetCultures)
        {
            var terms = request.Terms.GetValueOrDefault(target) ?? [];
            var glossary = await GlossaryAsync(request.SourceCulture, target, terms.Where(t => !t.DoNotTranslate).ToList(), cancellationToken);
            var body = new Dictionary<string, object>
            {
                ["text"] = request.Texts.Select(t => ProtectNames(t.Text, terms)).ToList(),
                ["source_lang"] = SourceCode(request.SourceCulture),
                ["target_lang"] = TargetCode(target),
                ["tag_handling"] = "xml",
                ["ignore_tags"] = new[] { "x", "n" },
            };
            if (glossary is not null)
            {
                body["glossary_id"] = glossary;
            }

            var reply = await SendAsync<TranslateReply>(HttpMethod.Post, "v2/translate", body, $"{request.Texts.Count} texts into {target}", cancellationToken);
            if (reply.Translations is not { } translations || translations.Count != request.Texts.Count)
            {
                throw new TranslationProviderException(Name, ProviderFailureKind.BadResponse,
                    $"The reply has {reply.Translations?.Count ?? 0} translations for {request.Texts.Count} texts.");
            }

            results.AddRange(translations.Select((t, i) => new ProviderTranslation(request.Texts[i].Id, target, UnprotectNames(t.Text ?? ""))));
        }

        return results;
    }

    private async Task<string?> GlossaryAsync(string source, string target, IReadOnlyList<ProviderTerm> terms, CancellationToken cancellationToken)
    {
        if (terms.Count == 0)
        {
            return null;
        }

        // TSV: one "source<TAB>target" per line; tabs and line breaks cannot be in an entry.
        var entries = string.Join('\n', terms.DistinctBy(t => t.Source).Select(t => $"{Clean(t.Source)}\t{Clean(t.Target)}"));
        var key = $"{SourceCode(source)}>{TargetCode(target)}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(entries)))}";
        var cacheKey = $"{options.Value.Endpoint}|{key}";
        if (Glossaries.TryGetValue(cacheKey, out var known))
        {
            return known;
        }

        var created = await SendAsync<GlossaryReply>(HttpMethod.Post, "v2/glossaries", new Dictionary<string, object>
        {
            ["name"] = $"parkglobalmedia {key[..Math.Min(key.Length, 60)]}",
            ["source_lang"] = SourceCode(source).ToLowerInvariant(),
            ["target_lang"] = TargetCode(target).Split('-')[0].ToLowerInvariant(),
            ["entries"] = entries,
            ["entries_format"] = "tsv",
        }, $"glossary of {terms.Count} terms", cancellationToken);
        var id = created.GlossaryId ?? throw new TranslationProviderException(Name, ProviderFailureKind.BadResponse, "The glossary reply has no glossary_id.");
        Glossaries[cacheKey] = id;
        return id;

        static string Clean(string text) => text.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ').Trim();
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object body, string what, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(method, ProviderHttp.Under(options.Value.Endpoint, path)) { Content = JsonContent.Create(body, options: Json) };
        message.Headers.TryAddWithoutValidation("Authorization", $"DeepL-Auth-Key {options.Value.Key}");
        using var response = await ProviderHttp.SendAsync(http, message, options.Value.Timeout, Name, null, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        logger.LogInformation("DeepL {Path}: {What}, {Status}", path, what, (int)response.StatusCode);
        if (!response.IsSuccessStatusCode)
        {
            throw Failure(response, text);
        }

        try
        {
            return JsonSerializer.Deserialize<T>(text, Json) ?? throw new JsonException("empty body");
        }
        catch (JsonException e)
        {
            throw new TranslationProviderException(Name, ProviderFailureKind.BadResponse, $"The reply is not the documented JSON: {e.Message}", null, null, e);
        }
    }

    private TranslationProviderException Failure(HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        string? message = null;
        try
        {
            message = JsonSerializer.Deserialize<ErrorReply>(body, Json)?.Message;
        }
        catch (JsonException)
        {
        }

        var detail = message ?? (body.Length > 300 ? body[..300] : body);
        var (kind, what) = status switch
        {
            456 => (ProviderFailureKind.Quota, "The DeepL account's character quota is used up"),
            401 or 403 => (ProviderFailureKind.Configuration, "The key was refused; check Translation:DeepL"),
            413 or 414 => (ProviderFailureKind.TooLong, "The request is over DeepL's size limit"),
            429 => (ProviderFailureKind.Throttled, "DeepL asks to slow down"),
            >= 500 or 408 => (ProviderFailureKind.Transient, "DeepL had a server error"),
            _ => (ProviderFailureKind.Rejected, "DeepL refused the request"),
        };
        return new TranslationProviderException(Name, kind, $"{what} ({status}): {detail}", ProviderHttp.RetryAfter(response));
    }

    /// <summary>DeepL source codes: the language alone (ZH, EN, AR).</summary>
    internal static string SourceCode(string culture) => culture.Split('-')[0].ToUpperInvariant();

    /// <summary>DeepL target codes: English and Portuguese need their variant, Chinese its script.</summary>
    internal static string TargetCode(string culture) => culture switch
    {
        "en-GB" or "en-AU" or "en-IE" or "en-NZ" => "EN-GB",
        _ when culture.StartsWith("en", StringComparison.Ordinal) => "EN-US",
        "pt-BR" => "PT-BR",
        _ when culture.StartsWith("pt", StringComparison.Ordinal) => "PT-PT",
        "zh-TW" or "zh-HK" or "zh-MO" or "zh-Hant" => "ZH-HANT",
        _ when culture.StartsWith("zh", StringComparison.Ordinal) => "ZH-HANS",
        _ => culture.Split('-')[0].ToUpperInvariant(),
    };

    /// <summary>Brand and product names wrapped in an ignored &lt;n&gt; tag, in the words only (never inside a tag).</summary>
    internal static string ProtectNames(string tagged, IReadOnlyList<ProviderTerm> terms)
    {
        var names = terms.Where(t => t.DoNotTranslate).OrderByDescending(t => t.Source.Length).Select(t => Regex.Escape(Segmentation.TaggedText.Escape(t.Source))).ToList();
        if (names.Count == 0)
        {
            return tagged;
        }

        var pattern = new Regex(string.Join('|', names));
        return Segmentation.TaggedText.MapWords(tagged, words => pattern.Replace(words, "<n>$0</n>"));
    }

    internal static string UnprotectNames(string text) => text.Replace("<n>", "", StringComparison.Ordinal).Replace("</n>", "", StringComparison.Ordinal);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record TranslateReply(List<DeepLTranslation>? Translations);

    private sealed record DeepLTranslation(string? Text, [property: JsonPropertyName("detected_source_language")] string? DetectedSourceLanguage);

    private sealed record GlossaryReply([property: JsonPropertyName("glossary_id")] string? GlossaryId);

    private sealed record ErrorReply(string? Message);
}
