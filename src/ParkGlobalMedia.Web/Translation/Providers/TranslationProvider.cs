namespace ParkGlobalMedia.Translation.Providers;

/// <summary>A text to translate: a segment's tagged text (<see cref="Segmentation.TaggedText"/>).</summary>
/// <param name="HasTags">Whether it carries inline tags: providers then send it as markup, else as plain text.</param>
public sealed record ProviderText(string Id, string Text, bool HasTags);

/// <summary>A glossary term as a provider applies it for one target culture.</summary>
/// <param name="DoNotTranslate">Brand and product names: kept exactly as written in the source.</param>
public sealed record ProviderTerm(string Source, string Target, bool DoNotTranslate);

/// <summary>One call's worth of work: texts from one culture into one or more.</summary>
/// <param name="Terms">Per target culture, the glossary terms that occur in these texts.</param>
public sealed record ProviderRequest(
    string SourceCulture,
    IReadOnlyList<string> TargetCultures,
    IReadOnlyList<ProviderText> Texts,
    IReadOnlyDictionary<string, IReadOnlyList<ProviderTerm>> Terms);

public sealed record ProviderTranslation(string Id, string Culture, string Text);

/// <summary>What one request may hold, as the provider documents it.</summary>
/// <param name="MaxTexts">Elements per request.</param>
/// <param name="MaxCharacters">Characters per request, counted across all target cultures (Azure counts text × targets).</param>
/// <param name="MaxTargets">Target cultures per request (DeepL takes one).</param>
public sealed record ProviderLimits(int MaxTexts, int MaxCharacters, int MaxTargets);

/// <summary>
/// A machine (or not) that turns tagged texts into other cultures. Real ones are HTTP clients with a configurable
/// endpoint; each keeps tags intact and reports failures as <see cref="TranslationProviderException"/> with a kind
/// the job can act on (retry, split, stop with a clear message).
/// </summary>
public interface ITranslationProvider
{
    /// <summary>azure, deepl, pseudo, manual: recorded on every translated segment.</summary>
    string Name { get; }

    /// <summary>Paid providers are metered against each enterprise's monthly character budget.</summary>
    bool IsPaid { get; }

    /// <summary>Output that must never be published (pseudo-localization).</summary>
    bool IsForTesting { get; }

    /// <summary>Whether the operator has given it what it needs (a key): editors are offered only configured providers.</summary>
    bool IsConfigured { get; }

    ProviderLimits Limits { get; }

    /// <summary>
    /// The characters a text counts for in the provider's limits and bill: the text as it goes on the wire (Azure's
    /// HTML spans are longer than the tagged text), per target culture.
    /// </summary>
    int Measure(ProviderText text) => text.Text.Length;

    /// <summary>HTTP calls one request takes (Azure splits targets whose glossary terms differ): what "calls" counts.</summary>
    int CallsFor(ProviderRequest request) => 1;

    /// <summary>Translations for every text into every target culture of the request, or an exception.</summary>
    Task<IReadOnlyList<ProviderTranslation>> TranslateAsync(ProviderRequest request, CancellationToken cancellationToken);
}

/// <summary>"Manual" translation: no machine; the translator types every segment memory did not cover.</summary>
public static class ManualTranslation
{
    public const string Name = "manual";
}

public enum ProviderFailureKind
{
    /// <summary>Key missing or wrong, region wrong, endpoint unreachable by configuration: an operator must act.</summary>
    Configuration,

    /// <summary>The provider's own quota or the account's credit is exhausted.</summary>
    Quota,

    /// <summary>Too many requests: retry after the delay the provider names, else with backoff.</summary>
    Throttled,

    /// <summary>5xx, a timeout, a dropped connection: retry with backoff.</summary>
    Transient,

    /// <summary>The request (or one text) is over the provider's size limit: split it and try again.</summary>
    TooLong,

    /// <summary>The provider answered, but not with what was asked (fewer items, unusable body): not retried.</summary>
    BadResponse,

    /// <summary>Refused as invalid (an unsupported culture): not retried.</summary>
    Rejected,
}

/// <summary>A provider's failure, with the provider's own words and what to do about it.</summary>
public sealed class TranslationProviderException(
    string provider, ProviderFailureKind kind, string message, TimeSpan? retryAfter = null, string? traceId = null, Exception? inner = null)
    : Exception($"{provider}: {message}", inner)
{
    public string Provider => provider;
    public ProviderFailureKind Kind => kind;
    public TimeSpan? RetryAfter => retryAfter;

    /// <summary>The id the request was sent with (Azure's X-ClientTraceId), for the provider's support.</summary>
    public string? TraceId => traceId;

    public bool IsTransient => kind is ProviderFailureKind.Throttled or ProviderFailureKind.Transient;
}
