namespace ParkGlobalMedia.Translation.Providers;

/// <summary>
/// Packs texts into as few requests as a provider's limits allow: texts in order, as many per request as fit the
/// element and character limits, where characters count once per target culture (Azure's rule; a provider with one
/// target per request counts once). Greedy packing in order is within one request of the minimum for these limits,
/// and keeps a story's segments together.
/// </summary>
public static class ProviderBatches
{
    public static IReadOnlyList<ProviderRequest> Plan(
        string sourceCulture, IReadOnlyList<string> targetCultures, IReadOnlyList<ProviderText> texts, ProviderLimits limits,
        IReadOnlyDictionary<string, IReadOnlyList<ProviderTerm>>? terms = null, Func<ProviderText, int>? measure = null)
    {
        measure ??= text => text.Text.Length;
        var requests = new List<ProviderRequest>();
        foreach (var targets in targetCultures.Chunk(Math.Max(1, limits.MaxTargets)))
        {
            var batch = new List<ProviderText>();
            var characters = 0;
            foreach (var text in texts)
            {
                var cost = measure(text) * targets.Length;
                if (batch.Count > 0 && (batch.Count + 1 > limits.MaxTexts || characters + cost > limits.MaxCharacters))
                {
                    requests.Add(Request(sourceCulture, targets, batch, terms));
                    batch = [];
                    characters = 0;
                }

                // A text over the limit on its own still goes alone: the provider's refusal names it (TooLong).
                batch.Add(text);
                characters += cost;
            }

            if (batch.Count > 0)
            {
                requests.Add(Request(sourceCulture, targets, batch, terms));
            }
        }

        return requests;
    }

    /// <summary>Characters a set of texts costs into a set of cultures (what paid providers bill), as the provider measures a text.</summary>
    public static long Characters(IEnumerable<ProviderText> texts, int targetCount, Func<ProviderText, int>? measure = null) =>
        texts.Sum(t => (long)(measure?.Invoke(t) ?? t.Text.Length)) * targetCount;

    private static ProviderRequest Request(
        string source, string[] targets, List<ProviderText> texts, IReadOnlyDictionary<string, IReadOnlyList<ProviderTerm>>? terms) =>
        new(source, targets, texts, terms?.Where(t => targets.Contains(t.Key)).ToDictionary(t => t.Key, t => t.Value) ?? new Dictionary<string, IReadOnlyList<ProviderTerm>>());
}
