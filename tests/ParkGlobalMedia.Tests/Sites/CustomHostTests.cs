using System.Net;
using System.Xml.Linq;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Tests.Infrastructure;

namespace ParkGlobalMedia.Tests.Sites;

/// <summary>
/// An enterprise with its own host name: its site answers at that host's root without the /{enterprise} prefix, its
/// links, canonical URLs, hreflang, sitemap and feed name that host, and it shows nothing of other sites.
/// </summary>
public sealed class CustomHostTests(CustomHostTests.Factory app) : IClassFixture<CustomHostTests.Factory>, IAsyncLifetime
{
    private const string Host = "stories.beta-rail.example";

    /// <summary>Its own app: giving an enterprise a host changes what every other test of that site would see.</summary>
    public sealed class Factory() : AppFactory(DatabaseProvider.Sqlite);

    private string _slug = "";

    public async Task InitializeAsync()
    {
        var admin = app.Api(app.Seed.Admin.Token);
        var (_, enterprise, etag) = await admin.ReadAsync($"/api/v1/enterprises/{app.Seed.EnterpriseB}");
        if (enterprise!["customHost"]?.GetValue<string>() != Host)
        {
            enterprise["customHost"] = Host;
            var (status, body, _) = await admin.SendAsync(HttpMethod.Put, $"/api/v1/enterprises/{app.Seed.EnterpriseB}", enterprise, ifMatch: etag);
            Assert.True(status == HttpStatusCode.OK, body.Json());
        }

        var editor = app.Api(app.Seed.EditorB.Token);
        var (id, _) = await editor.CreateStoryAsync(app.Seed.EnterpriseB, "自有域名");
        _slug = $"own-host-{Guid.NewGuid():N}";
        var (_, _, tag) = await editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{id}/en/draft", ApiCalls.Content("On its own host", slug: _slug));
        tag = await editor.TransitionAsync(id, "en", "submit", tag!);
        tag = await admin.TransitionAsync(id, "en", "approve", tag);
        await admin.TransitionAsync(id, "en", "publish", tag);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private HttpClient OnHost(string host = Host) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{host}"), AllowAutoRedirect = false });

    private static async Task<IHtmlDocument> HtmlAsync(HttpResponseMessage response) =>
        new HtmlParser(new HtmlParserOptions { IsStrictMode = true }).ParseDocument(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task The_hosts_root_negotiates_a_culture_without_the_enterprise_prefix()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.TryAddWithoutValidation("Accept-Language", "fr-CA, fr;q=0.9");
        var response = await OnHost().SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/fr/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Pages_on_the_host_link_without_the_prefix_and_name_the_host_in_canonical_and_hreflang()
    {
        var response = await OnHost().GetAsync($"/en/stories/{_slug}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlAsync(response);
        Assert.Equal($"http://{Host}/en/stories/{_slug}", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.All(page.QuerySelectorAll("link[rel=alternate][hreflang]"), link => Assert.StartsWith($"http://{Host}/", link.GetAttribute("href")));
        var links = page.QuerySelectorAll("a[href^='/']").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains("/en/", links);
        Assert.Contains("/en/profile", links);
        Assert.DoesNotContain(links, href => href.StartsWith($"/{app.Seed.EnterpriseB}/", StringComparison.Ordinal));
        Assert.Contains(page.QuerySelectorAll(".languages a"), a => a.GetAttribute("href") == "/fr/?switch=1");

        foreach (var href in links.Where(h => !h.StartsWith("/themes/", StringComparison.Ordinal)).Distinct())
        {
            var followed = await OnHost().GetAsync(href);
            Assert.True(followed.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{href}: {followed.StatusCode}");
        }
    }

    [Fact]
    public async Task The_prefixed_address_on_the_platform_host_still_answers_and_points_search_engines_at_the_host()
    {
        var response = await app.Api().GetAsync($"/{app.Seed.EnterpriseB}/en/stories/{_slug}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlAsync(response);
        Assert.Equal($"http://{Host}/en/stories/{_slug}", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal($"/{app.Seed.EnterpriseB}/en/", page.QuerySelector(".site-name a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Another_enterprises_site_is_not_reachable_through_the_host()
    {
        var response = await OnHost().GetAsync($"/{app.Seed.EnterpriseA}/en/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("lang=\"en\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_host_has_its_own_robots_sitemap_and_feed_and_the_platform_index_leaves_it_out()
    {
        var robots = (await OnHost().GetStringAsync("/robots.txt")).Split('\n').First(l => l.StartsWith("Sitemap:", StringComparison.Ordinal));
        Assert.Equal($"Sitemap: http://{Host}/sitemap.xml", robots);

        var sitemap = XDocument.Parse(await OnHost().GetStringAsync("/sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locations = sitemap.Descendants(ns + "loc").Select(l => l.Value).ToList();
        Assert.Contains($"http://{Host}/en/stories/{_slug}", locations);
        Assert.All(locations, l => Assert.StartsWith($"http://{Host}/", l));

        var feed = XDocument.Parse(await OnHost().GetStringAsync("/en/feed.xml"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Contains(feed.Descendants(atom + "link"), l => l.Attribute("href")?.Value == $"http://{Host}/en/stories/{_slug}");

        var index = XDocument.Parse(await app.Api().GetStringAsync("/sitemap.xml"));
        var sitemaps = index.Descendants(ns + "loc").Select(l => l.Value).ToList();
        Assert.Contains(sitemaps, l => l.Contains($"/{app.Seed.EnterpriseA}/", StringComparison.Ordinal));
        Assert.DoesNotContain(sitemaps, l => l.Contains(app.Seed.EnterpriseB, StringComparison.Ordinal) || l.Contains(Host, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Shared_platform_paths_pass_through_the_host_and_unknown_hosts_get_the_platform()
    {
        var page = await HtmlAsync(await OnHost().GetAsync("/en/"));
        var stylesheet = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.Equal(HttpStatusCode.OK, (await OnHost().GetAsync(stylesheet)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await OnHost().GetAsync("/healthz")).StatusCode);

        var elsewhere = await OnHost("unknown.example").GetAsync($"/{app.Seed.EnterpriseB}/en/");
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }

    [Fact]
    public async Task The_portal_links_the_member_on_its_own_host()
    {
        var page = await HtmlAsync(await app.Api().GetAsync("/en/"));
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"http://{Host}/en/");
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/{app.Seed.EnterpriseA}/en/");
    }
}
