using System.Globalization;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ParkGlobalMedia.Markdown;

/// <summary>
/// Renders <c>asset:{id}</c> links and images from resolved assets. Done in renderers rather than by rewriting the
/// tree so that every attribute still goes through Markdig's escaping, and the stored Markdown keeps only ids.
/// </summary>
internal static class AssetRendering
{
    public static void Install(HtmlRenderer renderer, IReadOnlyDictionary<string, ResolvedAsset> assets)
    {
        renderer.ObjectRenderers.Replace<LinkInlineRenderer>(new AssetLinkRenderer(assets));
        renderer.ObjectRenderers.Replace<ParagraphRenderer>(new AssetFigureRenderer(assets));
    }

    public static void WriteImage(HtmlRenderer renderer, LinkInline image, ResolvedAsset asset)
    {
        var alt = PlainText.Of(image);
        renderer.Write("<img src=\"").WriteEscapeUrl(asset.Url).Write('"');
        renderer.Write(" alt=\"").WriteEscape(alt.Length > 0 ? alt : asset.AltText ?? "").Write('"');
        if (!string.IsNullOrEmpty(image.Title))
        {
            renderer.Write(" title=\"").WriteEscape(image.Title).Write('"');
        }

        if (asset.Srcset is { Length: > 0 } srcset)
        {
            // Story bodies run in a column of at most ~50rem; the browser picks the width that fills it.
            renderer.Write(" srcset=\"").WriteEscape(srcset).Write("\" sizes=\"(max-width: 50rem) 100vw, 50rem\"");
        }

        if (asset.Width is { } width)
        {
            renderer.Write(" width=\"").Write(width.ToString(CultureInfo.InvariantCulture)).Write('"');
        }

        if (asset.Height is { } height)
        {
            renderer.Write(" height=\"").Write(height.ToString(CultureInfo.InvariantCulture)).Write('"');
        }

        renderer.Write(" loading=\"lazy\" />");
    }

    /// <summary>Asset images and links; every other link goes to Markdig's renderer unchanged.</summary>
    private sealed class AssetLinkRenderer(IReadOnlyDictionary<string, ResolvedAsset> assets) : LinkInlineRenderer
    {
        protected override void Write(HtmlRenderer renderer, LinkInline link)
        {
            if (!UrlPolicy.TryGetAssetId(link.Url, out var id))
            {
                base.Write(renderer, link);
                return;
            }

            var asset = assets.GetValueOrDefault(id);
            if (link.IsImage && asset is null)
            {
                // A visible placeholder instead of a broken image; the id tells an editor what to fix.
                renderer.Write("<span class=\"asset-missing\" data-asset-id=\"").WriteEscape(id).Write("\">");
                renderer.WriteEscape(PlainText.Of(link)).Write("</span>");
            }
            else if (link.IsImage)
            {
                WriteImage(renderer, link, asset!);
                if (asset!.CreditLine is { } credit)
                {
                    // Inside running text a <figure> would break the paragraph, so the credit follows the image inline.
                    renderer.Write("<small class=\"credit\">").WriteEscape(credit).Write("</small>");
                }
            }
            else if (asset is null)
            {
                renderer.WriteChildren(link);
            }
            else
            {
                renderer.Write("<a href=\"").WriteEscapeUrl(asset.Url).Write('"');
                if (!string.IsNullOrEmpty(link.Title))
                {
                    renderer.Write(" title=\"").WriteEscape(link.Title).Write('"');
                }

                renderer.Write('>');
                renderer.WriteChildren(link);
                renderer.Write("</a>");
            }
        }
    }

    /// <summary>A paragraph holding only a credited asset image becomes a figure whose caption is the credit.</summary>
    private sealed class AssetFigureRenderer(IReadOnlyDictionary<string, ResolvedAsset> assets) : ParagraphRenderer
    {
        protected override void Write(HtmlRenderer renderer, ParagraphBlock paragraph)
        {
            if (paragraph.Inline is not { FirstChild: LinkInline { IsImage: true, NextSibling: null } image } ||
                !UrlPolicy.TryGetAssetId(image.Url, out var id) ||
                assets.GetValueOrDefault(id) is not { CreditLine: { } credit } asset)
            {
                base.Write(renderer, paragraph);
                return;
            }

            renderer.EnsureLine();
            renderer.Write("<figure class=\"asset\">");
            WriteImage(renderer, image, asset);
            renderer.Write("<figcaption class=\"credit\">").WriteEscape(credit).Write("</figcaption>");
            renderer.WriteLine("</figure>");
        }
    }
}
