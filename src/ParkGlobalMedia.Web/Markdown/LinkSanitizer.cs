using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ParkGlobalMedia.Markdown;

/// <summary>
/// Rewrites the parsed document so that only allow-listed URLs reach the renderer. Working on the AST (rather than
/// cleaning HTML afterwards) means there is no second parser whose idea of HTML could differ from the browser's.
/// Reference-style links need no separate pass: Markdig copies the definition's URL into each <see cref="LinkInline"/>.
/// </summary>
internal static class LinkSanitizer
{
    public static void Sanitize(MarkdownDocument document)
    {
        // Materialised first: the loops below change the tree they walk.
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (!UrlPolicy.IsAllowed(link.Url))
            {
                Defuse(link);
            }
            else if (!link.IsImage && UrlPolicy.IsAbsoluteHttp(link.Url))
            {
                // Harmless today (no target attribute is ever written) but keeps external pages from reaching
                // window.opener if a theme adds target="_blank" later.
                link.GetAttributes().AddPropertyIfNotExist("rel", "noopener");
            }
        }

        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            // E-mail autolinks are validated by the parser and rendered as mailto:. Asset references must use
            // [text](asset:id) syntax, so <asset:id> stays text like any other refused scheme.
            if (autolink.IsEmail)
            {
                continue;
            }

            if (!UrlPolicy.IsWebUrl(autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
            else if (UrlPolicy.IsAbsoluteHttp(autolink.Url))
            {
                autolink.GetAttributes().AddPropertyIfNotExist("rel", "noopener");
            }
        }
    }

    /// <summary>A refused link keeps its text; a refused image keeps only its alt text.</summary>
    private static void Defuse(LinkInline link)
    {
        if (link.IsImage)
        {
            link.ReplaceBy(new LiteralInline(PlainText.Of(link)), copyChildren: false);
            return;
        }

        while (link.FirstChild is { } child)
        {
            child.Remove();
            link.InsertBefore(child);
        }

        link.Remove();
    }
}
