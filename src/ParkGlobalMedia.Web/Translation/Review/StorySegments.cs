using ParkGlobalMedia.Content.Stories;
using ParkGlobalMedia.Translation.Segmentation;

namespace ParkGlobalMedia.Translation.Review;

/// <summary>
/// A story version as translatable segments: the title, summary and SEO fields, then the body's segments in reading
/// order. Each segment's tagged text is the key of its unit in a <see cref="TranslationDocument"/>.
/// </summary>
public sealed class StorySegments
{
    private StorySegments(StoryVersion version, IReadOnlyList<Segment> fields, SegmentedMarkdown body)
    {
        Version = version;
        Fields = fields;
        Body = body;
        All = [.. fields, .. body.Segments];
    }

    public StoryVersion Version { get; }
    public IReadOnlyList<Segment> Fields { get; }
    public SegmentedMarkdown Body { get; }

    /// <summary>Fields first, then the body: the order the review editor shows them in.</summary>
    public IReadOnlyList<Segment> All { get; }

    /// <summary>The distinct source texts: a heading repeated in a story is translated (and paid for) once.</summary>
    public IReadOnlySet<string> Sources => All.Select(s => s.Text).ToHashSet(StringComparer.Ordinal);

    public static StorySegments Of(StoryVersion version)
    {
        var fields = new List<Segment> { MarkdownSegmenter.Field("title", SegmentKind.Title, version.Title) };
        AddIfPresent(fields, "summary", SegmentKind.Summary, version.Summary);
        AddIfPresent(fields, "seoTitle", SegmentKind.SeoTitle, version.SeoTitle);
        AddIfPresent(fields, "seoDescription", SegmentKind.SeoDescription, version.SeoDescription);
        return new StorySegments(version, fields, MarkdownSegmenter.Segment(version.Body));
    }

    /// <summary>The segments that have no translation in the document yet.</summary>
    public IReadOnlyList<Segment> Untranslated(TranslationDocument document) =>
        All.Where(s => document.Find(s.Text)?.IsTranslated != true).ToList();

    /// <summary>
    /// The target variant's text from the document's units, or null while any segment lacks a translation (a
    /// variant is never written half translated). The slug is left to the story service: kept for an existing
    /// variant, made from the translated title for a new one.
    /// </summary>
    public VariantContent? Assemble(TranslationDocument document, string? keepSlug)
    {
        if (Untranslated(document).Count > 0)
        {
            return null;
        }

        string FieldText(string id) => Fields.FirstOrDefault(f => f.Id == id) is { } field
            ? TaggedText.PlainText(document.Find(field.Text)!.Target!).Trim()
            : "";
        string? Optional(string id) => FieldText(id) is { Length: > 0 } text ? text : null;

        var body = MarkdownReassembler.Reassemble(Body, Body.Segments.ToDictionary(s => s.Id, s => document.Find(s.Text)!.Target!));
        return new VariantContent(FieldText("title"), keepSlug, FieldText("summary"), body.Markdown, Optional("seoTitle"), Optional("seoDescription"));
    }

    private static void AddIfPresent(List<Segment> fields, string id, SegmentKind kind, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            fields.Add(MarkdownSegmenter.Field(id, kind, text));
        }
    }
}
