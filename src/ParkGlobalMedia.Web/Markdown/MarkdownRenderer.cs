using System.Globalization;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ParkGlobalMedia.Markdown;

/// <summary>
/// Turns a story body into safe HTML plus the text measures that lists, feeds and search need.
/// Raw HTML is shown as text, only allow-listed URLs survive (see <see cref="UrlPolicy"/>), and <c>asset:{id}</c>
/// references are resolved per culture at render time.
/// </summary>
public sealed class MarkdownRenderer(IAssetReferenceResolver assets)
{
    // Built once: a MarkdownPipeline is immutable and safe to share between threads. Generic attributes ({#id .class})
    // and bare-URL autolinks are deliberately absent: the first lets authors write arbitrary attributes such as onclick.
    private static readonly MarkdownPipeline Pipeline = Extensions(new MarkdownPipelineBuilder()).Build();

    /// <summary>
    /// The Markdown dialect of stories, shared with everything else that parses them (translation segmentation), so
    /// that what is segmented is exactly what is rendered.
    /// </summary>
    internal static MarkdownPipelineBuilder Extensions(MarkdownPipelineBuilder builder) => builder
        .DisableHtml()
        .UsePipeTables()
        .UseGridTables()
        // GitHub ids keep CJK ("## 海拔" → id="海拔"), are de-duplicated with -1, -2…, and fall back to "section"
        // when a heading has no letters, so every heading can be linked to.
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseFigures()
        .UseEmphasisExtras()
        .UseFootnotes()
        .UseTaskLists();

    public async Task<RenderedMarkdown> RenderAsync(string markdown, string culture, CancellationToken cancellationToken = default)
    {
        var document = Parse(markdown);
        var assetIds = document.Descendants<LinkInline>()
            .Select(link => UrlPolicy.TryGetAssetId(link.Url, out var id) ? id : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var resolved = await ResolveAsync(assetIds, culture, cancellationToken);

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        AssetRendering.Install(renderer, resolved);
        renderer.Render(document);
        writer.Flush();

        var plainText = PlainText.Of(document);
        var (cjkChars, words) = TextMeasures.Count(plainText);
        return new RenderedMarkdown(
            writer.ToString(),
            plainText,
            Excerpt(plainText),
            cjkChars + words,
            ReadingMinutes(plainText),
            assetIds);
    }

    /// <summary>The reader-visible text without markup, whitespace collapsed to single spaces.</summary>
    public static string ToPlainText(string markdown) => PlainText.Of(Parse(markdown));

    /// <summary>
    /// At most <paramref name="maxChars"/> characters including the "…" added when cut. Latin text is cut between
    /// words, CJK text between characters.
    /// </summary>
    public static string Excerpt(string plainText, int maxChars = 200) => TextMeasures.Excerpt(plainText, maxChars);

    /// <summary>CJK characters at about 400 a minute plus other words at about 220 a minute, rounded up, at least 1.</summary>
    public static int ReadingMinutes(string plainText) => TextMeasures.ReadingMinutes(plainText);

    private static MarkdownDocument Parse(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        LinkSanitizer.Sanitize(document);
        return document;
    }

    // Sequential on purpose: the asset bank will likely sit on a DbContext, which allows one query at a time, and a
    // story references a handful of assets.
    private async Task<IReadOnlyDictionary<string, ResolvedAsset>> ResolveAsync(
        IReadOnlyList<string> assetIds, string culture, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, ResolvedAsset>(StringComparer.Ordinal);
        foreach (var id in assetIds)
        {
            // The resolver's URL goes through the same allow-list as an author's: a bad record must not become XSS.
            if (await assets.ResolveAsync(id, culture, cancellationToken) is { } asset && UrlPolicy.IsWebUrl(asset.Url))
            {
                resolved[id] = asset;
            }
        }

        return resolved;
    }
}
