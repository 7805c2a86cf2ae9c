using Microsoft.Playwright;
using ParkGlobalMedia.Tests.Infrastructure;

namespace ParkGlobalMedia.Tests.Browser;

/// <summary>
/// Social links and themes in real Chromium: the enterprise editor filled in and refusing a bad link, and the public
/// footer that lists the links, in both themes and in a right-to-left culture, all pass axe-core.
/// </summary>
[Collection("browser")]
public sealed class SiteSettingsAccessibilityTests(BrowserFixture browser, KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task The_enterprise_editor_with_social_links_and_a_refused_link_passes_axe(string language)
    {
        var page = await browser.NewPageAsync(language);
        await using var context = page.Context;
        await page.GotoAsync(Url("/admin/login"));
        await page.FillAsync("#email", app.Seed.Admin.Email);
        await page.FillAsync("#password", AppFactory.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync("**/admin/stories");

        // A site of its own, so the browser's save does not touch what other tests read.
        var slug = $"axe-{language.ToLowerInvariant()}-{Guid.NewGuid():N}"[..20];
        await page.GotoAsync(Url("/admin/enterprises/new"));
        await page.FillAsync("#NewSlug", slug);
        await page.FillAsync("input[name='Names[en]']", "Axe Test Co.");
        await page.SelectOptionAsync("#social-network-0", "linkedin");
        await page.FillAsync("#social-url-0", "https://www.linkedin.com/company/example");
        await page.SelectOptionAsync("#Theme", "industrial");
        await page.ClickAsync("main form.card button[type=submit]");
        await page.WaitForURLAsync($"**/admin/enterprises/{slug}");
        await Axe.AssertAccessibleAsync(page, $"enterprise-social-{language}");

        // The browser itself accepts javascript: in a URL field; the server refuses it and says why beside the row.
        await page.SelectOptionAsync("#social-network-1", "x");
        await page.FillAsync("#social-url-1", "javascript:alert(1)");
        await page.ClickAsync("main form.card button[type=submit]");
        await page.WaitForSelectorAsync("#social-url-error-1");
        Assert.Equal("true", await page.GetAttributeAsync("#social-url-1", "aria-invalid"));
        await Axe.AssertAccessibleAsync(page, $"enterprise-social-error-{language}");
    }

    [Fact]
    public async Task The_footers_social_links_pass_axe_in_both_themes_and_right_to_left()
    {
        foreach (var theme in new[] { "default", "industrial" })
        {
            var slug = $"footer-{theme}-{Guid.NewGuid():N}"[..24];
            var (status, body, _) = await app.Api(app.Seed.Admin.Token).SendAsync(HttpMethod.Post, "/api/v1/enterprises", new
            {
                slug,
                names = new Dictionary<string, string> { ["en"] = "Footer Test", ["ar"] = "اختبار التذييل" },
                cultures = new[] { "en", "ar" },
                defaultCulture = "en",
                theme,
                socialLinks = new[]
                {
                    new { network = "linkedin", url = "https://www.linkedin.com/company/example" },
                    new { network = "wechat", url = "https://mp.weixin.qq.com/s/example" },
                    new { network = "website", url = "https://www.example.com/" },
                },
            });
            Assert.True(status == System.Net.HttpStatusCode.Created, $"{status} {body.Json()}");

            var page = await browser.NewPageAsync("en");
            await using var context = page.Context;
            foreach (var culture in new[] { "en", "ar" })
            {
                await page.GotoAsync(Url($"/{slug}/{culture}/profile"));
                Assert.Equal(3, await page.Locator("footer nav.social a[rel='me noopener']").CountAsync());
                await Axe.AssertAccessibleAsync(page, $"footer-social-{theme}-{culture}");
            }
        }
    }

    private string Url(string path) => new Uri(app.BaseAddress, path).ToString();
}
