using System.Text;
using Markdig.Syntax;

namespace ParkGlobalMedia.Translation.Segmentation;

/// <summary>A segment whose translation could not be written back as it was, and why.</summary>
public sealed record SegmentProblem(string SegmentId, string Problem);

public sealed record ReassembledMarkdown(string Markdown, IReadOnlyList<SegmentProblem> Problems);

/// <summary>
/// Writes translated segments back into the source Markdown: each segment's range is replaced by its translation,
/// with text escaped so it stays text, tags turned back into the source's Markdown, and new lines continued inside
/// their quote or list item. A segment without a translation keeps its source text. Tag problems (lost, doubled,
/// unknown, unclosed) are reported per segment and the best possible Markdown is still written — lost placeholders
/// (code, links' URLs, footnotes) are appended so nothing of the source disappears.
/// </summary>
public static class MarkdownReassembler
{
    public static ReassembledMarkdown Reassemble(SegmentedMarkdown source, IReadOnlyDictionary<string, string> translations)
    {
        var output = new StringBuilder(source.Source.Length + source.Source.Length / 2);
        var problems = new List<SegmentProblem>();
        var position = 0;
        for (var i = 0; i < source.Segments.Count; i++)
        {
            var (segment, slot) = (source.Segments[i], source.Slots[i]);
            if (!translations.TryGetValue(segment.Id, out var translated))
            {
                continue; // the source's own bytes stay
            }

            output.Append(source.Source, position, slot.Start - position);
            var (markdown, segmentProblems) = ToMarkdown(segment, translated, slot);
            output.Append(markdown);
            problems.AddRange(segmentProblems.Select(p => new SegmentProblem(segment.Id, p)));
            position = slot.End + 1;
        }

        output.Append(source.Source, position, source.Source.Length - position);
        return new ReassembledMarkdown(output.ToString(), problems);
    }

    /// <summary>One translated segment as the Markdown of its slot.</summary>
    public static (string Markdown, IReadOnlyList<string> Problems) ToMarkdown(Segment segment, string translated, SegmentSlot slot)
    {
        var (nodes, problems) = TaggedText.Parse(translated, segment.Tags);
        var tags = segment.Tags.ToDictionary(t => t.Id);
        var writer = new MarkdownTextWriter(slot);
        Write(nodes, tags, writer);

        // Nothing untranslatable may vanish with a lost tag: put lost placeholders back at the end.
        var present = new HashSet<int>(Ids(nodes));
        foreach (var lost in segment.Tags.Where(t => t.IsPlaceholder && !present.Contains(t.Id) && t.Kind != "break"))
        {
            writer.Raw(" ");
            writer.Raw(lost.Open);
        }

        var markdown = writer.ToString().Trim();
        return (markdown, [.. problems, .. LostMarkup(segment, markdown)]);
    }

    /// <summary>
    /// Emphasis, links and images the written Markdown no longer has. CommonMark decides from the characters around a
    /// "*" whether it opens or closes emphasis, so a translation that puts a letter right after punctuation
    /// ("*…代码`*و") can turn it into a literal asterisk: the reviewer is told rather than the page silently changing.
    /// </summary>
    private static IEnumerable<string> LostMarkup(Segment segment, string markdown)
    {
        var expected = segment.Tags.Count(t => t.Kind == "emphasis");
        // Only inline links can be checked in a segment alone; reference links need the document's definitions.
        var expectedLinks = segment.Tags.Count(t => t.Kind is "link" or "image" && t.Close!.StartsWith("](", StringComparison.Ordinal));
        if (expected == 0 && expectedLinks == 0)
        {
            yield break;
        }

        var document = Markdig.Markdown.Parse(markdown, MarkdownSegmenter.Pipeline);
        var emphasis = document.Descendants<Markdig.Syntax.Inlines.EmphasisInline>().Count();
        var links = document.Descendants<Markdig.Syntax.Inlines.LinkInline>().Count(l => !l.IsAutoLink && l.Reference is null && !l.IsShortcut);
        if (emphasis < expected)
        {
            yield return $"{expected - emphasis} of {expected} emphasis marks no longer apply in the translation; put a space or punctuation between them and the next word.";
        }

        if (links < expectedLinks)
        {
            yield return $"{expectedLinks - links} of {expectedLinks} links or images no longer apply in the translation.";
        }
    }

