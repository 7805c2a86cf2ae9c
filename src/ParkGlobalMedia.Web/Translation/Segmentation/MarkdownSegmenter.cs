using System.Text;
using System.Text.RegularExpressions;
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
public static partial class MarkdownSegmenter
{
    /// <summary>The stories' dialect, with the source positions segmentation needs.</summary>
    internal static readonly MarkdownPipeline Pipeline = MarkdownRenderer.Extensions(new MarkdownPipelineBuilder()).UsePreciseSourceLocation().Build();

    public static SegmentedMarkdown Segment(string markdown, string idPrefix = "body")
    {
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        var found = new List<(SegmentKind Kind, string Text, IReadOnlyList<InlineTag> Tags, SegmentSlot Slot)>();
        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            // The parser adds blocks that are not in the source (an empty paragraph closing a footnote, padding
            // cells of a ragged table): their span is empty or inverted.
            if (leaf.Inline?.FirstChild is null || leaf is CodeBlock || leaf.Span.End < leaf.Span.Start || InGridTable(leaf, markdown))
            {
                continue;
            }

            var builder = new SegmentBuilder(markdown);
            builder.AddChildren(leaf.Inline);
            if (!builder.HasWords)
            {
                continue; // only tags and spaces (a lone image without alt, a code span): nothing to translate
            }

            var (start, end) = (leaf.Inline.FirstChild.Span.Start, LastEnd(leaf.Inline));
            var inTable = leaf.Parent is TableCell;
            var kind = leaf switch
            {
                HeadingBlock => SegmentKind.Heading,
                FigureCaption => SegmentKind.Caption,
                _ when inTable => SegmentKind.TableCell,
                _ => SegmentKind.Paragraph,
            };
            if (end < start)
            {
                continue;
            }

            found.Add((kind, builder.Text.Trim(), builder.Tags, new SegmentSlot(start, end, Continuation(markdown, start), inTable)));
        }

        // In source order: the tree gathers footnotes (and definitions) at the end, reassembly walks the source.
        found.Sort((a, b) => a.Slot.Start.CompareTo(b.Slot.Start));
        return new SegmentedMarkdown(
            markdown,
            found.Select((f, i) => new Segment($"{idPrefix}/{i + 1}", f.Kind, f.Text, f.Tags)).ToList(),
            found.Select(f => f.Slot).ToList());
    }

    /// <summary>A plain field (title, summary, SEO text) as one segment without tags.</summary>
    public static Segment Field(string id, SegmentKind kind, string text) => new(id, kind, TaggedText.Escape(text), []);

    /// <summary>
    /// Where the block's inline source ends: the furthest end of any inline in it. Not the last child's: an unmatched
    /// "[" is a container whose own span is one character while its children run to the end of the paragraph; and
    /// the parser appends a footnote's back-reference, which is not in the source at all.
    /// </summary>
    private static int LastEnd(ContainerInline container)
    {
        var end = -1;
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            if (inline is FootnoteLink { IsBackLink: true } || inline.Span.End < inline.Span.Start)
            {
                continue;
            }

            end = Math.Max(end, inline.Span.End);
            if (inline is ContainerInline inner)
            {
                end = Math.Max(end, LastEnd(inner));
            }
        }

        return end;
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

    [GeneratedRegex(@"\b(?:https?://|www\.)[^\s<>\u3000-\u303F\uFF00-\uFFEF]+[^\s<>.,;:!?)\]\u3000-\u303F\uFF00-\uFFEF]", RegexOptions.IgnoreCase)]
    private static partial Regex BareUrl();

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
                case DelimiterInline delimiter:
                    // An unmatched "[" keeps the rest of the paragraph inside it: its own text, then its children.
                    AddWords(delimiter is LinkDelimiterInline bracket ? (bracket.IsImage ? "![" : "[") : delimiter.ToLiteral());
                    AddChildren(delimiter);
                    break;
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
                    var labelStart = link.Span.Start + open.Length;
                    var labelEnd = link.LastChild is { } last && last.Span.End >= last.Span.Start ? last.Span.End : labelStart - 1;
                    var close = Source(labelEnd + 1, link.Span.End);
                    if (link.IsShortcut || close.EndsWith("][]", StringComparison.Ordinal))
                    {
                        // [text] and [text][] name their definition by their text: a translated text needs the label.
                        close = $"][{Source(labelStart, labelEnd)}]";
                    }

                    Group(link.IsImage ? "image" : "link", open, close, link);
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

        /// <summary>Words, except bare URLs in them: those come back as written (the sites' Markdown does not link them).</summary>
        private void AddWords(string words)
        {
            var position = 0;
            foreach (Match url in BareUrl().Matches(words))
            {
                AppendWords(words[position..url.Index]);
                Placeholder("url", url.Value);
                position = url.Index + url.Length;
            }

            AppendWords(words[position..]);
        }

        private void AppendWords(string words)
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
