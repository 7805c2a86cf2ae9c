using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ParkGlobalMedia.Sites.Preview;
using ParkGlobalMedia.Tests.Infrastructure;

namespace ParkGlobalMedia.Tests.Sites;

/// <summary>
/// Editors open a draft in the site's real theme through a signed, expiring link from the story editor; without a
/// valid link for exactly that story and culture a draft is never reachable. Runs once per provider.
/// </summary>
public abstract class PreviewLinkTests(AppFactory app)
{
    private Seed Seed => app.Seed;

    /// <summary>A story whose en variant is published as "Live title" and has a newer draft "Draft title".</summary>
    private async Task<(Guid Id, string Slug)> PublishedWithDraftAsync()
    {
        var editor = app.Api(Seed.EditorA.Token);
        var reviewer = app.Api(Seed.ReviewerA.Token);
        var (id, _) = await editor.CreateStoryAsync(Seed.EnterpriseA, "预览");
        var slug = $"preview-{Guid.NewGuid():N}";
        var (_, _, tag) = await editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{id}/en/draft", ApiCalls.Content("Live title", slug: slug));
        tag = await editor.TransitionAsync(id, "en", "submit", tag!);
        tag = await reviewer.TransitionAsync(id, "en", "approve", tag);
        tag = await reviewer.TransitionAsync(id, "en", "publish", tag);
        var (status, _, _) = await editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{id}/en/draft",
            ApiCalls.Content("Draft title", "A paragraph only the editors have seen.", slug: slug), ifMatch: tag);
        Assert.Equal(HttpStatusCode.OK, status);
        return (id, slug);
    }

    private async Task<string> EditorsPreviewLinkAsync(Guid id, string culture = "en")
    {
        var session = await AdminSession.SignInAsync(app, Seed.EditorA.Email);
        var (status, editor) = await session.GetAsync($"/admin/stories/{id}/{culture}");
        Assert.Equal(HttpStatusCode.OK, status);
        var link = editor.QuerySelector($"a[href*='/preview/']")!;
        Assert.Equal("_blank", link.GetAttribute("target"));
        return link.GetAttribute("href")!;
    }

    [Fact]
    public async Task The_story_editors_link_shows_the_draft_in_the_sites_theme_unindexed_and_uncached()
    {
        var (id, slug) = await PublishedWithDraftAsync();
        var link = await EditorsPreviewLinkAsync(id);
        Assert.StartsWith($"/{Seed.EnterpriseA}/en/preview/{id:N}?preview=", link);

        for (var i = 0; i < 2; i++)
        {
            var response = await app.Api().GetAsync(link);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
            Assert.Equal("noindex, nofollow", response.Headers.GetValues("X-Robots-Tag").Single());
            Assert.False(response.Headers.Contains("X-Page-Cache"));
            var page = new HtmlParser(new HtmlParserOptions { IsStrictMode = true }).ParseDocument(await response.Content.ReadAsStringAsync());
            Assert.Equal("Draft title", page.QuerySelector("article h1")!.TextContent);
            Assert.Contains("only the editors have seen", page.QuerySelector("article .body")!.TextContent);
            Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
            Assert.Null(page.QuerySelector("link[rel=canonical]"));
            Assert.Contains("not published", page.QuerySelector(".preview-banner")!.TextContent);
            Assert.NotNull(page.QuerySelector("link[rel=stylesheet][href^='/themes/default/site.css']"));
        }

        // Readers still get the published version at the public URL.
        var live = await app.Api().GetStringAsync($"/{Seed.EnterpriseA}/en/stories/{slug}");
        Assert.Contains("Live title", live);
        Assert.DoesNotContain("Draft title", live);
    }

    [Fact]
    public async Task A_draft_is_never_reachable_without_a_valid_link_for_exactly_that_story_and_culture()
    {
        var (id, _) = await PublishedWithDraftAsync();
        var (other, _) = await PublishedWithDraftAsync();
        var link = await EditorsPreviewLinkAsync(id);
        var token = link[(link.IndexOf("preview=", StringComparison.Ordinal) + "preview=".Length)..];

        var refused = new[]
        {
            $"/{Seed.EnterpriseA}/en/preview/{id:N}",
            $"/{Seed.EnterpriseA}/en/preview/{id:N}?preview=",
            $"/{Seed.EnterpriseA}/en/preview/{id:N}?preview={token[..^2]}xy",
            $"/{Seed.EnterpriseA}/en/preview/{id:N}?preview=not-a-token",
            $"/{Seed.EnterpriseA}/en/preview/{id:N}?preview={new string('A', 5000)}",
            $"/{Seed.EnterpriseA}/fr/preview/{id:N}?preview={token}",
            $"/{Seed.EnterpriseA}/en/preview/{other:N}?preview={token}",
            $"/{Seed.EnterpriseB}/en/preview/{id:N}?preview={token}",
        };
        foreach (var url in refused)
        {
            var response = await app.Api().GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url[..Math.Min(url.Length, 120)]}: {response.StatusCode}");
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Draft title", html);
            Assert.Contains("<meta name=\"robots\" content=\"noindex\">", html); // the site's own localized 404 page
        }
    }

    [Fact]
    public async Task An_expired_link_says_so_in_the_readers_language_and_shows_nothing()
    {
        var (id, _) = await PublishedWithDraftAsync();
        var expired = new PreviewLinks(app.Services.GetRequiredService<IDataProtectionProvider>(),
            Options.Create(new PreviewOptions { LinkLifetime = TimeSpan.FromSeconds(-1) }), TimeProvider.System);
        var link = expired.Create(Seed.EnterpriseA, id, "en").Url;

        var response = await app.Api().GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("preview link has expired", html);
        Assert.DoesNotContain("Draft title", html);
    }

    [Fact]
    public async Task A_story_never_published_can_be_previewed_but_not_read()
    {
        var editor = app.Api(Seed.EditorA.Token);
        var (id, _) = await editor.CreateStoryAsync(Seed.EnterpriseA, "从未发布的故事", slug: $"never-{Guid.NewGuid():N}");
        var link = await EditorsPreviewLinkAsync(id, "zh-CN");

        var page = await app.Api().GetStringAsync(link);
        Assert.Contains("从未发布的故事", page);
        Assert.Contains("lang=\"zh-CN\"", page);
        var (_, working, _) = await editor.ReadAsync($"/api/v1/stories/{id}/zh-CN/draft");
        var slug = working!["content"]!["slug"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api().GetAsync($"/{Seed.EnterpriseA}/zh-CN/stories/{slug}")).StatusCode);
    }
}

public sealed class PreviewLinksOnSqlite(SqliteAppFactory app) : PreviewLinkTests(app), IClassFixture<SqliteAppFactory>;

public sealed class PreviewLinksOnPostgres(PostgresAppFactory app) : PreviewLinkTests(app), IClassFixture<PostgresAppFactory>;
