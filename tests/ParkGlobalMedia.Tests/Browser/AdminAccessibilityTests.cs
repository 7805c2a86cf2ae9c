using Microsoft.Playwright;
using ParkGlobalMedia.Tests.Infrastructure;

namespace ParkGlobalMedia.Tests.Browser;

/// <summary>
/// The admin UI in real Chromium: every page passes axe-core (WCAG 2.1 AA + best practices) in Chinese and English,
/// including an Arabic (right-to-left) story, and the core journey works with the keyboard alone.
/// Screenshots land in TestResults/screenshots.
/// </summary>
[Collection("browser")]
public sealed class AdminAccessibilityTests(BrowserFixture browser, KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    public static TheoryData<string> Languages => new() { "zh-CN", "en" };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Every_admin_page_passes_axe(string language)
    {
        var (storyId, _) = await app.Api(app.Seed.EditorA.Token).CreateStoryAsync(app.Seed.EnterpriseA, $"无障碍检查 {language}");
        var api = app.Api(app.Seed.EditorA.Token);
        var (_, _, arETag) = await api.SendAsync(HttpMethod.Put, $"/api/v1/stories/{storyId}/ar/draft",
            ApiCalls.Content("قصة للاختبار", body: "فقرة أولى.\n\n## عنوان\n\n- بند\n- بند آخر"));
        await api.SendAsync(HttpMethod.Put, $"/api/v1/stories/{storyId}/ar/draft", ApiCalls.Content("قصة للاختبار المعدلة", body: "فقرة معدلة."), ifMatch: arETag);

        var page = await browser.NewPageAsync(language);
        await using var context = page.Context;
        await page.GotoAsync(Url("/admin/login"));
        await AssertAccessibleAsync(page, $"login-{language}");
        await SignInAsync(page, app.Seed.EditorA.Email);

        var adminPages = new[]
        {
            ("/admin/users", "users"),
            ("/admin/enterprises", "enterprises"),
            ($"/admin/enterprises/{app.Seed.EnterpriseA}", "enterprise-editor"),
            ("/admin/enterprises/new", "enterprise-new"),
            ("/admin/no-such-page", "error-404"),
        };
        await page.Context.ClearCookiesAsync();
        await page.GotoAsync(Url("/admin/login"));
        await SignInAsync(page, app.Seed.Admin.Email);
        foreach (var (path, name) in adminPages)
        {
            await page.GotoAsync(Url(path));
            await AssertAccessibleAsync(page, $"{name}-{language}");
        }

        await page.Context.ClearCookiesAsync();
        await page.GotoAsync(Url("/admin/login"));
        await SignInAsync(page, app.Seed.EditorA.Email);
        foreach (var (path, name) in new[]
                 {
                     ("/admin/stories", "stories"),
                     ("/admin/stories/new", "new-story"),
                     ($"/admin/stories/{storyId}/zh-CN", "editor-zh"),
                     ($"/admin/stories/{storyId}/ar", "editor-ar-rtl"),
                     ($"/admin/stories/{storyId}/fr", "editor-new-translation"),
                     ($"/admin/stories/{storyId}/ar/history", "history-ar"),
                     ("/admin/tokens", "tokens"),
                     ("/admin/campaigns", "campaigns"),
                     ("/admin/campaigns/new", "campaign-new"),
                     ($"/admin/stories/{Guid.NewGuid()}/en", "not-found"),
                 })
        {
            await page.GotoAsync(Url(path));
            await AssertAccessibleAsync(page, $"{name}-{language}");
        }
    }

    [Fact]
    public async Task An_editor_signs_in_writes_and_submits_a_story_with_the_keyboard_only()
    {
        var page = await browser.NewPageAsync("en");
        await using var context = page.Context;
        await page.GotoAsync(Url("/admin/login"));

        // The first Tab lands on the skip link; the form is reachable and submits with Enter.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip", await page.EvaluateAsync<string>("document.activeElement.className"));
        await page.FocusAsync("#email");
        await page.Keyboard.TypeAsync(app.Seed.EditorA.Email);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(AppFactory.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/admin/stories");

        await page.GotoAsync(Url("/admin/stories/new"));
        await page.FocusAsync("#Title");
        await page.Keyboard.TypeAsync("键盘写的故事");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("键盘输入的正文。");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("BUTTON", await page.EvaluateAsync<string>("document.activeElement.tagName"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/zh-CN");

        // Live preview follows typing in the body.
        await page.FocusAsync("#Body");
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.TypeAsync("\n\n## 新小节");
        await page.WaitForSelectorAsync("#preview h2");

        await page.FocusAsync("button[value=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync(".notice");
        Assert.Contains("In review", await page.TextContentAsync(".meta") ?? "");
        await Axe.SaveScreenshotAsync(page, "keyboard-journey-submitted");
    }

    private string Url(string path) => new Uri(app.BaseAddress, path).ToString();

    private async Task SignInAsync(IPage page, string email)
    {
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", AppFactory.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync("**/admin/stories");
    }

    private static async Task AssertAccessibleAsync(IPage page, string name)
    {
        await Axe.SaveScreenshotAsync(page, name);
        var violations = await Axe.RunAsync(page);
        Assert.True(violations.Count == 0, $"{name}: {Axe.Describe(violations)}");
    }
}
