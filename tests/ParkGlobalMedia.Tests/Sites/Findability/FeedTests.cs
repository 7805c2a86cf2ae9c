using System.Net;
using System.Xml.Linq;
using ParkGlobalMedia.Tests.Infrastructure;
using static ParkGlobalMedia.Tests.Sites.Findability.FindabilityCalls;

namespace ParkGlobalMedia.Tests.Sites.Findability;

/// <summary>Atom feeds per site and culture, over HTTP, on a real database. Runs once per provider (see the bottom).</summary>
public abstract class FeedTests(AppFactory app)
{
    private const string Base = "http://localhost";

    [Fact]
    public async Task The_feed_lists_the_twenty_newest_stories_of_the_culture_newest_first()
    {
        // Spanish is published by no other test of this class, so the feed holds exactly these stories.
        var published = new List<(Guid Id, string Slug)>();
        for (var i = 1; i <= 21; i++)
        {
            var (id, slugs) = await app.PublishAsync($"第{i}篇", new Dictionary<string, string> { ["es"] = $"Historia {i}" }, publishSource: false);
            published.Add((id, slugs["es"]));
        }

        var feed = await app.Api().FetchAsync($"/{app.Seed.EnterpriseA}/es/feed.xml");

        Assert.Equal(HttpStatusCode.OK, feed.Status);
        Assert.Equal("application/atom+xml; charset=utf-8", feed.ContentType);
        var root = feed.Xml!.Root!;
        Assert.Equal(Atom + "feed", root.Name);
        Assert.Equal("es", root.Attribute(XNamespace.Xml + "lang")!.Value);
        Assert.Equal("alpha-machinery Ltd", root.Element(Atom + "title")!.Value); // no Spanish name: the site's default
        Assert.Matches(W3cDateTime, root.Element(Atom + "updated")!.Value);
        Assert.Equal($"{Base}/{app.Seed.EnterpriseA}/es/feed.xml", Link(root, "self"));
        Assert.Equal($"{Base}/{app.Seed.EnterpriseA}/es/", Link(root, "alternate"));

        var entries = root.Elements(Atom + "entry").ToList();
        Assert.Equal(
            Enumerable.Range(2, 20).Reverse().Select(i => $"Historia {i}").ToArray(),
            entries.Select(e => e.Element(Atom + "title")!.Value).ToArray());
        var newest = entries[0];
        Assert.Equal($"{Base}/{app.Seed.EnterpriseA}/es/stories/{published[^1].Slug}", Link(newest, "alternate"));
        Assert.StartsWith("urn:uuid:", newest.Element(Atom + "id")!.Value, StringComparison.Ordinal);
        Assert.Equal(20, entries.Select(e => e.Element(Atom + "id")!.Value).Distinct().Count());
        Assert.Matches(W3cDateTime, newest.Element(Atom + "published")!.Value);
        Assert.Matches(W3cDateTime, newest.Element(Atom + "updated")!.Value);
        Assert.Equal("alpha-machinery Ltd", newest.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(newest.Element(Atom + "summary")!.Value));
        var content = newest.Element(Atom + "content")!;
        Assert.Equal("html", content.Attribute("type")!.Value);
        Assert.Contains("<strong>Historia 21</strong>", content.Value);
    }

    [Fact]
    public async Task Titles_with_markup_characters_and_emoji_are_escaped_and_arabic_stories_carry_their_language()
    {
        const string Tricky = "Steel & <Rails> \"fast\" 🚄 東方 ✓";
        var (id, slugs) = await app.PublishAsync("转义测试", new Dictionary<string, string> { ["en"] = Tricky, ["ar"] = "قطارات هونان تصل إلى العالم" });

        var english = await app.Api().FetchAsync($"/{app.Seed.EnterpriseA}/en/feed.xml");
        var arabic = await app.Api().FetchAsync($"/{app.Seed.EnterpriseA}/ar/feed.xml");

        Assert.True(english.Status == HttpStatusCode.OK, english.Text);
        Assert.Contains("Steel &amp; &lt;Rails&gt;", english.Text);
        Assert.Contains("🚄 東方", english.Text); // UTF-8 as is, not character references
        var entry = english.Xml!.Root!.Elements(Atom + "entry").First(e => e.Element(Atom + "title")!.Value == Tricky);
        Assert.Contains("<strong>Steel &amp; &lt;Rails&gt;", entry.Element(Atom + "content")!.Value); // HTML escaped once more inside XML
        Assert.Equal(Tricky, entry.Element(Atom + "title")!.Value);

        var root = arabic.Xml!.Root!;
        Assert.Equal("ar", root.Attribute(XNamespace.Xml + "lang")!.Value);
        var arabicEntry = root.Elements(Atom + "entry").Single(e => Link(e, "alternate").EndsWith("/ar/stories/" + slugs["ar"], StringComparison.Ordinal));
        Assert.Equal("قطارات هونان تصل إلى العالم", arabicEntry.Element(Atom + "title")!.Value);
        Assert.Equal("ar", arabicEntry.Attribute(XNamespace.Xml + "lang")!.Value);
        Assert.NotEqual(default, id);
    }