    private static IEnumerable<int> Ids(IEnumerable<TaggedNode> nodes) =>
        nodes.SelectMany(node => node switch
        {
            TaggedNode.Placeholder placeholder => [placeholder.Id],
            TaggedNode.Group group => Ids(group.Children).Prepend(group.Id),
            _ => [],
        });

    private static void Write(IEnumerable<TaggedNode> nodes, Dictionary<int, InlineTag> tags, MarkdownTextWriter writer)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TaggedNode.Text text:
                    writer.Text(text.Value);
                    break;
                case TaggedNode.Placeholder placeholder when tags.TryGetValue(placeholder.Id, out var tag):
                    if (tag.Kind == "break")
                    {
                        writer.Break(tag.Open);
                    }
                    else
                    {
                        writer.Raw(tag.Open);
                    }

                    break;
                case TaggedNode.Group group when tags.TryGetValue(group.Id, out var tag):
                    // "_" and "*" mean the same; "*" also works inside words, where a translation may put it.
                    writer.Raw(tag.Kind == "emphasis" ? tag.Open.Replace('_', '*') : tag.Open);
                    Write(group.Children, tags, writer);
                    writer.Raw(tag.Kind == "emphasis" ? tag.Close!.Replace('_', '*') : tag.Close ?? "");
                    break;
                case TaggedNode.Group group:
                    Write(group.Children, tags, writer);
                    break;
            }
        }
    }

    /// <summary>Translated text made safe as Markdown text in its slot.</summary>
    private sealed class MarkdownTextWriter(SegmentSlot slot)
    {
        private readonly StringBuilder _markdown = new();

        /// <summary>Where the current line's text starts: block syntax ("# ", "1. ") is only read at a line start.</summary>
        private int _lineStart;

        public void Raw(string markdown) => _markdown.Append(markdown);

        /// <summary>A hard break as the source wrote it ("  " or "\"), then this block's continuation prefix and a new line.</summary>
        public void Break(string source)
        {
            _markdown.Append(source.StartsWith('\\') ? "\\" : "  ").Append('\n').Append(slot.Continuation);
            _lineStart = _markdown.Length;
        }

        /// <summary>
        /// Escapes what Markdown (with the stories' extensions) would read as syntax, and only that, so the stored
        /// body stays readable: "R&amp;D" needs no escape, "&amp;copy;" does.
        /// </summary>
        public void Text(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                var next = i + 1 < text.Length ? text[i + 1] : '\0';
                switch (c)
                {
                    case '\r':
                        break;
                    case '\n':
                        // A line break a translator put in: a space in Markdown (a soft break would need care in tables).
                        _markdown.Append(' ');
                        break;
                    case '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '~' or '^' or '|':
                        _markdown.Append('\\').Append(c);
                        break;
                    case '&' when next == '#' || char.IsAsciiLetter(next):
                        _markdown.Append('\\').Append(c);
                        break;
                    case '#' or '-' or '+' or '=' or '>' when AtBlockStart():
                        _markdown.Append('\\').Append(c);
                        break;
                    case '.' or ')' when AfterLeadingNumber():
                        _markdown.Append('\\').Append(c);
                        break;
                    case '=' or '+' when Previous() == c:
                        _markdown.Append('\\').Append(c);
                        break;
                    default:
                        _markdown.Append(c);
                        break;
                }
            }
        }

        private char Previous() => _markdown.Length > 0 ? _markdown[^1] : '\0';

        private bool AtBlockStart() => _markdown.ToString(_lineStart, _markdown.Length - _lineStart).Trim().Length == 0;

        /// <summary>"2024. " at the start of a line would become an ordered list.</summary>
        private bool AfterLeadingNumber()
        {
            var written = _markdown.ToString(_lineStart, _markdown.Length - _lineStart).TrimStart();
            return written.Length is > 0 and <= 9 && written.All(char.IsAsciiDigit);
        }

        public override string ToString() => _markdown.ToString();
    }
}
