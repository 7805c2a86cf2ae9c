using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ParkGlobalMedia.Tests.Infrastructure;

namespace ParkGlobalMedia.Tests.Sites;

/// <summary>The public story pages and site homes, as readers and crawlers see them. Runs once per provider.</summary>
public abstract class SitePageTests(AppFactory app)
{
    private static readonly HtmlParser StrictParser = new(new HtmlParserOptions { IsStrictMode = true });

    private Seed Seed => app.Seed;

    /// <summary>A story published in zh-CN, en and ar; returns its id and the en and ar slugs.</summary>
    private async Task<(Guid Id, string En, string Ar)> PublishedStoryAsync(string title)
    {
        var editor = app.Api(Seed.EditorA.Token);
        var reviewer = app.Api(Seed.ReviewerA.Token);
        var (id, etag) = await editor.CreateStoryAsync(Seed.EnterpriseA, title);
        var (_, en, enETag) = await editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{id}/en/draft", ApiCalls.Content($"{title} in English", "An English body with <b>no HTML</b> & an ampersand.", slug: $"en-{Guid.NewGuid():N}"));
        var (_, ar, arETag) = await editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{id}/ar/draft", ApiCalls.Content("قصة " + title, "نص عربي.", slug: $"ar-{Guid.NewGuid():N}"));
        foreach (var (culture, tag) in new[] { ("zh-CN", etag), ("en", enETag!), ("ar", arETag!) })
        {
            var next = await editor.TransitionAsync(id, culture, "submit", tag);
            next = await reviewer.TransitionAsync(id, culture, "approve", next);
            await reviewer.TransitionAsync(id, culture, "publish", next);
        }

        return (id, en!["content"]!["slug"]!.GetValue<string>(), ar!["content"]!["slug"]!.GetValue<string>());
    }