    [Fact]
    public async Task Drafts_and_archived_variants_never_appear_in_a_feed()
    {
        var editor = app.Api(app.Seed.EditorA.Token);
        var (draftId, _) = await editor.CreateStoryAsync(app.Seed.EnterpriseA, "草稿不进订阅");
        var (_, _, frETag) = await editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{draftId}/fr/draft", ApiCalls.Content("Brouillon pas dans le flux"));
        Assert.NotNull(frETag);
        var (archivedId, _) = await app.PublishAsync("已归档", new Dictionary<string, string> { ["fr"] = "Archivée du flux" });
        await editor.TransitionAsync(archivedId, "fr", "archive", await editor.WorkingETagAsync(archivedId, "fr"));
        await app.PublishAsync("仍然在线", new Dictionary<string, string> { ["fr"] = "Toujours en ligne" });

        var feed = await app.Api().FetchAsync($"/{app.Seed.EnterpriseA}/fr/feed.xml");

        var titles = feed.Xml!.Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value).ToList();
        Assert.Contains("Toujours en ligne", titles);
        Assert.DoesNotContain("Brouillon pas dans le flux", titles);
        Assert.DoesNotContain("Archivée du flux", titles);
    }

    [Fact]
    public async Task Unknown_sites_and_cultures_the_site_does_not_publish_get_a_404_problem()
    {
        foreach (var path in new[] { "/no-such-enterprise/en/feed.xml", $"/{app.Seed.EnterpriseA}/de/feed.xml", $"/{app.Seed.EnterpriseA}/xx-nowhere/feed.xml" })
        {
            var response = await app.Api().FetchAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.Status);
            Assert.Equal("application/problem+json", response.ContentType);
        }

        // A culture the site publishes, in another spelling, is still that culture.
        Assert.Equal(HttpStatusCode.OK, (await app.Api().FetchAsync($"/{app.Seed.EnterpriseA}/zh-cn/feed.xml")).Status);
    }

    [Fact]
    public async Task A_feed_answers_304_to_its_etag_until_a_story_is_published()
    {
        var path = $"/{app.Seed.EnterpriseB}/en/feed.xml";
        var first = await app.Api().FetchAsync(path);
        Assert.True(first.CacheControl is { Public: true, MaxAge.TotalSeconds: 300 }, $"{first.CacheControl}");

        Assert.Equal(HttpStatusCode.NotModified, (await app.Api().FetchAsync(path, ifNoneMatch: first.ETag)).Status);

        var editor = app.Api(app.Seed.EditorB.Token);
        var (id, _) = await editor.CreateStoryAsync(app.Seed.EnterpriseB, "乙公司");
        var (_, _, etag) = await editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{id}/en/draft", ApiCalls.Content("Beta news"));
        etag = await editor.TransitionAsync(id, "en", "submit", etag!);
        etag = await app.Api(app.Seed.Admin.Token).TransitionAsync(id, "en", "approve", etag);
        await editor.TransitionAsync(id, "en", "publish", etag);

        var changed = await app.Api().FetchAsync(path, ifNoneMatch: first.ETag);
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.NotEqual(first.ETag, changed.ETag);
        Assert.Equal("Beta news", changed.Xml!.Root!.Element(Atom + "entry")!.Element(Atom + "title")!.Value);
    }

    private static string Link(XElement element, string rel) =>
        element.Elements(Atom + "link").Single(l => l.Attribute("rel")!.Value == rel).Attribute("href")!.Value;
}

public sealed class FeedOnSqlite(SqliteAppFactory app) : FeedTests(app), IClassFixture<SqliteAppFactory>;

public sealed class FeedOnPostgres(PostgresAppFactory app) : FeedTests(app), IClassFixture<PostgresAppFactory>;
