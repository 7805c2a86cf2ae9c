namespace ParkGlobalMedia.Translation.Segmentation;

/// <summary>
/// One translatable unit: a heading, a paragraph (in a list item, quote, table cell, footnote, figure caption) or a
/// plain field (title, summary, SEO). <see cref="Text"/> is <em>tagged text</em> (<see cref="TaggedText"/>): the
/// words to translate, with the inline Markdown around them replaced by tags that machine translators keep and may
/// move — <c>&lt;g id="1"&gt;…&lt;/g&gt;</c> around text that stays translatable (emphasis, link text, image alt
/// text) and <c>&lt;x id="2"/&gt;</c> for what must come back untouched (code, URLs, footnote labels, entities).
/// </summary>
public sealed record Segment(string Id, SegmentKind Kind, string Text, IReadOnlyList<InlineTag> Tags)
{
    /// <summary>Whether the text carries inline tags (providers send those as markup, the others as plain text).</summary>
    public bool HasTags => Tags.Count > 0;
}

public enum SegmentKind
{
    Title,
    Summary,
    SeoTitle,
    SeoDescription,
    Heading,
    Paragraph,
    TableCell,
    Caption,
}

/// <summary>What a tag stands for, and the Markdown it is written back as.</summary>
/// <param name="Id">Unique within its segment, 1-based.</param>
/// <param name="Kind">emphasis, link, image, code, entity, footnote, break, autolink, task.</param>
/// <param name="Open">Markdown before the tagged text (<c>**</c>, <c>[</c>, <c>![</c>), or the whole thing for a placeholder.</param>
/// <param name="Close">Markdown after it (<c>**</c>, <c>](https://… "title")</c>); null for a placeholder.</param>
public sealed record InlineTag(int Id, string Kind, string Open, string? Close)
{
    public bool IsPlaceholder => Close is null;
}
