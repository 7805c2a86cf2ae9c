using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ParkGlobalMedia.Content.Stories;

/// <summary>
/// URL slugs for stories: lowercase ASCII words joined by hyphens. ASCII only, because slugs end up in links that
/// are pasted into chats and e-mails where percent-encoded Chinese turns into unreadable %E4%B8%89 strings.
/// </summary>
public static partial class Slugs
{
    public const int MaxLength = 80;

    // Fewer than this and the slug says nothing ("a-1"); an id-based slug is at least stable.
    private const int MinAlphanumerics = 3;

    // Letters whose decomposition keeps no ASCII base letter, and Russian (plus the few extra Ukrainian letters) by a
    // simple readable table. An empty value drops the character without splitting the word: ъ, ь, and apostrophes,
    // so "Don't" gives "dont" and "l'École" gives "lecole" (as WordPress does).
    private static readonly Dictionary<char, string> Transliterations = new()
    {
        ['ß'] = "ss", ['æ'] = "ae", ['œ'] = "oe", ['ø'] = "o", ['đ'] = "d", ['ð'] = "d", ['ł'] = "l", ['þ'] = "th", ['ı'] = "i",
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "yo", ['ж'] = "zh",
        ['з'] = "z", ['и'] = "i", ['й'] = "y", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o",
        ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts",
        ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch", ['ъ'] = "", ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "yu",
        ['я'] = "ya", ['і'] = "i", ['ї'] = "yi", ['є'] = "ye", ['ґ'] = "g",
        ['\''] = "", ['’'] = "",
    };

    public static bool IsValid(string? slug) => slug is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(slug);

    /// <summary>
    /// A readable slug, or null when the title has too little Latin or Cyrillic to make one (Chinese, Arabic, emoji):
    /// the caller then falls back to <see cref="IdBased"/>.
    /// </summary>
    public static string? FromTitle(string title)
    {
        var slug = new StringBuilder(title.Length);
        var pendingHyphen = false;
        foreach (var rune in title.EnumerateRunes())
        {
            var text = AsciiFor(Rune.ToLowerInvariant(rune));
            if (text is null)
            {
                pendingHyphen = true; // spaces, punctuation and untransliterated scripts all separate words
            }
            else if (text.Length > 0)
            {
                slug.Append(pendingHyphen && slug.Length > 0 ? "-" : "").Append(text);
                pendingHyphen = false;
            }
        }

        var result = CutToMaxLength(slug.ToString());
        return result.Count(char.IsAsciiLetterOrDigit) >= MinAlphanumerics ? result : null;
    }

    /// <summary>Always valid and unique per story, for titles that give no readable slug.</summary>
    // The last hex digits: ids are version-7 GUIDs whose leading digits are a timestamp, so stories created in the
    // same millisecond share their prefix but not their random tail.
    public static string IdBased(Guid storyId) => "story-" + storyId.ToString("N")[^10..];

    /// <summary>Never empty: the readable slug when there is one, otherwise the id-based one.</summary>
    public static string ForTitle(string title, Guid storyId) => FromTitle(title) ?? IdBased(storyId);

    /// <summary>The ASCII letters and digits for one character: "" to drop it silently, null for a word break.</summary>
    private static string? AsciiFor(Rune rune)
    {
        if (rune.IsBmp && Transliterations.TryGetValue((char)rune.Value, out var mapped))
        {
            return mapped;
        }

        if (rune.IsAscii)
        {
            return char.IsAsciiLetterOrDigit((char)rune.Value) ? rune.ToString() : null;
        }

        if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.NonSpacingMark)
        {
            return ""; // an accent typed as a separate combining character
        }

        // Compatibility decomposition strips accents (é → e + ´) and also maps full-width letters and digits, common in
        // Chinese titles ("ＳＹ２１５Ｃ"), to ASCII.
        var ascii = string.Concat(rune.ToString().Normalize(NormalizationForm.FormKD)
            .Where(char.IsAsciiLetterOrDigit)
            .Select(char.ToLowerInvariant));
        return ascii.Length > 0 ? ascii : null;
    }

    private static string CutToMaxLength(string slug)
    {
        if (slug.Length <= MaxLength)
        {
            return slug;
        }

        // Prefer ending on a whole word, unless that would throw away most of the room.
        var lastBreak = slug.LastIndexOf('-', MaxLength);
        return lastBreak >= MaxLength / 2 ? slug[..lastBreak] : slug[..MaxLength].TrimEnd('-');
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
