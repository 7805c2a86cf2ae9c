using Microsoft.Playwright;
using Xunit.Abstractions;
using ParkGlobalMedia.Tests.Infrastructure;

namespace ParkGlobalMedia.Tests.Browser;

/// <summary>
/// Readers of the public sites in real Chromium: a deep link to an English story, a switch to Arabic and to Chinese,
/// and axe-core on story, home and 404 pages in left-to-right and right-to-left cultures. Screenshots in TestResults.
/// </summary>
[Collection("browser")]
public sealed class SiteReaderTests(BrowserFixture browser, KestrelAppFactory app, ITestOutputHelper output) : IClassFixture<KestrelAppFactory>
{
    /// <summary>
    /// On a phone, in each culture: a deep link to a story, its category, the site search through the form, and back
    /// to the story from the results. Every step is screenshotted (paths in the test output) and checked with axe.
    /// </summary>
    [Theory]
    [InlineData("zh-CN", "产业园区的一天", "人物故事", "园区")]
    [InlineData("en", "A day in the industrial park", "Human stories", "industrial")]
    [InlineData("ar", "يوم في المنطقة الصناعية", "قصص إنسانية", "الصناعية")]
    public async Task A_reader_on_a_phone_follows_a_deep_link_browses_the_category_and_searches(string culture, string title, string category, string query)
    {
        var editor = app.Api(app.Seed.EditorA.Token);
        var reviewer = app.Api(app.Seed.ReviewerA.Token);
        var (id, etag) = await editor.CreateStoryAsync(app.Seed.EnterpriseA, culture == "zh-CN" ? title : $"旅程 {culture}");
        var slug = $"phone-{culture.ToLowerInvariant()}-{id:N}";
        var (_, _, working) = await editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{id}/{culture}/draft",
            ApiCalls.Content(title, $"{title}.\n\n## {category}\n\n{title} — {query}.", slug: slug), ifMatch: culture == "zh-CN" ? etag : null);
        working = await editor.TransitionAsync(id, culture, "submit", working!);
        working = await reviewer.TransitionAsync(id, culture, "approve", working);
        await reviewer.TransitionAsync(id, culture, "publish", working);

        var page = await browser.NewPhonePageAsync(culture);
        await using var context = page.Context;
        var prefix = $"/{app.Seed.EnterpriseA}/{culture}";
        await page.GotoAsync(Url($"{prefix}/stories/{slug}"));
        Assert.Equal(title, await page.TextContentAsync("h1"));
        Assert.Equal(culture == "ar" ? "rtl" : "ltr", await page.GetAttributeAsync("html", "dir"));
        await StepAsync(page, $"journey-{culture}-1-story");

        await NavigateAsync(page, () => page.ClickAsync(".story-links a[href*='/category/']"), $"**{prefix}/category/human-stories");
        Assert.Equal(category, await page.TextContentAsync("h1"));
        Assert.True(await page.Locator($"a[href$='/stories/{slug}']").CountAsync() > 0, "the story is listed in its category");
        await StepAsync(page, $"journey-{culture}-2-category");

        await page.ClickAsync($"footer a[href='{prefix}/search']");
        await page.FillAsync("form[role=search] input[name=q]", query);
        await NavigateAsync(page, () => page.PressAsync("form[role=search] input[name=q]", "Enter"), $"**{prefix}/search?q=*");
        await StepAsync(page, $"journey-{culture}-3-search");

        await NavigateAsync(page, () => page.ClickAsync($"main a[href$='/stories/{slug}']"), $"**{prefix}/stories/{slug}");
        Assert.Equal(title, await page.TextContentAsync("h1"));
    }

    private async Task StepAsync(IPage page, string name)
    {
        await Axe.AssertAccessibleAsync(page, name);
        output.WriteLine($"{name}: {page.Url} → {Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots", name + ".png")}");
    }

    [Fact]
    public async Task A_reader_lands_on_an_english_story_switches_to_arabic_and_chinese_and_every_page_passes_axe()
    {
        var editor = app.Api(app.Seed.EditorA.Token);
        var reviewer = app.Api(app.Seed.ReviewerA.Token);
        var (id, zhETag) = await editor.CreateStoryAsync(app.Seed.EnterpriseA, "读者之旅");
        var (_, _, enETag) = await editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{id}/en/draft",
            ApiCalls.Content("A reader's journey", "First paragraph.\n\n## Section\n\nSecond paragraph.", slug: $"journey-{id:N}"));
        var (_, _, arETag) = await editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{id}/ar/draft",
            ApiCalls.Content("رحلة القارئ", "الفقرة الأولى.\n\n## قسم\n\nالفقرة الثانية.", slug: $"rihla-{id:N}"));
        foreach (var (culture, etag) in new[] { ("zh-CN", zhETag), ("en", enETag!), ("ar", arETag!) })
        {
            var next = await editor.TransitionAsync(id, culture, "submit", etag);
            next = await reviewer.TransitionAsync(id, culture, "approve", next);
            await reviewer.TransitionAsync(id, culture, "publish", next);
        }

        var page = await browser.NewPageAsync("en");
        await using var context = page.Context;
        await page.GotoAsync(Url($"/{app.Seed.EnterpriseA}/en/stories/journey-{id:N}"));
        Assert.Equal("A reader's journey", await page.TextContentAsync("h1"));
        await Axe.AssertAccessibleAsync(page, "site-story-en");

        await NavigateAsync(page, () => page.ClickAsync(".languages a[hreflang=ar]"), $"**/ar/stories/rihla-{id:N}");
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        Assert.Equal("رحلة القارئ", await page.TextContentAsync("h1"));
        await Axe.AssertAccessibleAsync(page, "site-story-ar-rtl");

        await NavigateAsync(page, () => page.ClickAsync(".languages a[hreflang=zh-CN]"), "**/zh-CN/stories/**");
        Assert.Equal("读者之旅", await page.TextContentAsync("h1"));

        // The choice is remembered: the site's bare address now opens in Chinese.
        await NavigateAsync(page, () => page.GotoAsync(Url($"/{app.Seed.EnterpriseA}")), $"**/{app.Seed.EnterpriseA}/zh-CN/");

        foreach (var (path, name) in new[]
                 {
                     ("/en/", "portal-en"),
                     ("/ar/", "portal-ar-rtl"),
                     ($"/{app.Seed.EnterpriseA}/en/", "site-home-en"),
                     ($"/{app.Seed.EnterpriseA}/en/search?q=journey", "site-search-en"),
                     ($"/{app.Seed.EnterpriseA}/ar/tag/people", "site-tag-ar-rtl"),
                     ($"/{app.Seed.EnterpriseA}/ar/", "site-home-ar-rtl"),
                     ($"/{app.Seed.EnterpriseA}/en/stories/no-such-story", "site-404-en"),
                     ($"/{app.Seed.EnterpriseA}/ar/stories/no-such-story", "site-404-ar-rtl"),
                 })
        {
            await page.GotoAsync(Url(path));
            await Axe.AssertAccessibleAsync(page, name);
        }
    }

    /// <summary>
    /// Starts waiting for the final URL before acting: the switcher's link redirects (?switch=1 → clean URL), and a
    /// wait that begins after a fast redirect finished can miss it. Then waits for the new document's content.
    /// </summary>
    private static async Task NavigateAsync(IPage page, Func<Task> act, string finalUrl)
    {
        await Task.WhenAll(page.WaitForURLAsync(finalUrl, new() { WaitUntil = WaitUntilState.Commit }), act());
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    private string Url(string path) => new Uri(app.BaseAddress, path).ToString();
}
