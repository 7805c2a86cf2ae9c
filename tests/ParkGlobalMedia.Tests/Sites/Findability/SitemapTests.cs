using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using ParkGlobalMedia.Tests.Infrastructure;
using static ParkGlobalMedia.Tests.Sites.Findability.FindabilityCalls;

namespace ParkGlobalMedia.Tests.Sites.Findability;

/// <summary>robots.txt and the sitemaps, over HTTP, on a real database. Runs once per provider (see the bottom).</summary>
public abstract class SitemapTests(AppFactory app)
{
    private const string Base = "http://localhost";

    [Fact]
    public async Task Robots_txt_keeps_crawlers_out_of_the_admin_api_originals_and_h5_and_names_the_sitemap_index()
    {
        var robots = await app.Api().FetchAsync("/robots.txt");

        Assert.Equal(HttpStatusCode.OK, robots.Status);
        Assert.Equal("text/plain; charset=utf-8", robots.ContentType);
        var lines = robots.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            ["User-agent: *", "Allow: /", "Disallow: /admin", "Disallow: /api/", "Disallow: /media/*/original", "Disallow: /h5/", $"Sitemap: {Base}/sitemap.xml"],
            lines);
    }

    [Fact]
    public async Task The_sitemap_index_lists_each_site_with_the_time_of_its_newest_publication()
    {
        var (id, _) = await app.PublishAsync("索引测试", new Dictionary<string, string> { ["en"] = "Index test" });
        var (_, story, _) = await app.Api().ReadAsync($"/api/v1/stories/{id}/en");
        var publishedAt = story!["publishedAt"]!.GetValue<DateTime>().ToUniversalTime();

        var index = await app.Api().FetchAsync("/sitemap.xml");

        Assert.Equal(HttpStatusCode.OK, index.Status);
        Assert.Equal("application/xml; charset=utf-8", index.ContentType);
        Assert.Equal((byte)'<', index.Bytes[0]); // UTF-8 without a byte-order mark
        Assert.Equal(Sitemap + "sitemapindex", index.Xml!.Root!.Name);
        var sitemaps = index.Xml.Root.Elements(Sitemap + "sitemap")
            .ToDictionary(s => s.Element(Sitemap + "loc")!.Value, s => s.Element(Sitemap + "lastmod")!.Value);
        Assert.Contains($"{Base}/{app.Seed.EnterpriseA}/sitemap.xml", sitemaps.Keys);
        Assert.Contains($"{Base}/{app.Seed.EnterpriseB}/sitemap.xml", sitemaps.Keys);
        Assert.All(sitemaps.Values, lastmod => Assert.Matches(W3cDateTime, lastmod));
        Assert.Equal(publishedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            sitemaps[$"{Base}/{app.Seed.EnterpriseA}/sitemap.xml"]);
    }

    [Fact]
    public async Task A_site_sitemap_lists_every_live_variant_with_reciprocal_hreflang_and_an_x_default()
    {
        var (id, slugs) = await app.PublishAsync("三语故事", new Dictionary<string, string> { ["en"] = "Three cultures", ["ar"] = "ثلاث ثقافات" });
        var (sourceOnly, sourceSlugs) = await app.PublishAsync("只有中文", new Dictionary<string, string>());
        var (frenchId, frenchSlugs) = await app.PublishAsync("法语和中文", new Dictionary<string, string> { ["fr"] = "Français et chinois" });

        var sitemap = await app.Api().FetchAsync($"/{app.Seed.EnterpriseA}/sitemap.xml");

        Assert.Equal(HttpStatusCode.OK, sitemap.Status);
        Assert.Equal(Sitemap + "urlset", sitemap.Xml!.Root!.Name);
        Assert.Equal(Xhtml.NamespaceName, sitemap.Xml.Root.Attribute(XNamespaceXmlns("xhtml"))!.Value);
        var urls = sitemap.Xml.Urls();
        var byLoc = urls.ToDictionary(u => u.Loc);
        string Url(string culture, string slug) => $"{Base}/{app.Seed.EnterpriseA}/{culture}/stories/{slug}";

        foreach (var (culture, slug) in slugs)
        {
            var url = byLoc[Url(culture, slug)];
            Assert.Matches(W3cDateTime, url.LastMod);
            Assert.Equal(
                ["ar", "en", "x-default", "zh-CN"],
                url.Alternates.Select(a => a.HrefLang).Order(StringComparer.Ordinal).ToArray());
            Assert.Contains(("x-default", Url("en", slugs["en"])), url.Alternates); // the site's default culture
        }

        // Without a live variant in the default culture (en), x-default is the source culture's.
        Assert.Contains(("x-default", Url("zh-CN", sourceSlugs["zh-CN"])), byLoc[Url("zh-CN", sourceSlugs["zh-CN"])].Alternates);
        Assert.Contains(("x-default", Url("zh-CN", frenchSlugs["zh-CN"])), byLoc[Url("fr", frenchSlugs["fr"])].Alternates);
        Assert.NotEqual(id, sourceOnly);
        Assert.NotEqual(id, frenchId);

        // Each culture's home, with every other home as an alternate.
        var home = byLoc[$"{Base}/{app.Seed.EnterpriseA}/fr/"];
        Assert.Equal(["ar", "en", "es", "fr", "x-default", "zh-CN"], home.Alternates.Select(a => a.HrefLang).Order(StringComparer.Ordinal).ToArray());
        Assert.Contains(("x-default", $"{Base}/{app.Seed.EnterpriseA}/en/"), home.Alternates);

        AssertReciprocal(urls);
    }

    [Fact]
    public async Task Drafts_unpublished_translations_and_archived_variants_never_appear()
    {
        var editor = app.Api(app.Seed.EditorA.Token);
        var (draftId, _) = await editor.CreateStoryAsync(app.Seed.EnterpriseA, "草稿", slug: "never-published-draft");
        var (_, _, frDraft) = await editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{draftId}/fr/draft", ApiCalls.Content("Brouillon", slug: "brouillon-jamais-publie"));
        Assert.NotNull(frDraft);
        var (archivedId, archivedSlugs) = await app.PublishAsync("归档", new Dictionary<string, string> { ["en"] = "To be archived" }, slugPrefix: "archived-story");
        await editor.TransitionAsync(archivedId, "en", "archive", await editor.WorkingETagAsync(archivedId, "en"));
        var (halfId, halfSlugs) = await app.PublishAsync("一半", new Dictionary<string, string> { ["en"] = "Half published" }, publishSource: false, slugPrefix: "half");

        var sitemap = await app.Api().FetchAsync($"/{app.Seed.EnterpriseA}/sitemap.xml");

        var text = sitemap.Text;
        Assert.DoesNotContain("never-published-draft", text);
        Assert.DoesNotContain("brouillon-jamais-publie", text);
        Assert.DoesNotContain(archivedSlugs["en"], text);
        Assert.Contains(archivedSlugs["zh-CN"], text); // its other culture is still live
        Assert.Contains($"/{app.Seed.EnterpriseA}/en/stories/{halfSlugs["en"]}", text);
        var half = sitemap.Xml!.Urls().Single(u => u.Loc.EndsWith("/en/stories/" + halfSlugs["en"], StringComparison.Ordinal));
        Assert.Equal(["en", "x-default"], half.Alternates.Select(a => a.HrefLang).ToArray()); // the zh-CN draft is no alternate
        Assert.NotEqual(draftId, halfId);
        AssertReciprocal(sitemap.Xml!.Urls());
    }

    [Fact]
    public async Task Unknown_sites_get_a_404_problem_and_platform_paths_are_never_taken_for_sites()
    {
        var missing = await app.Api().FetchAsync("/no-such-enterprise/sitemap.xml");
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal("application/problem+json", missing.ContentType);
        Assert.Contains("no-such-enterprise", missing.Text);

        foreach (var path in new[] { "/api/sitemap.xml", "/media/sitemap.xml", "/h5/sitemap.xml", "/openapi/sitemap.xml", "/healthz/sitemap.xml", "/admin/sitemap.xml" })
        {
            var response = await app.Api().FetchAsync(path);
            Assert.DoesNotContain("no enterprise site", response.Text);
        }

        Assert.Equal(HttpStatusCode.OK, (await app.Api().FetchAsync("/healthz")).Status);
    }

    [Fact]
    public async Task Sitemaps_and_robots_carry_an_etag_and_answer_304_to_if_none_match()
    {
        foreach (var path in new[] { "/robots.txt", "/sitemap.xml", $"/{app.Seed.EnterpriseA}/sitemap.xml" })
        {
            var first = await app.Api().FetchAsync(path);
            Assert.NotNull(first.ETag);
            Assert.True(first.CacheControl is { Public: true, MaxAge.TotalSeconds: 300 }, $"{path}: {first.CacheControl}");

            var again = await app.Api().FetchAsync(path, ifNoneMatch: first.ETag);
            Assert.Equal(HttpStatusCode.NotModified, again.Status);
            Assert.Empty(again.Bytes);
            Assert.Equal(HttpStatusCode.OK, (await app.Api().FetchAsync(path, ifNoneMatch: "\"something-else\"")).Status);
        }
    }

    [Fact]
    public async Task With_a_public_base_url_and_more_urls_than_a_file_takes_the_sitemap_is_split_into_parts()
    {
        await app.PublishAsync("分卷", new Dictionary<string, string> { ["en"] = "Split" });
        await using var instance = app.WithWebHostBuilder(builder => builder.ConfigureAppConfiguration(configuration =>
            configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Sites:PublicBaseUrl"] = "https://parks.example.org/",
                ["Sites:SitemapUrlLimit"] = "3",
            })));
        var client = instance.CreateClient();
        const string Public = "https://parks.example.org";

        Assert.Contains($"Sitemap: {Public}/sitemap.xml", (await client.FetchAsync("/robots.txt")).Text);
        var whole = await app.Api().FetchAsync($"/{app.Seed.EnterpriseA}/sitemap.xml");
        var expected = whole.Xml!.Urls().Select(u => u.Loc.Replace(Base, Public, StringComparison.Ordinal)).ToList();
        var parts = (expected.Count + 2) / 3;

        var index = await client.FetchAsync("/sitemap.xml");
        var listed = index.Xml!.Root!.Elements(Sitemap + "sitemap").Select(s => s.Element(Sitemap + "loc")!.Value).ToList();
        var siteParts = Enumerable.Range(1, parts).Select(n => $"{Public}/{app.Seed.EnterpriseA}/sitemap-{n}.xml").ToList();
        Assert.All(siteParts, part => Assert.Contains(part, listed));
        Assert.DoesNotContain($"{Public}/{app.Seed.EnterpriseA}/sitemap.xml", listed);

        var siteIndex = await client.FetchAsync($"/{app.Seed.EnterpriseA}/sitemap.xml");
        Assert.Equal(Sitemap + "sitemapindex", siteIndex.Xml!.Root!.Name);
        var collected = new List<string>();
        for (var n = 1; n <= parts; n++)
        {
            var part = await client.FetchAsync($"/{app.Seed.EnterpriseA}/sitemap-{n}.xml");
            var urls = part.Xml!.Urls();
            Assert.InRange(urls.Count, 1, 3);
            Assert.All(urls.SelectMany(u => u.Alternates), a => Assert.StartsWith(Public + "/", a.Href, StringComparison.Ordinal));
            collected.AddRange(urls.Select(u => u.Loc));
        }

        Assert.Equal(expected, collected);
        Assert.Equal(HttpStatusCode.NotFound, (await client.FetchAsync($"/{app.Seed.EnterpriseA}/sitemap-{parts + 1}.xml")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api().FetchAsync($"/{app.Seed.EnterpriseB}/sitemap-1.xml")).Status); // unsplit
    }

    /// <summary>For every alternate A → B (other than x-default), B is listed and names A as its alternate.</summary>
    private static void AssertReciprocal(List<(string Loc, string LastMod, List<(string HrefLang, string Href)> Alternates)> urls)
    {
        var byLoc = urls.ToDictionary(u => u.Loc);
        foreach (var url in urls)
        {
            Assert.Contains(url.Alternates, a => a.HrefLang == "x-default");
            Assert.Contains(url.Alternates, a => a.HrefLang != "x-default" && a.Href == url.Loc);
            foreach (var (hrefLang, href) in url.Alternates.Where(a => a.HrefLang != "x-default"))
            {
                Assert.True(byLoc.TryGetValue(href, out var other), $"{url.Loc} names {href} ({hrefLang}), which the sitemap does not list");
                Assert.True(other.Alternates.Any(a => a.Href == url.Loc), $"{href} does not name {url.Loc} back");
            }
        }
    }

    private static System.Xml.Linq.XName XNamespaceXmlns(string prefix) => System.Xml.Linq.XNamespace.Xmlns + prefix;
}

public sealed class SitemapOnSqlite(SqliteAppFactory app) : SitemapTests(app), IClassFixture<SqliteAppFactory>;

public sealed class SitemapOnPostgres(PostgresAppFactory app) : SitemapTests(app), IClassFixture<PostgresAppFactory>;
