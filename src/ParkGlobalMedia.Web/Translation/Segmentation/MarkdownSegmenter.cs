using System.Text;
using Markdig;
using Markdig.Extensions.Figures;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Tables;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using ParkGlobalMedia.Markdown;

namespace ParkGlobalMedia.Translation.Segmentation;

/// <summary>Where a body segment sits in its source, so that only its inline text is replaced and every byte around it stays.</summary>
/// <param name="Start">First character of the inline content (inclusive).</param>
/// <param name="End">Last character of the inline content (inclusive).</param>
/// <param name="Continuation">What a new line inside this block must start with (quote markers, list indentation).</param>
public sealed record SegmentSlot(int Start, int End, string Continuation, bool InTable);

/// <summary>A Markdown body cut into segments, with where each one goes back.</summary>
public sealed record SegmentedMarkdown(string Source, IReadOnlyList<Segment> Segments, IReadOnlyList<SegmentSlot> Slots);

/// <summary>
/// Cuts a story body into translatable segments with Markdig's syntax tree, in the dialect the sites render
/// (<see cref="MarkdownRenderer.Extensions"/>). Each leaf block with inline content (heading, paragraph — also in
/// list items, quotes, table cells, footnotes —, figure caption) is one segment; code blocks and link reference
/// definitions are not translatable. Inline Markdown becomes tags (<see cref="Segment"/>). Reassembly
/// (<see cref="MarkdownReassembler"/>) replaces each segment's source range and nothing else, so tables, list
/// markers, indentation and everything untranslatable come back byte for byte.
/// </summary>
public static class MarkdownSegmenter
{
    private static readonly MarkdownPipeline Pipeline = MarkdownRenderer.Extensions(new MarkdownPipelineBuilder()).UsePreciseSourceLocation().Build();

    public static SegmentedMarkdown Segment(string markdown, string idPrefix = "body")
    {
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        var segments = new List<Segment>();
        var slots = new List<SegmentSlot>();
        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            if (leaf.Inline?.FirstChild is null || leaf is CodeBlock || InGridTable(leaf, markdown))
            {
                continue;
            }

            var builder = new SegmentBuilder(markdown);
            builder.AddChildren(leaf.Inline);
            if (!builder.HasWords)
            {
                continue; // only tags and spaces (a lone image without alt, a code span): nothing to translate
            }

            var (start, end) = (leaf.Inline.FirstChild.Span.Start, LastWritten(leaf.Inline).Span.End);
            var inTable = leaf.Parent is TableCell;
            var kind = leaf switch
            {
                HeadingBlock => SegmentKind.Heading,
                FigureCaption => SegmentKind.Caption,
                _ when inTable => SegmentKind.TableCell,
                _ => SegmentKind.Paragraph,
            };
            segments.Add(new Segment($"{idPrefix}/{segments.Count + 1}", kind, builder.Text.Trim(), builder.Tags));
            slots.Add(new SegmentSlot(start, end, Continuation(markdown, start), inTable));
        }

