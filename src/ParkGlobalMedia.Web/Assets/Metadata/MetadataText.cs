using System.Text;

namespace ParkGlobalMedia.Assets.Metadata;

/// <summary>
/// Makes a text taken from a file safe to store and show. Files are hostile: metadata can hold NULs, terminal escapes,
/// right-to-left overrides that disguise a name, broken surrogates that break JSON encoders, or megabytes of text.
/// </summary>
internal static class MetadataText
{
    /// <summary>Null when nothing printable is left; otherwise trimmed and capped at <paramref name="maxLength"/> characters.</summary>
    public static string? Clean(string? value, int maxLength, bool multiline = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.AsSpan().Trim();
        var builder = new StringBuilder(Math.Min(text.Length, maxLength));
        for (var i = 0; i < text.Length && builder.Length < maxLength; i++)
        {
            var c = text[i];
            if (c is '\r' or '\n' or '\t')
            {
                // A caption keeps its line breaks (CR LF and lone CR become LF); any other field is one line.
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    continue;
                }

                builder.Append(multiline && c != '\t' ? '\n' : ' ');
            }
            else if (char.IsHighSurrogate(c))
            {
                // Keep a pair whole or not at all: a lone half is invalid UTF-16 and cutting at the cap must not make one.
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) && builder.Length + 2 <= maxLength)
                {
                    builder.Append(c).Append(text[++i]);
                }
            }
            else if (!char.IsControl(c) && !char.IsLowSurrogate(c) && !IsInvisibleTrick(c))
            {
                builder.Append(c);
            }
        }

        var cleaned = builder.ToString().Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }

    // Bidi embeddings/overrides/isolates and the byte-order mark: invisible, and able to make "gpj.exe" read as "exe.jpg".
    private static bool IsInvisibleTrick(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\uFEFF';
}
