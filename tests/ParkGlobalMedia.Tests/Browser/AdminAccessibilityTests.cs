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

        using var media = new TestMedia();
        var assetId = await api.UploadNewAsync(app.Seed.EnterpriseA, media.Image(640, 480));
        await app.ProcessAssetsAsync();

        var page = await browser.NewPageAsync(language);
        await using var context = page.Context;
        await page.GotoAsync(Url("/admin/login"));
        await Axe.AssertAccessibleAsync(page, $"login-{language}");
        await SignInAsync(page, app.Seed.EditorA.Email);

        var adminPages = new[]
        {
            ("/admin/users", "users"),
            ("/admin/enterprises", "enterprises"),
            ($"/admin/enterprises/{app.Seed.EnterpriseA}", "enterprise-editor"),
            ("/admin/enterprises/new", "enterprise-new"),
            ("/admin/assets/curation", "curation"),
            ("/admin/no-such-page", "error-404"),
        };
        await page.Context.ClearCookiesAsync();
        await page.GotoAsync(Url("/admin/login"));
        await SignInAsync(page, app.Seed.Admin.Email);
        foreach (var (path, name) in adminPages)
        {
            await page.GotoAsync(Url(path));
            await Axe.AssertAccessibleAsync(page, $"{name}-{language}");
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
                     ("/admin/assets", "assets"),
                     ($"/admin/assets/{assetId}", "asset-detail"),
                     ($"/admin/stories/{Guid.NewGuid()}/en", "not-found"),
                 })
        {
            await page.GotoAsync(Url(path));
            await Axe.AssertAccessibleAsync(page, $"{name}-{language}");
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

    [Fact]
    public async Task An_editor_uploads_several_files_watches_them_process_and_inserts_one_into_a_story()
    {
        using var media = new TestMedia();
        var photo = Path.Combine(media.Folder, "长沙工厂.jpg");
        var clip = Path.Combine(media.Folder, "clip.mp4");
        var bogus = Path.Combine(media.Folder, "notes.jpg");
        await File.WriteAllBytesAsync(photo, media.Image(900, 600));
        await File.WriteAllBytesAsync(clip, media.Video());
        await File.WriteAllTextAsync(bogus, "<html>not a photo</html>");
        var (storyId, _) = await app.Api(app.Seed.EditorA.Token).CreateStoryAsync(app.Seed.EnterpriseA, "插入素材的故事");

        var page = await browser.NewPageAsync("en");
        await using var context = page.Context;
        await page.GotoAsync(Url("/admin/login"));
        await SignInAsync(page, app.Seed.EditorA.Email);
        await page.GotoAsync(Url("/admin/assets"));
        await page.SetInputFilesAsync("#upload-files", [photo, clip, bogus]);

        // Uploads finish one after another, each row with its own bar; the file that is not an image says why.
        await page.WaitForSelectorAsync("#upload-list li:nth-child(3).failed");
        Assert.Contains("decided from its content", await page.TextContentAsync("#upload-list li:nth-child(3)") ?? "");
        Assert.Equal(3, await page.Locator("#upload-list progress").CountAsync());
        await Axe.SaveScreenshotAsync(page, "upload-processing");

        await app.ProcessAssetsAsync();
        await page.WaitForSelectorAsync("#upload-list li:nth-child(1).ready", new() { Timeout = 15_000 });
        await page.WaitForSelectorAsync("#upload-list li:nth-child(2).ready", new() { Timeout = 15_000 });
        await Axe.SaveScreenshotAsync(page, "upload-ready");

        await page.GotoAsync(Url($"/admin/stories/{storyId}/zh-CN"));
        await page.ClickAsync("#open-picker");
        await page.FillAsync("#picker-q", "长沙");
        await page.ClickAsync("#picker-find");
        await page.ClickAsync("#picker-results li:first-child button:first-of-type");
        var body = await page.InputValueAsync("#Body");
        Assert.Matches(@"!\[[^\]]*\]\(asset:[0-9a-f-]{36}\)", body);
        await Axe.SaveScreenshotAsync(page, "picker-inserted");
    }

    private string Url(string path) => new Uri(app.BaseAddress, path).ToString();

    private async Task SignInAsync(IPage page, string email)
    {
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", AppFactory.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync("**/admin/stories");
    }
}
