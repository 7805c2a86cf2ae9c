using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace ParkGlobalMedia.Translation.Memory;

/// <summary>One translation unit read from TMX.</summary>
public sealed record TmxUnit(int Line, string SourceCulture, string TargetCulture, string Source, string Target, string? Origin);

/// <summary>
/// Translation memories as TMX 1.4b, what CAT tools exchange. A unit is a <c>tu</c> with a <c>tuv</c> per culture; the
/// segments' inline tags are TMX's own <c>&lt;g id&gt;</c> and <c>&lt;x id/&gt;</c>, so tagged text travels as it is.
/// Inline markup of other tools (<c>bpt</c>, <c>ept</c>, <c>ph</c>, <c>it</c>) is dropped on import, keeping the
/// words. Reading prohibits DTDs.
/// </summary>
public static class MemoryTmx
{
    private static readonly XNamespace Xml = XNamespace.Xml;

    public static string Write(IReadOnlyList<MemoryUnit> units, string sourceCulture)
    {
        var document = new XDocument(new XDeclaration("1.0", "UTF-8", null),
            new XElement("tmx", new XAttribute("version", "1.4"),
                new XElement("header",
                    new XAttribute("creationtool", "ParkGlobalMedia"), new XAttribute("creationtoolversion", "1"), new XAttribute("segtype", "paragraph"),
                    new XAttribute("o-tmf", "ParkGlobalMedia"), new XAttribute("adminlang", "en"), new XAttribute("srclang", sourceCulture),
                    new XAttribute("datatype", "markdown")),
                new XElement("body", units.Select(u => new XElement("tu",
                    new XAttribute("creationid", u.Origin),
                    new XAttribute("changedate", u.UpdatedAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)),
                    Tuv(u.SourceCulture, u.Source), Tuv(u.TargetCulture, u.Target))))));
        return document.Declaration + Environment.NewLine + document.ToString();
    }

    private static XElement Tuv(string culture, string tagged) =>
        new("tuv", new XAttribute(Xml + "lang", culture), XElement.Parse($"<seg>{tagged}</seg>", LoadOptions.PreserveWhitespace));

    public static (IReadOnlyList<TmxUnit> Units, string? Problem) Read(Stream stream)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 200_000_000 });
            document = XDocument.Load(reader, LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace);
        }
        catch (XmlException e)
        {
            return ([], $"The file is not well-formed XML (line {e.LineNumber}): {e.Message}");
        }

        if (document.Root?.Name.LocalName != "tmx")
        {
            return ([], "The file is not TMX: its root element must be <tmx>.");
        }

        var sourceCulture = (string?)document.Root.Element("header")?.Attribute("srclang");
        var units = new List<TmxUnit>();
        foreach (var tu in document.Root.Descendants("tu"))
        {
            var variants = tu.Elements("tuv").Select(v => (Culture: (string?)v.Attribute(Xml + "lang") ?? (string?)v.Attribute("lang") ?? "", Seg: v.Element("seg"))).ToList();
            var source = variants.FirstOrDefault(v => string.Equals(v.Culture, sourceCulture, StringComparison.OrdinalIgnoreCase));
            if (source.Seg is null)
            {
                source = variants.FirstOrDefault();
            }

            foreach (var target in variants.Where(v => v.Seg is not null && v != source))
            {
                units.Add(new TmxUnit(((IXmlLineInfo)tu).LineNumber, source.Culture, target.Culture, Tagged(source.Seg!), Tagged(target.Seg!), (string?)tu.Attribute("creationid")));
            }
        }

        return (units, null);
    }

    /// <summary>A seg's content as tagged text: g and x kept (with their ids), other inline markup reduced to its words.</summary>
    private static string Tagged(XElement seg) => string.Concat(seg.Nodes().Select(Node));

    private static string Node(XNode node) => node switch
    {
        XText text => Segmentation.TaggedText.Escape(text.Value),
        XElement { Name.LocalName: "g" } g when int.TryParse((string?)g.Attribute("id"), out var id) =>
            Segmentation.TaggedText.Open(id) + string.Concat(g.Nodes().Select(Node)) + Segmentation.TaggedText.Close,
        XElement { Name.LocalName: "x" } x when int.TryParse((string?)x.Attribute("id"), out var id) => Segmentation.TaggedText.Placeholder(id),
        XElement { Name.LocalName: "bpt" or "ept" or "ph" or "it" } => "",
        XElement other => string.Concat(other.Nodes().Select(Node)),
        _ => "",
    };
}
