using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ParkGlobalMedia.Markdown;

namespace ParkGlobalMedia.Tests.Markdown;

/// <summary>Renders Markdown and parses the HTML the way a browser would, so tests assert on the DOM.</summary>
internal static class MarkdownTestHost
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IElement> RenderBodyAsync(string markdown, IAssetReferenceResolver? assets = null)
    {
        var rendered = await new MarkdownRenderer(assets ?? new NullAssetReferenceResolver()).RenderAsync(markdown, "en");
        return Parse(rendered.Html);
    }

    public static IElement Parse(string html) => Parser.ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>").Body!;
}

/// <summary>An in-memory asset bank that also records what the renderer asked for.</summary>
internal sealed class FakeAssetResolver(params (string Id, ResolvedAsset Asset)[] assets) : IAssetReferenceResolver
{
    private readonly Dictionary<string, ResolvedAsset> _assets = assets.ToDictionary(a => a.Id, a => a.Asset);

    public List<(string Id, string Culture)> Requests { get; } = [];

    public ValueTask<ResolvedAsset?> ResolveAsync(string assetId, string culture, CancellationToken cancellationToken)
    {
        Requests.Add((assetId, culture));
        return ValueTask.FromResult(_assets.GetValueOrDefault(assetId));
    }
}
