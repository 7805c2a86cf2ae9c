using System.Net;
using Microsoft.Playwright;
using ParkGlobalMedia.Tests.Browser;
using ParkGlobalMedia.Tests.Infrastructure;

namespace ParkGlobalMedia.Tests.Translation.Admin;

/// <summary>
/// "Translate into…" and the review editor in real Chromium, in Chinese and English: started with the keyboard, the
/// progress watched until the job is done (by the page's own script), an Arabic (right-to-left) review with a
/// segment fixed — all pass axe-core (WCAG 2.1 AA + best practices). Screenshots land in TestResults/screenshots.
/// </summary>
[Collection("browser")]
public sealed class TranslationReviewAccessibilityTests(BrowserFixture browser, KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task Translating_and_reviewing_an_arabic_translation_pass_axe(string language)
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var (status, body, _) = await app.Api(app.Seed.EditorA.Token).SendAsync(HttpMethod.Post, "/api/v1/stories", new
        {
            enterprise = app.Seed.EnterpriseA, sourceCulture = "zh-CN", category = "human-stories", tags = new[] { "people" },
            content = new { title = $"标题{unique}", summary = "摘要。", body = $"第一段{unique}。\n\n第二段讲述**工厂**和 `代码`。" },
        });
        Assert.True(status == HttpStatusCode.Created, $"{status} {body}");
        var storyId = body!["storyId"]!.GetValue<string>();

        var page = await browser.NewPageAsync(language);
        await using var context = page.Context;
        await page.GotoAsync(Url("/admin/login"));
        await page.FillAsync("#email", app.Seed.EditorA.Email);
        await page.FillAsync("#password", AppFactory.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync("**/admin/stories");

        await page.GotoAsync(Url($"/admin/stories/{storyId}/translations"));
        await Axe.AssertAccessibleAsync(page, $"translations-{language}");

        await page.FocusAsync("#target-ar");
        await page.Keyboard.PressAsync("Space");
        await page.SelectOptionAsync("#Provider", "pseudo");
        await page.ClickAsync("main form[action*='handler=Start'] button[type=submit]");
        await page.WaitForSelectorAsync("[data-job-state=Completed]", new() { Timeout = 60_000 });
        await Axe.AssertAccessibleAsync(page, $"translations-done-{language}");

        await page.GotoAsync(Url($"/admin/stories/{storyId}/translations/ar"));
        Assert.Equal("rtl", await page.GetAttributeAsync("table.side-by-side textarea", "dir"));
        await page.FillAsync("table.side-by-side textarea", $"عنوان {unique}");
        await page.ClickAsync("main form.review-editor button[type=submit]");
        await page.WaitForSelectorAsync("main .notice");
        await Axe.AssertAccessibleAsync(page, $"review-ar-{language}");
    }

    private string Url(string path) => new Uri(app.BaseAddress, path).ToString();
}
