using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace ParkGlobalMedia.Sites;

/// <summary>
/// The few words the public pages say themselves (navigation, dates, 404/410), per culture, embedded in the assembly.
/// A culture without its own file falls back to its neutral parent (es-MX → es), then English — readers always get
/// a page in words they can read rather than a missing key.
/// </summary>
public sealed class SiteText
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _texts;

    public SiteText()
    {
        var assembly = typeof(SiteText).Assembly;
        var texts = new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("site-text/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var culture = Path.GetFileNameWithoutExtension(name["site-text/".Length..]);
            texts[culture] = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!.ToFrozenDictionary(StringComparer.Ordinal);
        }

        _texts = texts.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    public IEnumerable<string> Cultures => _texts.Keys;

    public string Get(string culture, string key)
    {
        foreach (var candidate in new[] { culture, culture.Split('-')[0], "en" })
        {
            if (_texts.TryGetValue(candidate, out var table) && table.TryGetValue(key, out var text))
            {
                return text;
            }
        }

        return key;
    }

    public string Format(string culture, string key, params object?[] args) =>
        string.Format(CultureInfo.GetCultureInfo(culture), Get(culture, key), args);
}
