using static ParkGlobalMedia.Tests.Markdown.MarkdownTestHost;

namespace ParkGlobalMedia.Tests.Markdown;

public class MarkdownSafetyTests
{
    [Fact]
    public async Task Script_tags_render_as_inert_text()
    {
        var body = await RenderBodyAsync("<script>alert(1)</script>");

        Assert.Empty(body.QuerySelectorAll("script"));
        Assert.Contains("<script>alert(1)</script>", body.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("text <b onclick=alert(1)>bold</b>")]
    [InlineData("<div onmouseover=\"alert(1)\">x</div>")]
    [InlineData("[x](https://example.com \"t\\\" onmouseover=\\\"alert(1)\")")]
    [InlineData("![x](https://example.com/a.png \"\\\" onerror=\\\"alert(1)\")")]
    [InlineData("# Heading \" onclick=\"alert(1)")]
    public async Task Raw_html_never_produces_event_handler_attributes(string markdown)
    {
        var body = await RenderBodyAsync(markdown);

        var handlers = body.QuerySelectorAll("*")
            .SelectMany(element => element.Attributes)
            .Where(attribute => attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(handlers);
        Assert.Empty(body.QuerySelectorAll("img:not([src^='https://'])"));
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    [InlineData("[x](jav&#x61;script:alert(1))")]
    [InlineData("[x](&#106;avascript:alert(1))")]
    [InlineData("[x](<java\u0000script:alert(1)>)")]
    [InlineData("[x](java%0ascript:alert(1))")]
    [InlineData("[x](vbscript:msgbox(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[x](file:///etc/passwd)")]
    [InlineData("[x](//evil.example)")]
    [InlineData("[x](/\\evil.example)")]
    [InlineData("[x](<\u0001javascript:alert(1)>)")]
    [InlineData("[x](http:evil.example)")]
    [InlineData("[x][ref]\n\n[ref]: javascript:alert(1)")]
    [InlineData("[x]\n\n[x]: JAVASCRIPT:alert(1)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[x](asset:../../etc)")]
    public async Task Links_with_unsafe_urls_render_as_plain_text(string markdown)
    {
        var body = await RenderBodyAsync(markdown);

        Assert.Empty(body.QuerySelectorAll("a"));
        Assert.NotEmpty(body.TextContent.Trim());
    }

    [Theory]
    [InlineData("![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("![x](//evil.example/a.png)")]
    [InlineData("![x][img]\n\n[img]: data:image/png;base64,AAAA")]
    public async Task Images_with_unsafe_urls_render_only_their_alt_text(string markdown)
    {
        var body = await RenderBodyAsync(markdown);

        Assert.Empty(body.QuerySelectorAll("img"));
        Assert.Equal("x", body.TextContent.Trim());
    }

    [Theory]
    [InlineData("[x](http://example.com/a)", "http://example.com/a")]
    [InlineData("[x](https://example.com/a?b=c#d)", "https://example.com/a?b=c#d")]
    [InlineData("[x](HTTPS://EXAMPLE.COM)", "HTTPS://EXAMPLE.COM")]
    [InlineData("[x](mailto:press@example.com)", "mailto:press@example.com")]
    [InlineData("[x](/en/stories/one)", "/en/stories/one")]
    [InlineData("[x](../two)", "../two")]
    [InlineData("[x](#section)", "#section")]
    [InlineData("[x](?page=2)", "?page=2")]
    [InlineData("[x][ref]\n\n[ref]: https://example.com/ref", "https://example.com/ref")]
    [InlineData("<https://example.com/auto>", "https://example.com/auto")]
    [InlineData("<press@example.com>", "mailto:press@example.com")]
    public async Task Safe_links_keep_their_url(string markdown, string href)
    {
        var body = await RenderBodyAsync(markdown);

        var link = Assert.Single(body.QuerySelectorAll("a"));
        Assert.Equal(href, link.GetAttribute("href"));
    }

    [Fact]
    public async Task External_links_get_noopener_and_no_target()
    {
        var body = await RenderBodyAsync("[out](https://example.com), <https://example.com/auto> and [in](/about)");

        var links = body.QuerySelectorAll("a");
        Assert.Equal("noopener", links[0].GetAttribute("rel"));
        Assert.Equal("noopener", links[1].GetAttribute("rel"));
        Assert.Null(links[2].GetAttribute("rel"));
        Assert.All(links, link => Assert.Null(link.GetAttribute("target")));
    }

    [Fact]
    public async Task An_unsafe_link_keeps_its_formatted_text()
    {
        var body = await RenderBodyAsync("before [**bold** text](javascript:alert(1)) after");

        Assert.Empty(body.QuerySelectorAll("a"));
        Assert.Equal("bold", body.QuerySelector("strong")?.TextContent);
        Assert.Equal("before bold text after", body.TextContent.Trim());
    }

    [Fact]
    public async Task A_safe_link_around_an_unsafe_image_keeps_the_link_and_drops_the_image()
    {
        var body = await RenderBodyAsync("[![logo](javascript:alert(1))](https://example.com)");

        Assert.Empty(body.QuerySelectorAll("img"));
        Assert.Equal("logo", body.QuerySelector("a[href='https://example.com']")?.TextContent);
    }

    [Theory]
    [InlineData("| [x](javascript:alert(1)) |\n|---|\n| ![y](javascript:alert(1)) |")]
    [InlineData("Text[^1]\n\n[^1]: A [note](javascript:alert(1)).")]
    [InlineData("^^^\n![x](javascript:alert(1))\n^^^ [caption](javascript:alert(1))")]
    [InlineData("> - [ ] [task](javascript:alert(1))")]
    public async Task Unsafe_urls_are_removed_wherever_they_are_nested(string markdown)
    {
        var body = await RenderBodyAsync(markdown);

        var urls = body.QuerySelectorAll("a, img").Select(element => element.GetAttribute("href") ?? element.GetAttribute("src"));
        Assert.All(urls, url => Assert.StartsWith("#", url, StringComparison.Ordinal));
    }
}