    private async Task<(HttpStatusCode Status, IHtmlDocument Page, HttpResponseMessage Response)> PageAsync(string path, string? acceptLanguage = null)
    {
        var client = app.Api();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, string.IsNullOrEmpty(html) ? new HtmlParser().ParseDocument("") : StrictParser.ParseDocument(html), response);
    }

    [Fact]
    public async Task A_story_page_carries_language_direction_reciprocal_hreflang_canonical_and_structured_data()
    {
        var (_, en, ar) = await PublishedStoryAsync("园区故事");
        var (enStatus, enPage, _) = await PageAsync($"/{Seed.EnterpriseA}/en/stories/{en}");
        var (arStatus, arPage, _) = await PageAsync($"/{Seed.EnterpriseA}/ar/stories/{ar}");
        Assert.Equal(HttpStatusCode.OK, enStatus);
        Assert.Equal(HttpStatusCode.OK, arStatus);

        Assert.Equal(("en", "ltr"), (enPage.DocumentElement.GetAttribute("lang"), enPage.DocumentElement.GetAttribute("dir")));
        Assert.Equal(("ar", "rtl"), (arPage.DocumentElement.GetAttribute("lang"), arPage.DocumentElement.GetAttribute("dir")));
        var enAlternates = Alternates(enPage);
        var arAlternates = Alternates(arPage);
        Assert.Equal(["ar", "en", "x-default", "zh-CN"], enAlternates.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(enAlternates["ar"], arPage.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(arAlternates["en"], enPage.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(enAlternates["en"], enAlternates["x-default"]); // the site's default culture is en

        Assert.Contains("ampersand", enPage.QuerySelector("article .body")!.TextContent);
        Assert.Null(enPage.QuerySelector("article .body b")); // Markdown's raw HTML stays text
        var jsonLd = JsonDocument.Parse(enPage.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal("NewsArticle", jsonLd.GetProperty("@type").GetString());
        Assert.Equal("园区故事 in English", jsonLd.GetProperty("headline").GetString());
        Assert.Equal("article", enPage.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
    }

    [Fact]
    public async Task A_story_page_names_its_category_in_the_readers_language()
    {
        var (_, en, ar) = await PublishedStoryAsync("分类名称");
        var (_, enPage, _) = await PageAsync($"/{Seed.EnterpriseA}/en/stories/{en}");
        var (_, arPage, _) = await PageAsync($"/{Seed.EnterpriseA}/ar/stories/{ar}");
        var enLink = enPage.QuerySelector(".story-links a[href*='/category/']")!;
        Assert.Equal(("Human stories", $"/{Seed.EnterpriseA}/en/category/human-stories"), (enLink.TextContent, enLink.GetAttribute("href")));
        Assert.Equal("قصص إنسانية", arPage.QuerySelector(".story-links a[href*='/category/']")!.TextContent);
    }

    [Fact]
    public async Task The_language_switcher_leads_to_the_same_story_or_to_the_cultures_home_never_to_a_404()
    {
        var (_, en, _) = await PublishedStoryAsync("切换语言");
        var (_, page, _) = await PageAsync($"/{Seed.EnterpriseA}/en/stories/{en}");
        var links = page.QuerySelectorAll(".languages a").ToDictionary(a => a.GetAttribute("hreflang")!, a => a.GetAttribute("href")!);

        Assert.StartsWith($"/{Seed.EnterpriseA}/ar/stories/", links["ar"]);
        Assert.StartsWith($"/{Seed.EnterpriseA}/fr/?", links["fr"]); // no French translation: the French home
        foreach (var href in links.Values)
        {
            var (status, _, response) = await PageAsync(href);
            Assert.Equal(HttpStatusCode.Redirect, status); // ?switch=1 remembers the choice, then the clean URL
            Assert.Contains("pgm.site.lang=", response.Headers.GetValues("Set-Cookie").Single());
            Assert.Equal(HttpStatusCode.OK, (await PageAsync(response.Headers.Location!.ToString())).Status);
        }
    }

    [Theory]
    [InlineData("fr-CA,fr;q=0.9,en;q=0.5", "fr")]
    [InlineData("es-MX", "es")]
    [InlineData("de-DE,ar;q=0.4", "ar")]
    [InlineData("ja", "en")]
    [InlineData(";;;q=abc,,", "en")]
    public async Task The_site_address_without_a_culture_negotiates_from_accept_language(string acceptLanguage, string expected)
    {
        var (status, _, response) = await PageAsync($"/{Seed.EnterpriseA}", acceptLanguage);
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal($"/{Seed.EnterpriseA}/{expected}/", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_renamed_story_answers_301_from_its_old_address_and_an_archived_one_410_in_the_readers_language()
    {
        var editor = app.Api(Seed.EditorA.Token);
        var (id, en, ar) = await PublishedStoryAsync("改名的故事");
        var working = await editor.WorkingETagAsync(id, "en");
        var (_, renamed, renamedETag) = await editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{id}/en/draft", ApiCalls.Content("A renamed story", slug: $"renamed-{id:N}"), ifMatch: working);
        Assert.NotNull(renamed);
        var next = await editor.TransitionAsync(id, "en", "submit", renamedETag!);
        next = await app.Api(Seed.ReviewerA.Token).TransitionAsync(id, "en", "approve", next);
        await editor.TransitionAsync(id, "en", "publish", next);

        var (moved, _, response) = await PageAsync($"/{Seed.EnterpriseA}/en/stories/{en}");
        Assert.Equal(HttpStatusCode.MovedPermanently, moved);
        Assert.Equal($"/{Seed.EnterpriseA}/en/stories/renamed-{id:N}", response.Headers.Location!.ToString());

        await editor.TransitionAsync(id, "ar", "archive", await editor.WorkingETagAsync(id, "ar"));
        var (gone, page, _) = await PageAsync($"/{Seed.EnterpriseA}/ar/stories/{ar}");
        Assert.Equal(HttpStatusCode.Gone, gone);
        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        Assert.Equal("تمت أرشفة هذه القصة", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }

    [Theory]
    [InlineData("/no-such-site/en/", "Page not found")]
    [InlineData("/{site}/de/", "Page not found")] // a culture the site does not publish in
    [InlineData("/{site}/xx-YY/", "Page not found")]
    [InlineData("/{site}/zh-CN/stories/no-such-story", "页面不存在")]
    [InlineData("/{site}/ar/stories/no-such-story", "الصفحة غير موجودة")]
    public async Task Unknown_sites_cultures_and_stories_get_a_localized_404_page(string path, string heading)
    {
        var (status, page, _) = await PageAsync(path.Replace("{site}", Seed.EnterpriseA, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(heading, page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task A_draft_translation_is_never_reachable_and_the_home_lists_only_published_stories()
    {
        var editor = app.Api(Seed.EditorA.Token);
        var (id, _, _) = await PublishedStoryAsync("只发布一部分");
        await editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{id}/fr/draft", ApiCalls.Content("Brouillon secret", slug: $"brouillon-{id:N}"));

        Assert.Equal(HttpStatusCode.NotFound, (await PageAsync($"/{Seed.EnterpriseA}/fr/stories/brouillon-{id:N}")).Status);
        var (status, home, _) = await PageAsync($"/{Seed.EnterpriseA}/fr/");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("Brouillon secret", home.Body!.TextContent);
        Assert.Equal("Organization", JsonDocument.Parse(home.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement.GetProperty("@type").GetString());
    }

    [Fact]
    public async Task Reading_a_story_page_is_counted_per_culture_without_cookies_and_crawlers_are_not()
    {
        var (id, en, ar) = await PublishedStoryAsync("被阅读的故事");
        var reader = app.Api();
        async Task ReadAsync(string path, string userAgent)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
            using var response = await reader.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("Set-Cookie"));
        }

        await ReadAsync($"/{Seed.EnterpriseA}/en/stories/{en}", "Mozilla/5.0 (X11; Linux x86_64)");
        await ReadAsync($"/{Seed.EnterpriseA}/en/stories/{en}", "Mozilla/5.0 (iPhone)");
        await ReadAsync($"/{Seed.EnterpriseA}/ar/stories/{ar}", "Mozilla/5.0 (Android)");
        await ReadAsync($"/{Seed.EnterpriseA}/en/stories/{en}", "Googlebot/2.1 (+http://www.google.com/bot.html)");
        await app.Services.GetRequiredService<ParkGlobalMedia.Sites.Analytics.PageViewRecorder>().FlushAsync(CancellationToken.None);

        var (status, views, _) = await app.Api(Seed.EditorA.Token).ReadAsync($"/api/v1/stories/{id}/views");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3, views!["total"]!.GetValue<long>());
        Assert.Equal(2, views["byCulture"]!["en"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_portal_negotiates_a_culture_and_lists_the_members_and_their_latest_stories()
    {
        var (_, en, _) = await PublishedStoryAsync("门户上的故事");
        var (status, _, response) = await PageAsync("/", "fr-FR,fr;q=0.9");
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("/fr/", response.Headers.Location!.ToString());

        var (ok, portal, _) = await PageAsync("/en/");
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal("en", portal.DocumentElement.GetAttribute("lang"));
        Assert.Contains(portal.QuerySelectorAll(".cards a"), a => a.GetAttribute("href") == $"/{Seed.EnterpriseA}/en/");
        Assert.Contains(portal.QuerySelectorAll(".cards a"), a => a.GetAttribute("href") == $"/{Seed.EnterpriseA}/en/stories/{en}");
        Assert.Equal(HttpStatusCode.NotFound, (await PageAsync("/de/")).Status); // no member publishes in German
    }

    [Fact]
    public async Task Category_tag_and_search_pages_list_only_published_stories_and_unknown_ones_are_404()
    {
        var (_, en, _) = await PublishedStoryAsync("分类列表");
        var (_, story, _) = await PageAsync($"/{Seed.EnterpriseA}/en/stories/{en}");
        var categoryLink = story.QuerySelector(".story-links a[href*='/category/']")!.GetAttribute("href")!;
        var tagLink = story.QuerySelector(".story-links .tags a")!.GetAttribute("href")!;

        foreach (var path in new[] { categoryLink, tagLink, $"/{Seed.EnterpriseA}/en/search?q={Uri.EscapeDataString("分类列表 in English")}" })
        {
            var (status, page, _) = await PageAsync(path);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains(page.QuerySelectorAll(".cards a"), a => a.GetAttribute("href") == $"/{Seed.EnterpriseA}/en/stories/{en}");
        }

        Assert.Equal(HttpStatusCode.NotFound, (await PageAsync($"/{Seed.EnterpriseA}/en/category/no-such-category")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await PageAsync($"/{Seed.EnterpriseA}/en/tag/no-story-has-this-tag")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await PageAsync($"/{Seed.EnterpriseA}/en/campaign/no-such-campaign")).Status);
        var (searched, nothing, _) = await PageAsync($"/{Seed.EnterpriseA}/ar/search?q={new string('x', 5000)}");
        Assert.Equal(HttpStatusCode.OK, searched); // an overlong query is ignored, not an error
        Assert.Equal("rtl", nothing.DocumentElement.GetAttribute("dir"));
    }

    [Theory]
    [InlineData("en", "ltr", "Company profile")]
    [InlineData("ar", "rtl", "نبذة عن الشركة")]
    public async Task The_company_profile_is_linked_from_every_page_and_reads_in_the_sites_cultures(string culture, string direction, string label)
    {
        var (_, home, _) = await PageAsync($"/{Seed.EnterpriseA}/{culture}/");
        var link = home.QuerySelectorAll(".site-footer a").Single(a => a.TextContent == label).GetAttribute("href")!;
        var (status, profile, _) = await PageAsync(link);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(direction, profile.DocumentElement.GetAttribute("dir"));
        Assert.Contains("Changsha Economic and Technological Development Zone", profile.QuerySelector(".facts")!.TextContent);
        Assert.Equal(5, Alternates(profile).Count - 1); // every culture of the site, plus x-default
    }

    private static Dictionary<string, string> Alternates(IHtmlDocument page) =>
        page.QuerySelectorAll("link[rel=alternate][hreflang]").ToDictionary(l => l.GetAttribute("hreflang")!, l => l.GetAttribute("href")!);
}

public sealed class SitePagesOnSqlite(SqliteAppFactory app) : SitePageTests(app), IClassFixture<SqliteAppFactory>;

public sealed class SitePagesOnPostgres(PostgresAppFactory app) : SitePageTests(app), IClassFixture<PostgresAppFactory>;
