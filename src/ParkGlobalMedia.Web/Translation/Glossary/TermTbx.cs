using System.Xml;
using System.Xml.Linq;

namespace ParkGlobalMedia.Translation.Glossary;

/// <summary>
/// Termbases as TBX-Basic (ISO 30042:2019, DCA style), what CAT tools and terminology systems exchange: one
/// <c>conceptEntry</c> per term, a <c>langSec</c> for the source and each culture; the preferred term of a culture is
/// its translation, its deprecated terms (<c>administrativeStatus</c> <c>deprecatedTerm-admn-sts</c>) are the forbidden
/// alternatives; part of speech is a <c>termNote</c> on the source term, the note a <c>descrip type="definition"</c>.
/// "Do not translate" has no TBX-Basic category: it is written as <c>&lt;note&gt;do-not-translate&lt;/note&gt;</c>
/// on the entry and read back from there. Reading is safe with hostile files (no DTDs, no external entities).
/// </summary>
public static class TermTbx
{
    private static readonly XNamespace Tbx = "urn:iso:std:iso:30042:ed-2";
    private static readonly XNamespace Xml = XNamespace.Xml;
    private const string Preferred = "preferredTerm-admn-sts";
    private const string Deprecated = "deprecatedTerm-admn-sts";
    private const string DoNotTranslate = "do-not-translate";

    public static string Write(IReadOnlyList<Term> terms, string termbase)
    {
        var sourceCulture = terms.Count > 0 ? terms[0].SourceCulture : "zh-CN";
        var document = new XDocument(
            new XDeclaration("1.0", "UTF-8", null),
            new XElement(Tbx + "tbx",
                new XAttribute("type", "TBX-Basic"), new XAttribute("style", "dca"), new XAttribute(Xml + "lang", sourceCulture),
                new XElement(Tbx + "tbxHeader", new XElement(Tbx + "fileDesc", new XElement(Tbx + "sourceDesc", new XElement(Tbx + "p", $"ParkGlobalMedia termbase '{termbase}'")))),
                new XElement(Tbx + "text", new XElement(Tbx + "body", terms.Select((term, i) => Entry(term, i + 1))))));
        return document.Declaration + Environment.NewLine + document.ToString();
    }

    private static XElement Entry(Term term, int number) =>
        new(Tbx + "conceptEntry", new XAttribute("id", $"c{number}"),
            term.Note is null ? null : new XElement(Tbx + "descrip", new XAttribute("type", "definition"), term.Note),
            term.DoNotTranslate ? new XElement(Tbx + "note", DoNotTranslate) : null,
            new XElement(Tbx + "langSec", new XAttribute(Xml + "lang", term.SourceCulture),
                new XElement(Tbx + "termSec", new XElement(Tbx + "term", term.Source),
                    term.PartOfSpeech is null ? null : new XElement(Tbx + "termNote", new XAttribute("type", "partOfSpeech"), term.PartOfSpeech))),
            term.Targets.Keys.Union(term.Forbidden.Keys).Order(StringComparer.Ordinal).Select(culture =>
                new XElement(Tbx + "langSec", new XAttribute(Xml + "lang", culture),
                    term.Targets.TryGetValue(culture, out var target) ? TermSec(target, Preferred) : null,
                    (term.Forbidden.GetValueOrDefault(culture) ?? []).Select(f => TermSec(f, Deprecated)))));

    private static XElement TermSec(string term, string status) =>
        new(Tbx + "termSec", new XElement(Tbx + "term", term), new XElement(Tbx + "termNote", new XAttribute("type", "administrativeStatus"), status));

    /// <summary>Rows numbered by entry (1-based), or the problem with the file.</summary>
    public static (IReadOnlyList<(int Line, TermInput Input)> Rows, string? Problem) Read(Stream stream)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 50_000_000 });
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            return ([], $"The file is not well-formed XML (line {e.LineNumber}): {e.Message}");
        }

        var root = document.Root;
        if (root is null || root.Name.LocalName != "tbx")
        {
            return ([], "The file is not TBX: its root element must be <tbx>.");
        }

        // DCA files use the ISO namespace; older TBX-Basic files have none. Both are read.
        XNamespace ns = root.Name.Namespace;
        var defaultCulture = (string?)root.Attribute(Xml + "lang");
        var rows = new List<(int, TermInput)>();
        foreach (var entry in root.Descendants(ns + "conceptEntry").Concat(root.Descendants(ns + "termEntry")))
        {
            var line = ((IXmlLineInfo)entry).LineNumber;
            var languages = entry.Elements(ns + "langSec").Concat(entry.Elements(ns + "langSet")).ToList();
            var source = languages.FirstOrDefault(l => (string?)l.Attribute(Xml + "lang") == defaultCulture) ?? languages.FirstOrDefault();
            if (source is null)
            {
                rows.Add((line, new TermInput(defaultCulture, null, null, false, null, null, null)));
                continue;
            }

            var sourceTerm = Terms(source, ns).FirstOrDefault();
            var targets = new Dictionary<string, string>();
            var forbidden = new Dictionary<string, List<string>>();
            foreach (var language in languages.Where(l => l != source))
            {
                var culture = (string?)language.Attribute(Xml + "lang") ?? "";
                var terms = Terms(language, ns).ToList();
                if (terms.FirstOrDefault(t => t.Status != Deprecated) is { } preferred)
                {
                    targets[culture] = preferred.Text;
                }

                var deprecated = terms.Where(t => t.Status == Deprecated).Select(t => t.Text).ToList();
                if (deprecated.Count > 0)
                {
                    forbidden[culture] = deprecated;
                }
            }

            var partOfSpeech = source.Descendants(ns + "termNote").FirstOrDefault(n => (string?)n.Attribute("type") == "partOfSpeech")?.Value;
            var note = entry.Elements(ns + "descrip").FirstOrDefault(d => (string?)d.Attribute("type") == "definition")?.Value;
            var dnt = entry.Elements(ns + "note").Any(n => n.Value.Trim() == DoNotTranslate);
            rows.Add((line, new TermInput((string?)source.Attribute(Xml + "lang") ?? defaultCulture, sourceTerm.Text, targets, dnt, forbidden, partOfSpeech, note)));
        }

        return (rows, null);
    }

    private static IEnumerable<(string Text, string? Status)> Terms(XElement language, XNamespace ns) =>
        language.Elements(ns + "termSec").Concat(language.Elements(ns + "tig")).Select(section => (
            section.Element(ns + "term")?.Value ?? "",
            section.Elements(ns + "termNote").FirstOrDefault(n => (string?)n.Attribute("type") == "administrativeStatus")?.Value));
}
