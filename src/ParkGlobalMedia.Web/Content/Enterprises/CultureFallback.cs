namespace ParkGlobalMedia.Content.Enterprises;

/// <summary>
/// The order in which a site looks for content when a reader asks for a culture. Orchard Core has no configurable
/// chain; here each site sets one (es-MX → es → en), and the implicit steps make the common cases need no setting.
/// </summary>
public static class CultureFallback
{
    /// <summary>
    /// Requested culture, then the site's configured chain for it (or for its neutral parent), then the neutral parent,
    /// then the site's default culture. Duplicates removed, order kept.
    /// </summary>
    public static IReadOnlyList<string> Chain(Enterprise enterprise, string requestedCulture)
    {
        var chain = new List<string> { requestedCulture };
        var dash = requestedCulture.IndexOf('-', StringComparison.Ordinal);
        var neutral = dash > 0 ? requestedCulture[..dash] : null;

        if (TryGetChain(enterprise, requestedCulture, out var configured) ||
            (neutral is not null && TryGetChain(enterprise, neutral, out configured)))
        {
            chain.AddRange(configured);
        }

        if (neutral is not null)
        {
            chain.Add(neutral);
        }

        chain.Add(enterprise.DefaultCulture);
        return chain.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static bool TryGetChain(Enterprise enterprise, string culture, out List<string> configured)
    {
        foreach (var (key, value) in enterprise.FallbackChain)
        {
            if (string.Equals(key, culture, StringComparison.OrdinalIgnoreCase))
            {
                configured = value;
                return true;
            }
        }

        configured = [];
        return false;
    }
}
