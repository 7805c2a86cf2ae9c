using System.Security.Cryptography;
using System.Text;

namespace ParkGlobalMedia.Sites.Findability;

public sealed record AtomEntry(string Id, string Title, string Url, DateTime Published, DateTime Updated, string Summary, string ContentHtml);

/// <summary>An Atom 1.0 feed (RFC 4287) of one site in one culture.</summary>
public sealed record AtomFeed(
    string Id,
    string Title,
    string Culture,
    DateTime Updated,
    string SelfUrl,
    string AlternateUrl,
    string BaseUrl,
    string AuthorName,
    IReadOnlyList<AtomEntry> Entries)
{
    public const string Namespace = "http://www.w3.org/2005/Atom";
    public const string ContentType = "application/atom+xml; charset=utf-8";

    /// <summary>
    /// A stable, host-independent id: a name-based UUID (RFC 9562 v5) of a record id and a culture. Slugs and the
    /// public host may change; an entry id must not, or every reader shows the story again as new.
    /// </summary>
    public static string StableId(Guid id, string culture)
    {
        var name = Encoding.UTF8.GetBytes(culture);
        var input = new byte[16 + name.Length];
        id.TryWriteBytes(input, bigEndian: true, out _);
        name.CopyTo(input, 16);
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 prescribes for v5 name-based UUIDs; nothing here is a secret.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return $"urn:uuid:{new Guid(hash.AsSpan(0, 16), bigEndian: true)}";
    }

    public byte[] ToXml() => XmlDocuments.Write(writer =>
    {
        writer.WriteStartElement("feed", Namespace);
        writer.WriteAttributeString("xml", "lang", null, Culture);
        // Rendered bodies link to /media/... and other site paths; xml:base lets readers resolve them.
        writer.WriteAttributeString("xml", "base", null, BaseUrl + "/");
        writer.WriteElementString("id", Namespace, Id);
        writer.WriteElementString("title", Namespace, XmlDocuments.Text(Title));
        writer.WriteElementString("updated", Namespace, XmlDocuments.Date(Updated));
        Link(writer, "self", SelfUrl, "application/atom+xml");
        Link(writer, "alternate", AlternateUrl, "text/html");
        // Feed-level author too: RFC 4287 requires one when a feed has no entries.
        Author(writer, AuthorName);
        foreach (var entry in Entries)
        {
            writer.WriteStartElement("entry", Namespace);
            writer.WriteAttributeString("xml", "lang", null, Culture);
            writer.WriteElementString("id", Namespace, entry.Id);
            writer.WriteElementString("title", Namespace, XmlDocuments.Text(entry.Title));
            Link(writer, "alternate", entry.Url, "text/html");
            writer.WriteElementString("published", Namespace, XmlDocuments.Date(entry.Published));
            writer.WriteElementString("updated", Namespace, XmlDocuments.Date(entry.Updated));
            Author(writer, AuthorName);
            writer.WriteElementString("summary", Namespace, XmlDocuments.Text(entry.Summary));
            writer.WriteStartElement("content", Namespace);
            writer.WriteAttributeString("type", "html");
            writer.WriteString(XmlDocuments.Text(entry.ContentHtml));
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    });

    private static void Link(System.Xml.XmlWriter writer, string rel, string href, string type)
    {
        writer.WriteStartElement("link", Namespace);
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("type", type);
        writer.WriteAttributeString("href", href);
        writer.WriteEndElement();
    }

    private static void Author(System.Xml.XmlWriter writer, string name)
    {
        writer.WriteStartElement("author", Namespace);
        writer.WriteElementString("name", Namespace, XmlDocuments.Text(name));
        writer.WriteEndElement();
    }
}
