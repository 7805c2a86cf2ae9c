using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace ParkGlobalMedia.Admin.Localization;

/// <summary>
/// The admin UI's strings in zh-CN and en, from embedded JSON (one flat key → text file per language, so a
/// translator edits one file). The current UI culture picks the file; a key missing in zh-CN falls back to English,
/// and a key missing everywhere shows itself in brackets so it is noticed, never silently blank.
/// </summary>
public sealed class AdminText
{
    public const string Chinese = "zh-CN";
    public const string English = "en";
    public static readonly IReadOnlyList<string> Languages = [Chinese, English];

    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> Tables = Load();

    public string this[string key] => Get(CultureInfo.CurrentUICulture.Name, key);

    public string Format(string key, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, this[key], args);

    public static string Get(string language, string key)
    {
        var table = Tables.GetValueOrDefault(Pick(language)) ?? Tables[English];
        return table.TryGetValue(key, out var text) || Tables[English].TryGetValue(key, out text) ? text : $"[{key}]";
    }

    /// <summary>zh-* → zh-CN, everything else → en.</summary>
    public static string Pick(string? language) =>
        language is not null && language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;

    public static IReadOnlyCollection<string> Keys(string language) => Tables[language].Keys;

    private static FrozenDictionary<string, FrozenDictionary<string, string>> Load()
    {
        var assembly = typeof(AdminText).Assembly;
        return Languages.ToFrozenDictionary(language => language, language =>
        {
            using var stream = assembly.GetManifestResourceStream($"admin-text/{language}.json")
                               ?? throw new InvalidOperationException($"Admin text for {language} is not embedded.");
            return (JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? []).ToFrozenDictionary();
        });
    }
}
