using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ParkGlobalMedia.Content.Enterprises;
using ParkGlobalMedia.Tests.Infrastructure;

namespace ParkGlobalMedia.Tests.Sites;

/// <summary>An enterprise's social links on its public pages: the footer for readers, sameAs for search engines.</summary>
public abstract class SiteSocialLinksTests(AppFactory app)
{
    private static readonly HtmlParser StrictParser = new(new HtmlParserOptions { IsStrictMode = true });

    private static readonly (string Network, string Url)[] Links =
    [
        ("linkedin", "https://www.linkedin.com/company/example-rail"),
        ("youtube", "https://www.youtube.com/@example-rail?lang=en&hl=fr"),
        ("website", "http://www.example.com/"),
    ];

    private async Task<string> EnterpriseAsync((string Network, string Url)[] links)
    {
        var slug = $"social-{Guid.NewGuid():N}"[..22];
        var (status, body, _) = await app.Api(app.Seed.Admin.Token).SendAsync(HttpMethod.Post, "/api/v1/enterprises", new
        {
            slug,
            names = new Dictionary<string, string> { ["zh-CN"] = "示例轨道", ["en"] = "Example Rail", ["ar"] = "مثال للسكك" },
            cultures = new[] { "zh-CN", "en", "ar" },
            defaultCulture = "en",
            theme = "default",
            socialLinks = links.Select(l => new { network = l.Network, url = l.Url }).ToArray(),
        });
        Assert.True(status == HttpStatusCode.Created, $"create failed: {status} {body.Json()}");
        return slug;
    }

    private async Task<IHtmlDocument> PageAsync(string path)
    {
        var response = await app.Api().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return StrictParser.ParseDocument(await response.Content.ReadAsStringAsync());
    }

    private static List<string> SameAs(IHtmlDocument page)
    {
        var jsonLd = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal("Organization", jsonLd.GetProperty("@type").GetString());
        return jsonLd.TryGetProperty("sameAs", out var sameAs) && sameAs.ValueKind == JsonValueKind.Array
            ? sameAs.EnumerateArray().Select(u => u.GetString()!).ToList()
            : [];
    }

    [Fact]
    public async Task Social_links_show_in_the_footer_with_rel_me_and_as_sameAs_of_the_organization()
    {
        var slug = await EnterpriseAsync(Links);

        var home = await PageAsync($"/{slug}/en/");
        var nav = home.QuerySelector("footer nav.social")!;
        Assert.Equal("Find us online", nav.GetAttribute("aria-label"));
        var anchors = nav.QuerySelectorAll("a").ToList();
        Assert.Equal(Links.Select(l => l.Url), anchors.Select(a => a.GetAttribute("href")));
        Assert.Equal(["LinkedIn", "YouTube", "Website"], anchors.Select(a => a.TextContent));
        Assert.All(anchors, a => Assert.Equal("me noopener", a.GetAttribute("rel")));
        Assert.Equal(Links.Select(l => l.Url), SameAs(home));

        var profile = await PageAsync($"/{slug}/en/profile");
        Assert.Equal(Links.Select(l => l.Url), SameAs(profile));
        Assert.Equal(3, profile.QuerySelectorAll("footer nav.social a").Length);

        // Network names are the reader's language; the addresses stay as they are.
        var arabic = await PageAsync($"/{slug}/ar/");
        Assert.Equal("تابعونا", arabic.QuerySelector("footer nav.social")!.GetAttribute("aria-label"));
        Assert.Equal(["لينكدإن", "يوتيوب", "الموقع الإلكتروني"], arabic.QuerySelectorAll("footer nav.social a").Select(a => a.TextContent));
        var chinese = await PageAsync($"/{slug}/zh-CN/");
        Assert.Equal(["领英", "YouTube", "官方网站"], chinese.QuerySelectorAll("footer nav.social a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task A_site_without_social_links_has_no_social_list_and_no_sameAs()
    {
        var slug = await EnterpriseAsync([]);
        foreach (var path in new[] { $"/{slug}/en/", $"/{slug}/en/profile" })
        {
            var page = await PageAsync(path);
            Assert.Null(page.QuerySelector("footer nav.social"));
            Assert.Empty(SameAs(page));
        }
    }
}

public sealed class SiteSocialLinksOnSqlite(SqliteAppFactory app) : SiteSocialLinksTests(app), IClassFixture<SqliteAppFactory>;

public sealed class SiteSocialLinksOnPostgres(PostgresAppFactory app) : SiteSocialLinksTests(app), IClassFixture<PostgresAppFactory>;

/// <summary>Network names are looked up by key at run time, so no page scan finds a missing one; this does.</summary>
public sealed class SocialNetworkTextTests
{
    [Fact]
    public void Every_network_has_a_name_in_every_site_language_and_both_admin_languages()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "ParkGlobalMedia.sln")))
        {
            root = root.Parent ?? throw new InvalidOperationException("repository root not found");
        }

        var siteFiles = Directory.GetFiles(Path.Combine(root.FullName, "src", "ParkGlobalMedia.Web", "Sites", "Localization"), "*.json");
        Assert.Equal(["ar", "en", "es", "fr", "ru", "zh-CN"], siteFiles.Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal));
        var missing = new List<string>();
        foreach (var file in siteFiles)
        {
            var texts = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file))!;
            missing.AddRange(SocialNetworks.Known.Select(n => $"social.{n}").Append("social")
                .Where(key => string.IsNullOrWhiteSpace(texts.GetValueOrDefault(key))).Select(key => $"{Path.GetFileName(file)}: {key}"));
        }

        foreach (var language in ParkGlobalMedia.Admin.Localization.AdminText.Languages)
        {
            var keys = ParkGlobalMedia.Admin.Localization.AdminText.Keys(language);
            missing.AddRange(SocialNetworks.Known.Select(n => $"social.{n}").Where(key => !keys.Contains(key)).Select(key => $"admin {language}: {key}"));
        }

        Assert.True(missing.Count == 0, string.Join(", ", missing));
    }
}
