using ParkGlobalMedia.Markdown;
using static ParkGlobalMedia.Tests.Markdown.MarkdownTestHost;

namespace ParkGlobalMedia.Tests.Markdown;

public class MarkdownAssetTests
{
    private static readonly ResolvedAsset Photo = new("https://cdn.example.com/a/photo.jpg", "Bank alt", 1200, 800, null);
    private static readonly ResolvedAsset CreditedPhoto = Photo with { CreditLine = "© Xiangjiang Heavy" };

    [Fact]
    public async Task Asset_images_render_the_resolved_url_size_and_lazy_loading()
    {
        var body = await RenderBodyAsync("![Engineer at work](asset:demo-1)", new FakeAssetResolver(("demo-1", Photo)));

        var img = Assert.Single(body.QuerySelectorAll("img"));
        Assert.Equal("https://cdn.example.com/a/photo.jpg", img.GetAttribute("src"));
        Assert.Equal("Engineer at work", img.GetAttribute("alt"));
        Assert.Equal("1200", img.GetAttribute("width"));
        Assert.Equal("800", img.GetAttribute("height"));
        Assert.Equal("lazy", img.GetAttribute("loading"));
    }

    [Fact]
    public async Task Asset_images_without_markdown_alt_use_the_asset_alt_text()
    {
        var body = await RenderBodyAsync("![](asset:demo-1)", new FakeAssetResolver(("demo-1", Photo)));

        Assert.Equal("Bank alt", body.QuerySelector("img")?.GetAttribute("alt"));
    }

    [Fact]
    public async Task A_credited_image_on_its_own_line_becomes_a_figure_with_a_credit_caption()
    {
        var body = await RenderBodyAsync("Intro.\n\n![Photo](asset:demo-1)\n\nMore.", new FakeAssetResolver(("demo-1", CreditedPhoto)));

        var figure = Assert.Single(body.QuerySelectorAll("figure.asset"));
        Assert.Null(figure.ParentElement?.Closest("p"));
        Assert.NotNull(figure.QuerySelector("img[src='https://cdn.example.com/a/photo.jpg']"));
        Assert.Equal("© Xiangjiang Heavy", figure.QuerySelector("figcaption.credit")?.TextContent);
    }

    [Fact]
    public async Task A_credited_image_inside_text_keeps_the_paragraph_and_shows_the_credit_inline()
    {
        var body = await RenderBodyAsync("See ![Photo](asset:demo-1) here.", new FakeAssetResolver(("demo-1", CreditedPhoto)));

        var paragraph = Assert.Single(body.QuerySelectorAll("p"));
        Assert.Empty(body.QuerySelectorAll("figure"));
        Assert.NotNull(paragraph.QuerySelector("img"));
        Assert.Equal("© Xiangjiang Heavy", paragraph.QuerySelector("small.credit")?.TextContent);
    }

    [Fact]
    public async Task An_unresolved_asset_image_renders_a_placeholder_instead_of_a_broken_image()
    {
        var body = await RenderBodyAsync("![Missing photo](asset:gone)");

        Assert.Empty(body.QuerySelectorAll("img"));
        var placeholder = Assert.Single(body.QuerySelectorAll("span.asset-missing"));
        Assert.Equal("gone", placeholder.GetAttribute("data-asset-id"));
        Assert.Equal("Missing photo", placeholder.TextContent);
    }

    [Fact]
    public async Task Asset_links_point_to_the_resolved_url_or_fall_back_to_text()
    {
        var resolver = new FakeAssetResolver(("brochure", Photo with { Url = "https://cdn.example.com/brochure.pdf" }));

        var body = await RenderBodyAsync("[Brochure](asset:brochure) and [old file](asset:gone)", resolver);

        var link = Assert.Single(body.QuerySelectorAll("a"));
        Assert.Equal("https://cdn.example.com/brochure.pdf", link.GetAttribute("href"));
        Assert.Equal("Brochure and old file", body.TextContent.Trim());
    }

    [Fact]
    public async Task Each_asset_is_resolved_once_with_the_render_culture()
    {
        var resolver = new FakeAssetResolver(("a", Photo), ("b", Photo));

        var rendered = await new MarkdownRenderer(resolver).RenderAsync(
            "![1](asset:a) ![2](asset:b) [3](asset:a)\n\n![4][ref]\n\n[ref]: asset:b", "es-MX");

        Assert.Equal(["a", "b"], rendered.AssetIds);
        Assert.Equal([("a", "es-MX"), ("b", "es-MX")], resolver.Requests);
    }

    [Fact]
    public async Task A_resolved_asset_with_an_unsafe_url_is_treated_as_missing()
    {
        var resolver = new FakeAssetResolver(("bad", Photo with { Url = "javascript:alert(1)" }));

        var body = await RenderBodyAsync("![Bad](asset:bad) [bad link](asset:bad)", resolver);

        Assert.Empty(body.QuerySelectorAll("img, a"));
        Assert.NotNull(body.QuerySelector("span.asset-missing"));
    }

    [Fact]
    public async Task Attribute_values_from_the_asset_bank_are_escaped()
    {
        var hostile = new ResolvedAsset(
            Url: "https://cdn.example.com/x.jpg\" onerror=\"alert(1)",
            AltText: "\"><script>alert(1)</script>",
            Width: null,
            Height: null,
            CreditLine: "<b>credit</b>");
        var resolver = new FakeAssetResolver(("x", hostile));

        var body = await RenderBodyAsync("![](asset:x)", resolver);

        Assert.Empty(body.QuerySelectorAll("script, b, [onerror]"));
        Assert.Equal("\"><script>alert(1)</script>", body.QuerySelector("img")?.GetAttribute("alt"));
        Assert.Equal("<b>credit</b>", body.QuerySelector("figcaption")?.TextContent);
    }
}
