using System.Security;
using System.Text;

namespace ParkGlobalMedia.Tests.Assets.Metadata;

/// <summary>Dublin Core and Photoshop XMP properties for a test JPEG (see <see cref="JpegWithMetadata"/>); null fields are left out.</summary>
public sealed record XmpFields
{
    /// <summary>dc:title, a language alternative written as x-default.</summary>
    public string? Title { get; init; }

    /// <summary>dc:description, x-default.</summary>
    public string? Description { get; init; }

    /// <summary>dc:creator, an ordered list.</summary>
    public IReadOnlyList<string> Creators { get; init; } = [];

    /// <summary>dc:rights, x-default.</summary>
    public string? Rights { get; init; }

    public string? Credit { get; init; }
    public string? Headline { get; init; }

    /// <summary>dc:subject, the keywords, an unordered bag.</summary>
    public IReadOnlyList<string> Subjects { get; init; } = [];

    /// <summary>A complete packet, as Adobe writes it, ready for <see cref="JpegWithMetadata.Build(byte[], ExifFields?, string?, IptcFields?)"/>.</summary>
    public string ToPacket()
    {
        var properties = new StringBuilder();
        LangAlt(properties, "dc:title", Title);
        LangAlt(properties, "dc:description", Description);
        LangAlt(properties, "dc:rights", Rights);
        List(properties, "dc:creator", "rdf:Seq", Creators);
        List(properties, "dc:subject", "rdf:Bag", Subjects);
        Simple(properties, "photoshop:Credit", Credit);
        Simple(properties, "photoshop:Headline", Headline);
        return $"""
            <?xpacket begin="{'\uFEFF'}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
             <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
              <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">
            {properties}  </rdf:Description>
             </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="w"?>
            """;
    }

    private static void LangAlt(StringBuilder xml, string name, string? value)
    {
        if (value is not null)
        {
            xml.Append($"""   <{name}><rdf:Alt><rdf:li xml:lang="x-default">{SecurityElement.Escape(value)}</rdf:li></rdf:Alt></{name}>""").Append('\n');
        }
    }

    private static void List(StringBuilder xml, string name, string kind, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            var items = string.Concat(values.Select(v => $"<rdf:li>{SecurityElement.Escape(v)}</rdf:li>"));
            xml.Append($"   <{name}><{kind}>{items}</{kind}></{name}>\n");
        }
    }

    private static void Simple(StringBuilder xml, string name, string? value)
    {
        if (value is not null)
        {
            xml.Append($"   <{name}>{SecurityElement.Escape(value)}</{name}>\n");
        }
    }
}
