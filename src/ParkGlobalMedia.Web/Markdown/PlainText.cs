using System.Text;
using Markdig.Extensions.Footnotes;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ParkGlobalMedia.Markdown;

/// <summary>
/// Extracts the reader-visible text from a parsed document. Markdig's own plain-text output leaks some extension
/// markup (figure tags, task-list boxes), so the text is collected from the tree instead.
/// </summary>
internal static class PlainText
{
    public static string Of(MarkdownDocument document)
    {
        var text = new StringBuilder();
        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            if (leaf.Inline is not null)
            {
                Append(text, leaf.Inline);
            }
            else if (leaf is CodeBlock)
            {
                text.Append(leaf.Lines.ToString());
            }

            text.Append(' ');
        }

        return CollapseWhitespace(text);
    }

    public static string Of(ContainerInline inline)
    {
        var text = new StringBuilder();
        Append(text, inline);
        return CollapseWhitespace(text);
    }

    private static void Append(StringBuilder text, Inline inline)
    {
        switch (inline)
        {
            case LiteralInline literal:
                text.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.AsSpan());
                break;
            case AutolinkInline autolink:
                text.Append(autolink.Url);
                break;
            case LineBreakInline:
                text.Append(' ');
                break;
            case FootnoteLink:
                break; // the footnote's own text is collected where the footnote block is
            case ContainerInline container:
                foreach (var child in container)
                {
                    Append(text, child);
                }

                break;
        }
    }

    private static string CollapseWhitespace(StringBuilder text)
    {
        var collapsed = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var chunk in text.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                if (char.IsWhiteSpace(c))
                {
                    pendingSpace = collapsed.Length > 0;
                    continue;
                }

                if (pendingSpace)
                {
                    collapsed.Append(' ');
                    pendingSpace = false;
                }

                collapsed.Append(c);
            }
        }

        return collapsed.ToString();
    }
}
