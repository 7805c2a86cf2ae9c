namespace ParkGlobalMedia.Content;

/// <summary>Helpers for per-culture text held as a culture → text dictionary.</summary>
public static class LocalizedText
{
    /// <summary>The text for <paramref name="culture"/>, else its neutral parent (es-MX → es), else the fallback culture, else any.</summary>
    public static string? Pick(IReadOnlyDictionary<string, string> texts, string culture, string? fallbackCulture = null)
    {
        if (texts.Count == 0)
        {
            return null;
        }

        if (texts.TryGetValue(culture, out var exact))
        {
            return exact;
        }

        var dash = culture.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && texts.TryGetValue(culture[..dash], out var neutral))
        {
            return neutral;
        }

        if (fallbackCulture is not null && texts.TryGetValue(fallbackCulture, out var fallback))
        {
            return fallback;
        }

        return texts.TryGetValue("en", out var english) ? english : texts.Values.First();
    }
}
