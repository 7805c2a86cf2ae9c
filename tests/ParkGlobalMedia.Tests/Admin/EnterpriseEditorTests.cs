using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ParkGlobalMedia.Tests.Infrastructure;

namespace ParkGlobalMedia.Tests.Admin;

/// <summary>The enterprise editor's social link rows and theme select, posted the way a browser without script posts them.</summary>
public sealed class EnterpriseEditorTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    private static readonly HtmlParser Parser = new();

    private async Task<string> EnterpriseAsync(object[] socialLinks)
    {
        var slug = $"editor-{Guid.NewGuid():N}"[..22];
        var (status, body, _) = await app.Api(app.Seed.Admin.Token).SendAsync(HttpMethod.Post, "/api/v1/enterprises", new
        {
            slug,
            names = new Dictionary<string, string> { ["zh-CN"] = "编辑器测试", ["en"] = "Editor Test" },
            cultures = new[] { "zh-CN", "en" },
            defaultCulture = "en",
            theme = "default",
            socialLinks,
        });
        Assert.True(status == HttpStatusCode.Created, $"create failed: {status} {body.Json()}");
        return slug;
    }

    /// <summary>What the browser would post: every named control's current value, then the changes.</summary>
    private static List<KeyValuePair<string, string>> Submission(IHtmlDocument page, Dictionary<string, string?> changes) =>
        AdminSession.FormValues(page.QuerySelector("main form.card")!, changes);

    private static async Task<(HttpStatusCode Status, IHtmlDocument Page)> PostAsync(AdminSession admin, string url, Dictionary<string, string?> changes)
    {
        var (_, page) = await admin.GetAsync(url);
        using var response = await admin.Client.PostAsync(url, new FormUrlEncodedContent(Submission(page, changes)));
        return (response.StatusCode, Parser.ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    private async Task<JsonNode> ReadAsync(string slug) => (await app.Api().ReadAsync($"/api/v1/enterprises/{slug}")).Body!;

    [Fact]
    public async Task The_editor_offers_the_installed_themes_and_labelled_blank_rows_for_social_links()
    {
        var admin = await AdminSession.SignInAsync(app, app.Seed.Admin.Email);
        var (_, page) = await admin.GetAsync($"/admin/enterprises/{await EnterpriseAsync([new { network = "x", url = "https://x.com/example" }])}");

        Assert.Equal(["default", "industrial"], page.QuerySelectorAll("select#Theme option").Select(o => o.GetAttribute("value")));
        Assert.Equal("default", ((IHtmlSelectElement)page.QuerySelector("select#Theme")!).Value);

        // The saved link, then three blank rows to add to; every control has a name a screen reader can say.
        Assert.Equal(["x", "", "", ""], page.QuerySelectorAll("table.social-links select").Cast<IHtmlSelectElement>().Select(s => s.Value));
        Assert.Equal("https://x.com/example", ((IHtmlInputElement)page.QuerySelector("#social-url-0")!).Value);
        foreach (var control in page.QuerySelectorAll("table.social-links select, table.social-links input"))
        {
            Assert.False(string.IsNullOrWhiteSpace(control.GetAttribute("aria-label")), control.OuterHtml);
        }

        Assert.Equal("Network of link 2", page.QuerySelector("#social-network-1")!.GetAttribute("aria-label"));
        Assert.NotNull(page.QuerySelector("#social-remove-0"));
        Assert.Null(page.QuerySelector("#social-remove-1")); // nothing to remove in a blank row

        var (_, chinese) = await (await AdminSession.SignInAsync(app, app.Seed.Admin.Email, "zh-CN")).GetAsync($"/admin/enterprises/new");
        Assert.Equal("第 1 个链接的平台", chinese.QuerySelector("#social-network-0")!.GetAttribute("aria-label"));
        Assert.Contains("微信公众号", chinese.QuerySelectorAll("#social-network-0 option").Select(o => o.TextContent));
    }

    [Fact]
    public async Task An_admin_adds_and_removes_social_links_and_saves_the_theme()
    {
        var slug = await EnterpriseAsync([new { network = "facebook", url = "https://www.facebook.com/example" }]);
        var admin = await AdminSession.SignInAsync(app, app.Seed.Admin.Email);
        var url = $"/admin/enterprises/{slug}";

        var (saved, _) = await PostAsync(admin, url, new()
        {
            ["Theme"] = "industrial",
            ["SocialLinks[1].Network"] = "linkedin", ["SocialLinks[1].Url"] = "https://www.linkedin.com/company/example",
            ["SocialLinks[3].Network"] = "website", ["SocialLinks[3].Url"] = "http://www.example.com/",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved);
        var enterprise = await ReadAsync(slug);
        Assert.Equal("industrial", enterprise["theme"]!.GetValue<string>());
        Assert.Equal(["facebook", "linkedin", "website"], enterprise["socialLinks"]!.AsArray().Select(l => l!["network"]!.GetValue<string>()));

        // Remove the first; the blank row left between the others closes up.
        var (removed, _) = await PostAsync(admin, url, new() { ["SocialLinks[0].Remove"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, removed);
        enterprise = await ReadAsync(slug);
        Assert.Equal(["https://www.linkedin.com/company/example", "http://www.example.com/"],
            enterprise["socialLinks"]!.AsArray().Select(l => l!["url"]!.GetValue<string>()));

        var (_, page) = await admin.GetAsync(url);
        Assert.Equal("industrial", ((IHtmlSelectElement)page.QuerySelector("select#Theme")!).Value);
        Assert.Equal(5, page.QuerySelectorAll("table.social-links tbody tr").Length);
    }

    [Fact]
    public async Task Bad_rows_are_shown_again_with_their_error_beside_them_and_nothing_is_saved()
    {
        var slug = await EnterpriseAsync([new { network = "youtube", url = "https://www.youtube.com/@example" }]);
        var admin = await AdminSession.SignInAsync(app, app.Seed.Admin.Email);
        var url = $"/admin/enterprises/{slug}";
        var before = await ReadAsync(slug);

        var (status, page) = await PostAsync(admin, url, new()
        {
            ["SocialLinks[2].Network"] = "weibo", ["SocialLinks[2].Url"] = "javascript:alert(1)",
            ["SocialLinks[3].Network"] = "youtube", ["SocialLinks[3].Url"] = "https://www.youtube.com/@other",
        });
        Assert.Equal(HttpStatusCode.BadRequest, status);

        // The blank row between was dropped, so the bad rows are now rows 2 and 3 — and their errors sit there.
        var urlInput = page.QuerySelector("#social-url-1")!;
        Assert.Equal("javascript:alert(1)", urlInput.GetAttribute("value"));
        Assert.Equal("true", urlInput.GetAttribute("aria-invalid"));
        Assert.Contains("is not an absolute https:// address", page.QuerySelector($"#{urlInput.GetAttribute("aria-describedby")}")!.TextContent);
        Assert.Contains("second youtube link", page.QuerySelector("#social-network-error-2")!.TextContent);
        Assert.Contains("second youtube link", page.QuerySelector(".errors")!.TextContent);

        var (themeStatus, theme) = await PostAsync(admin, url, new() { ["Theme"] = "neon" });
        Assert.Equal(HttpStatusCode.BadRequest, themeStatus);
        Assert.Equal("Theme 'neon' is not installed; installed themes: default, industrial.", theme.QuerySelector("#theme-error")!.TextContent);
        Assert.Contains("neon", theme.QuerySelectorAll("select#Theme option").Select(o => o.GetAttribute("value")));

        var after = await ReadAsync(slug);
        Assert.Equal(before.Json(), after.Json());
    }
}