        return new SegmentedMarkdown(markdown, segments, slots);
    }

    /// <summary>A plain field (title, summary, SEO text) as one segment without tags.</summary>
    public static Segment Field(string id, SegmentKind kind, string text) => new(id, kind, TaggedText.Escape(text), []);

    /// <summary>The last inline that is in the source: the parser appends a footnote's back-reference, which is not.</summary>
    private static Inline LastWritten(ContainerInline container)
    {
        var last = container.LastChild!;
        while (last is FootnoteLink { IsBackLink: true } && last.PreviousSibling is { } previous)
        {
            last = previous;
        }

        return last;
    }

    /// <summary>
    /// Grid tables draw their cells with fixed-width borders, which a translation of another length would break;
    /// their text stays as written (reported as untranslatable rather than corrupted).
    /// </summary>
    private static bool InGridTable(Block block, string source)
    {
        for (var parent = block.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is Table table)
            {
                return table.Span.Start < source.Length && source[table.Span.Start] == '+';
            }
        }

        return false;
    }

    /// <summary>
    /// The prefix a continuation line of the block starting at <paramref name="start"/> needs: the characters before
    /// it on its line with list markers blanked ("> - item" → ">   "), so a hard line break stays inside the quote
    /// and the list item.
    /// </summary>
    private static string Continuation(string source, int start)
    {
        var lineStart = source.LastIndexOf('\n', Math.Max(0, start - 1)) + 1;
        if (start > 0 && source[start - 1] == '\n')
        {
            lineStart = start;
        }

        var prefix = new StringBuilder(start - lineStart);
        foreach (var c in source.AsSpan(lineStart, start - lineStart))
        {
            prefix.Append(c is '>' or ' ' or '\t' ? c : ' ');
        }

        return prefix.ToString();
    }

    /// <summary>Walks one block's inlines into tagged text and its tags.</summary>
    private sealed class SegmentBuilder(string source)
    {
        private readonly StringBuilder _text = new();
        private readonly List<InlineTag> _tags = [];

        public string Text => _text.ToString();
        public IReadOnlyList<InlineTag> Tags => _tags;
        public bool HasWords { get; private set; }

        public void AddChildren(ContainerInline container)
        {
            for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
            {
                Add(inline);
            }
        }

        private void Add(Inline inline)
        {
            switch (inline)
            {
                case FootnoteLink { IsBackLink: true }:
                    break; // added by the parser after a footnote's text; not in the source
                case LiteralInline literal:
                    AddWords(literal.Content.ToString());
                    break;
                case LineBreakInline { IsHard: false } soft:
                    AddWords(SoftBreak(soft));
                    break;
                case LineBreakInline hard:
                    // The break and the next line's container prefix: written back as they were.
                    Placeholder("break", Source(hard.Span.Start, (hard.NextSibling?.Span.Start ?? hard.Span.End + 1) - 1));
                    break;
                case CodeInline or HtmlEntityInline or FootnoteLink or TaskList or AutolinkInline or HtmlInline:
                    Placeholder(KindOf(inline), Source(inline.Span.Start, inline.Span.End));
                    break;
                case LinkInline { IsAutoLink: true } autolink:
                    Placeholder("autolink", Source(autolink.Span.Start, autolink.Span.End));
                    break;
                case LinkInline link:
                {
                    var open = link.IsImage ? "![" : "[";
                    var labelEnd = link.LastChild is { } last ? last.Span.End : link.Span.Start + open.Length - 1;
                    Group(link.IsImage ? "image" : "link", open, Source(labelEnd + 1, link.Span.End), link);
                    break;
                }

                case EmphasisInline emphasis:
                {
                    var delimiter = new string(emphasis.DelimiterChar, emphasis.DelimiterCount);
                    Group("emphasis", delimiter, delimiter, emphasis);
                    break;
                }

                case ContainerInline container:
                    AddChildren(container);
                    break;
                default:
                    Placeholder(KindOf(inline), Source(inline.Span.Start, inline.Span.End));
                    break;
            }
        }

        private void AddWords(string words)
        {
            HasWords |= words.Any(char.IsLetterOrDigit);
            _text.Append(TaggedText.Escape(words));
        }

        private void Placeholder(string kind, string markdown)
        {
            var id = _tags.Count + 1;
            _tags.Add(new InlineTag(id, kind, markdown, null));
            _text.Append(TaggedText.Placeholder(id));
        }

        private void Group(string kind, string open, string close, ContainerInline children)
        {
            var id = _tags.Count + 1;
            _tags.Add(new InlineTag(id, kind, open, close));
            _text.Append(TaggedText.Open(id));
            AddChildren(children);
            _text.Append(TaggedText.Close);
        }

        private string Source(int start, int end) => end < start ? "" : source[start..(end + 1)];

        /// <summary>A soft line break is a space between words, and nothing between two CJK characters.</summary>
        private string SoftBreak(LineBreakInline soft)
        {
            var before = soft.Span.Start > 0 ? source[soft.Span.Start - 1] : ' ';
            var after = soft.NextSibling is { } next && next.Span.Start < source.Length ? source[next.Span.Start] : ' ';
            return IsCjk(before) && IsCjk(after) ? "" : " ";
        }

        private static bool IsCjk(char c) => c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF' or >= '\u3000' and <= '\u303F';

        private static string KindOf(Inline inline) => inline switch
        {
            CodeInline => "code",
            HtmlEntityInline => "entity",
            FootnoteLink => "footnote",
            TaskList => "task",
            AutolinkInline => "autolink",
            _ => "markup",
        };
    }
}
