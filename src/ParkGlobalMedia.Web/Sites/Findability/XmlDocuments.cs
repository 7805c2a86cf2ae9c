using System.Globalization;
using System.Text;
using System.Xml;

namespace ParkGlobalMedia.Sites.Findability;

/// <summary>The XML plumbing shared by sitemaps and feeds: one writer configuration, one date format, one text filter.</summary>
internal static class XmlDocuments
{
    // No BOM: some crawlers reject a sitemap whose first bytes are not "<?xml".
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        NewLineChars = "\n",
    };

    public static byte[] Write(Action<XmlWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, Settings))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    /// <summary>W3C datetime / RFC 3339 in UTC, to the second: what sitemaps' lastmod and Atom's dates both accept.</summary>
    public static string Date(DateTime value) =>
        DateTime.SpecifyKind(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value, DateTimeKind.Utc)
            .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Drops characters XML 1.0 cannot carry at all (control characters, lone surrogates). Story text is typed or pasted
    /// by people; one stray U+0008 must not make the writer throw and take the whole site's feed down.
    /// </summary>
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        StringBuilder? cleaned = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);
            if (pair)
            {
                cleaned?.Append(c).Append(value[i + 1]);
                i++;
                continue;
            }

            if (XmlConvert.IsXmlChar(c))
            {
                cleaned?.Append(c);
                continue;
            }

            cleaned ??= new StringBuilder(value, 0, i, value.Length);
        }

        return cleaned?.ToString() ?? value;
    }
}
