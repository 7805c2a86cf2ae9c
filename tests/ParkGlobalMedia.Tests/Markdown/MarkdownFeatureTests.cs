using static ParkGlobalMedia.Tests.Markdown.MarkdownTestHost;

namespace ParkGlobalMedia.Tests.Markdown;

public class MarkdownFeatureTests
{
    [Fact]
    public async Task Pipe_tables_render_as_tables()
    {
        var body = await RenderBodyAsync("| Model | Power |\n|---|---:|\n| SY215C | 118 kW |\n| SY75C | 42 kW |");

        var table = Assert.Single(body.QuerySelectorAll("table"));
        Assert.Equal(["Model", "Power"], table.QuerySelectorAll("th").Select(th => th.TextContent));
        Assert.Equal(2, table.QuerySelectorAll("tbody tr").Length);
    }

    [Theory]
    [InlineData("# Hello World", "hello-world")]
    [InlineData("## Über uns", "über-uns")]
    [InlineData("## 海拔四千米的“家”", "海拔四千米的家")]
    [InlineData("## 2023 年度报告", "2023-年度报告")]
    public async Task Headings_get_github_style_ids(string markdown, string id)
    {
        var body = await RenderBodyAsync(markdown);

        Assert.Equal(id, body.QuerySelector("h1, h2")?.Id);
    }

    [Fact]
    public async Task Heading_ids_are_unique_and_never_empty_even_for_cjk_and_symbol_only_headings()
    {
        var body = await RenderBodyAsync("# 中文标题\n\n# 中文标题\n\n# 🎉\n\n# ???\n\n# Intro\n\n# Intro");

        var ids = body.QuerySelectorAll("h1").Select(h => h.Id).ToList();
        Assert.Equal(6, ids.Count);
        Assert.All(ids, id => Assert.False(string.IsNullOrWhiteSpace(id)));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Figure_blocks_render_with_their_caption()
    {
        var body = await RenderBodyAsync("^^^\n![Crane at dusk](https://cdn.example.com/crane.jpg)\n^^^ The new crane");

        var figure = Assert.Single(body.QuerySelectorAll("figure"));
        Assert.NotNull(figure.QuerySelector("img[src='https://cdn.example.com/crane.jpg']"));
        Assert.Equal("The new crane", figure.QuerySelector("figcaption")?.TextContent);
    }

    [Fact]
    public async Task Footnotes_emphasis_extras_and_task_lists_are_enabled()
    {
        var body = await RenderBodyAsync("H~2~O and ~~old~~ text[^1]\n\n- [x] done\n\n[^1]: A note.");

        Assert.NotNull(body.QuerySelector("sub"));
        Assert.NotNull(body.QuerySelector("del"));
        Assert.NotNull(body.QuerySelector("a.footnote-ref"));
        Assert.NotNull(body.QuerySelector("input[type=checkbox][disabled]"));
    }
}
