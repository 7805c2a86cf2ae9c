using System.Text;
using Microsoft.Playwright;
using ParkGlobalMedia.Tests.Browser;
using ParkGlobalMedia.Tests.Infrastructure;

namespace ParkGlobalMedia.Tests.Translation.Admin;

/// <summary>
/// The termbase and memory screens in real Chromium, in Chinese and English: filled in with the keyboard, with an
/// Arabic (right-to-left) translation, refusals on the page, the import, match and delete pages — all pass axe-core
/// (WCAG 2.1 AA + best practices). Screenshots land in TestResults/screenshots.
/// </summary>
[Collection("browser")]
public sealed class TranslationScreensAccessibilityTests(BrowserFixture browser, KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task The_termbase_screens_with_an_arabic_translation_and_refusals_pass_axe(string language)
    {
        var page = await SignedInPageAsync(language);
        await using var context = page.Context;
        var unique = Guid.NewGuid().ToString("N")[..6];
        var screen = $"/admin/termbases/{app.Seed.EnterpriseA}";

        await page.GotoAsync(Url("/admin/termbases"));
        await Axe.AssertAccessibleAsync(page, $"termbases-{language}");

        // Refused first (no source), then corrected: the typed Arabic survives the refusal.
        await page.GotoAsync(Url($"{screen}/terms/new"));
        await page.FillAsync("#target-ar", "منطقة صناعية");
        await page.FillAsync("#target-en", "industrial park");
        await page.FillAsync("#forbidden-en", "industry garden");
        await page.EvaluateAsync("() => document.querySelector('#Source').removeAttribute('required')"); // what the server says, not the browser
        await page.ClickAsync("main form.term-editor button[type=submit]");
        await page.WaitForSelectorAsync("#source-error");
        Assert.Equal("منطقة صناعية", await page.InputValueAsync("#target-ar"));
        Assert.Equal("rtl", await page.GetAttributeAsync("#target-ar", "dir"));
        await Axe.AssertAccessibleAsync(page, $"term-refused-{language}");

        await page.FillAsync("#Source", $"产业园区{unique}");
        await page.FocusAsync("#Note");
        await page.Keyboard.TypeAsync("keyboard only");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter"); // the submit button follows the last field
        await page.WaitForSelectorAsync("main .notice");
        Assert.Equal("rtl", await page.GetAttributeAsync("table.terms span[lang=ar]", "dir"));
        await Axe.AssertAccessibleAsync(page, $"termbase-{language}");

        await page.ClickAsync("table.terms td.actions a[href$='/delete']");
        await page.WaitForSelectorAsync("main form button.primary");
        await Axe.AssertAccessibleAsync(page, $"term-delete-{language}");

        await page.GotoAsync(Url(screen));
        await page.SelectOptionAsync("#termbase-import-format", "csv");
        await page.SetInputFilesAsync("#termbase-import-file", new FilePayload
        {
            Name = "bad.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("source_culture,source,target:en\nzh-CN,,nothing\n"),
        });
        await page.ClickAsync("main form[enctype='multipart/form-data'] button[type=submit]");
        await page.WaitForSelectorAsync("main .errors");
        Assert.Contains("line 2", await page.TextContentAsync("main .errors"));
        await Axe.AssertAccessibleAsync(page, $"term-import-refused-{language}");
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task The_memory_screens_with_an_arabic_target_row_and_a_marked_difference_pass_axe(string language)
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var api = app.Api(app.Seed.EditorA.Token);
        foreach (var (to, target) in new[] { ("ar", $"مرحبا بكم في المنطقة الصناعية {unique}."), ("en", $"Welcome to the industrial park {unique}.") })
        {
            await api.SendAsync(HttpMethod.Put, $"/api/v1/memories/{app.Seed.EnterpriseA}/units",
                new { sourceCulture = "zh-CN", targetCulture = to, source = $"欢迎来到{unique}工业园区。", target });
        }

        var page = await SignedInPageAsync(language);
        await using var context = page.Context;
        var screen = $"/admin/memories/{app.Seed.EnterpriseA}";

        await page.GotoAsync(Url("/admin/memories"));
        await Axe.AssertAccessibleAsync(page, $"memories-{language}");

        await page.GotoAsync(Url(screen));
        await page.SelectOptionAsync("#memory-target", "ar");
        await page.FillAsync("#memory-q", unique);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**target=ar**");
        Assert.Equal("rtl", await page.GetAttributeAsync("table.units td[lang=ar]", "dir"));
        await Axe.AssertAccessibleAsync(page, $"memory-arabic-{language}");

        await page.GotoAsync(Url($"{screen}/matches"));
        await page.SelectOptionAsync("#TargetCulture", "ar");
        await page.FocusAsync("#Source");
        await page.Keyboard.TypeAsync($"欢迎来到{unique}高新园区。");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("table.matches ins");
        Assert.Equal("rtl", await page.GetAttributeAsync("table.matches td[lang=ar]", "dir"));
        await Axe.AssertAccessibleAsync(page, $"memory-matches-{language}");

        await page.GotoAsync(Url($"{screen}?target=ar&q={unique}"));
        await page.ClickAsync("table.units td.actions a");
        await page.WaitForSelectorAsync("main form button.primary");
        await Axe.AssertAccessibleAsync(page, $"memory-delete-{language}");
    }

    private async Task<IPage> SignedInPageAsync(string language)
    {
        var page = await browser.NewPageAsync(language);
        await page.GotoAsync(Url("/admin/login"));
        await page.FillAsync("#email", app.Seed.EditorA.Email);
        await page.FillAsync("#password", AppFactory.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync("**/admin/stories");
        return page;
    }

    private string Url(string path) => new Uri(app.BaseAddress, path).ToString();
}
