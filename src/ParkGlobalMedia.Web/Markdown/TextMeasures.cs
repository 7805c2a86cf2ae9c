using System.Text;

namespace ParkGlobalMedia.Markdown;

/// <summary>
/// Word counts, reading time and excerpts for text that mixes scripts. Chinese and Japanese have no spaces between
/// words, so their characters are counted (and may be cut) one by one; everything else is counted by words.
/// </summary>
internal static class TextMeasures
{
    private const double CjkCharsPerMinute = 400;
    private const double WordsPerMinute = 220;
    private const string Ellipsis = "…";

    // Separators that look wrong right before an ellipsis ("Hello,…").
    private static readonly char[] TrailingSeparators = [',', ';', ':', '-', '–', '—', '、', '，', '；', '：'];

    public static (int CjkChars, int Words) Count(string text)
    {
        int cjkChars = 0, words = 0;
        var inWord = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsCjk(rune))
            {
                cjkChars += IsCjkLetter(rune) ? 1 : 0;
                inWord = false;
            }
            else if (Rune.IsWhiteSpace(rune))
            {
                inWord = false;
            }
            else if (!inWord && Rune.IsLetterOrDigit(rune))
            {
                // Punctuation neither starts nor ends a word, so "don't", "e-mail" and "3.5" count once and a lone "—" not at all.
                words++;
                inWord = true;
            }
        }

        return (cjkChars, words);
    }

    public static int ReadingMinutes(string plainText)
    {
        var (cjkChars, words) = Count(plainText);
        var minutes = (cjkChars / CjkCharsPerMinute) + (words / WordsPerMinute);
        return Math.Max(1, (int)Math.Ceiling(minutes));
    }

    /// <summary>At most <paramref name="maxChars"/> characters including the ellipsis, so it fits a field limit.</summary>
    public static string Excerpt(string plainText, int maxChars)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 2);
        var text = plainText.Trim();
        if (text.Length <= maxChars)
        {
            return text;
        }

        var cut = maxChars - Ellipsis.Length;
        if (char.IsLowSurrogate(text[cut]))
        {
            cut--; // never split an emoji or a rare ideograph outside the BMP
        }

        if (!CanBreakAt(text, cut))
        {
            var wordStart = cut;
            while (wordStart > 0 && !CanBreakAt(text, wordStart))
            {
                wordStart--;
            }

            cut = wordStart > 0 ? wordStart : cut; // one endless "word" (a URL) is cut where it is
        }

        return text[..cut].TrimEnd().TrimEnd(TrailingSeparators).TrimEnd() + Ellipsis;
    }

    /// <summary>A cut between text[index - 1] and text[index] is clean at whitespace or next to a CJK character.</summary>
    private static bool CanBreakAt(string text, int index)
    {
        Rune.DecodeLastFromUtf16(text.AsSpan(0, index), out var before, out _);
        Rune.DecodeFromUtf16(text.AsSpan(index), out var after, out _);
        return Rune.IsWhiteSpace(before) || Rune.IsWhiteSpace(after) || IsCjk(before) || IsCjk(after);
    }

    /// <summary>Han, kana and CJK punctuation: scripts written without spaces. Hangul is spaced, so it counts by words.</summary>
    private static bool IsCjk(Rune rune) =>
        IsCjkLetter(rune) ||
        rune.Value is (>= 0x3000 and <= 0x303F) // CJK symbols and punctuation
            or (>= 0xFF00 and <= 0xFFEF); // full-width forms

    private static bool IsCjkLetter(Rune rune) =>
        rune.Value is (>= 0x3040 and <= 0x30FF) // hiragana, katakana
            or (>= 0x31F0 and <= 0x31FF) // katakana extensions
            or (>= 0x3400 and <= 0x4DBF) // extension A
            or (>= 0x4E00 and <= 0x9FFF) // unified ideographs
            or (>= 0xF900 and <= 0xFAFF) // compatibility ideographs
            or (>= 0x20000 and <= 0x3134F); // extensions B–G
}
