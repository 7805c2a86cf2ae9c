using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Sites.Analytics;
using ParkGlobalMedia.Tests.Infrastructure;

namespace ParkGlobalMedia.Tests.Sites;

/// <summary>
/// Rendered site pages are kept per instance and served only while the content they were built from is unchanged:
/// a publish shows on the next read, here and on other instances, and evicts only the pages of the site it touched
/// (and the portal). Kept pages revalidate with ETags and go out Brotli- or gzip-compressed. Runs once per provider
/// (the scope bookkeeping is SQL of each provider's own).
/// </summary>
public abstract class PageCacheTests(AppFactory app)
{
    private const string CacheHeader = "X-Page-Cache";

    private Seed Seed => app.Seed;

    [Fact]
    public async Task A_story_page_is_kept_after_its_first_read_and_a_new_publication_shows_on_the_next_read()
    {
        var (id, slug, etag) = await PublishAsync(Seed.EnterpriseA, "Kept page");
        var path = $"/{Seed.EnterpriseA}/en/stories/{slug}";

        var first = await GetAsync(path);
        var second = await GetAsync(path);
        Assert.Equal("miss", Outcome(first));
        Assert.Equal("hit", Outcome(second));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());

        await RepublishAsync(id, etag, "Kept page, revised", slug);
        var third = await GetAsync(path);
        Assert.Equal("miss", Outcome(third));
        Assert.Contains("Kept page, revised", await third.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Publishing_on_one_site_evicts_its_pages_and_the_portal_but_not_another_sites_pages()
    {
        var (_, slugA, _) = await PublishAsync(Seed.EnterpriseA, "Site A story");
        var (_, slugB, _) = await PublishAsync(Seed.EnterpriseB, "Site B story");
        var pageA = $"/{Seed.EnterpriseA}/en/stories/{slugA}";
        var homeB = $"/{Seed.EnterpriseB}/en/";
        foreach (var path in new[] { pageA, homeB, "/en/" })
        {
            await GetAsync(path);
            Assert.Equal("hit", Outcome(await GetAsync(path)));
        }

        await PublishAsync(Seed.EnterpriseB, "Another B story");

        Assert.Equal("hit", Outcome(await GetAsync(pageA)));
        var home = await GetAsync(homeB);
        Assert.Equal("miss", Outcome(home));
        Assert.Contains("Another B story", await home.Content.ReadAsStringAsync());
        var portal = await GetAsync("/en/");
        Assert.Equal("miss", Outcome(portal));
        Assert.Contains("Another B story", await portal.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Changing_a_sites_settings_evicts_its_pages()
    {
        await GetAsync($"/{Seed.EnterpriseA}/en/");
        Assert.Equal("hit", Outcome(await GetAsync($"/{Seed.EnterpriseA}/en/")));

        var admin = app.Api(Seed.Admin.Token);
        var (_, enterprise, etag) = await admin.ReadAsync($"/api/v1/enterprises/{Seed.EnterpriseA}");
        var names = enterprise!["names"]!.AsObject();
        names["en"] = $"Alpha Renamed {Guid.NewGuid():N}";
        var (status, _, _) = await admin.SendAsync(HttpMethod.Put, $"/api/v1/enterprises/{Seed.EnterpriseA}", enterprise, ifMatch: etag);
        Assert.Equal(HttpStatusCode.OK, status);

        var home = await GetAsync($"/{Seed.EnterpriseA}/en/");
        Assert.Equal("miss", Outcome(home));
        Assert.Contains(names["en"]!.GetValue<string>(), await home.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_publication_on_another_instance_is_seen_here_on_the_next_read()
    {
        var (id, slug, etag) = await PublishAsync(Seed.EnterpriseA, "Two instances");
        var path = $"/{Seed.EnterpriseA}/en/stories/{slug}";
        await GetAsync(path);
        Assert.Equal("hit", Outcome(await GetAsync(path)));

        await using var other = new SecondInstance(app);
        var editor = other.CreateClient();
        editor.DefaultRequestHeaders.Authorization = new("Bearer", Seed.EditorA.Token);
        var reviewer = other.CreateClient();
        reviewer.DefaultRequestHeaders.Authorization = new("Bearer", Seed.ReviewerA.Token);
        var (_, _, working) = await editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{id}/en/draft", ApiCalls.Content("Changed on the other instance", slug: slug), ifMatch: etag);
        working = await editor.TransitionAsync(id, "en", "submit", working!);
        working = await reviewer.TransitionAsync(id, "en", "approve", working);
        await editor.TransitionAsync(id, "en", "publish", working);

        var page = await GetAsync(path);
        Assert.Equal("miss", Outcome(page));
        Assert.Contains("Changed on the other instance", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_reader_revalidating_with_the_etag_gets_304_without_a_body_until_the_page_changes()
    {
        var (id, slug, etag) = await PublishAsync(Seed.EnterpriseA, "Revalidated");
        var path = $"/{Seed.EnterpriseA}/en/stories/{slug}";
        var first = await GetAsync(path);
        var tag = first.Headers.ETag!.ToString();
        Assert.StartsWith("W/\"", tag);
        Assert.Equal("public, no-cache", first.Headers.CacheControl!.ToString());

        var revalidated = await GetAsync(path, ("If-None-Match", tag));
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());

        await RepublishAsync(id, etag, "Revalidated, changed", slug);
        var changed = await GetAsync(path, ("If-None-Match", tag));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(tag, changed.Headers.ETag!.ToString());
    }

    [Theory]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("br;q=0, gzip;q=0.5", "gzip")]
    [InlineData("identity", null)]
    public async Task Kept_pages_go_out_in_the_best_coding_the_reader_accepts_and_decode_to_the_same_html(string acceptEncoding, string? expected)
    {
        var (_, slug, _) = await PublishAsync(Seed.EnterpriseA, $"Compressed {acceptEncoding}");
        var path = $"/{Seed.EnterpriseA}/en/stories/{slug}";
        var plain = await (await GetAsync(path)).Content.ReadAsByteArrayAsync();

        var response = await GetAsync(path, ("Accept-Encoding", acceptEncoding));
        Assert.Equal("hit", Outcome(response));
        var coding = response.Content.Headers.ContentEncoding.SingleOrDefault();
        Assert.Equal(expected, coding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.Equal(Encoding.UTF8.GetString(plain), Encoding.UTF8.GetString(Decode(bytes, coding)));
        if (coding is not null)
        {
            Assert.True(bytes.Length < plain.Length / 2, $"{coding}: {bytes.Length} of {plain.Length} bytes");
        }
    }

    [Fact]
    public async Task Problems_redirects_and_language_choices_are_never_kept()
    {
        var missing = $"/{Seed.EnterpriseA}/en/stories/no-such-story-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(missing)).StatusCode);
        var again = await GetAsync(missing);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Null(Outcome(again));

        await GetAsync($"/{Seed.EnterpriseA}/fr/");
        for (var i = 0; i < 2; i++)
        {
            var switched = await GetAsync($"/{Seed.EnterpriseA}/fr/?switch=1");
            Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
            Assert.Contains(switched.Headers.GetValues("Set-Cookie"), c => c.StartsWith("pgm.site.lang=fr", StringComparison.Ordinal));
        }

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await GetAsync($"/{Seed.EnterpriseA}", ("Accept-Language", i == 0 ? "fr" : "ar"))).StatusCode);
        }

        Assert.EndsWith("/ar/", (await GetAsync($"/{Seed.EnterpriseA}", ("Accept-Language", "ar"))).Headers.Location!.ToString());
    }

    [Fact]
    public async Task Tracking_parameters_share_the_kept_page_while_search_terms_and_page_numbers_do_not()
    {
        var (_, slug, _) = await PublishAsync(Seed.EnterpriseA, "Shared by campaigns");
        var path = $"/{Seed.EnterpriseA}/en/stories/{slug}";
        await GetAsync(path);
        Assert.Equal("hit", Outcome(await GetAsync($"{path}?utm_source=linkedin&utm_campaign=expo")));

        var search = $"/{Seed.EnterpriseA}/en/search";
        var found = await GetAsync($"{search}?q=campaigns");
        var other = await GetAsync($"{search}?q=nothing-like-this-{Guid.NewGuid():N}");
        Assert.Equal("miss", Outcome(other));
        Assert.Contains(slug, await found.Content.ReadAsStringAsync());
        Assert.DoesNotContain(slug, await other.Content.ReadAsStringAsync());
        Assert.Equal("hit", Outcome(await GetAsync($"{search}?q=campaigns&utm_source=x")));
    }

    [Fact]
    public async Task Huge_query_strings_get_the_normal_page_and_are_never_kept()
    {
        var (_, slug, _) = await PublishAsync(Seed.EnterpriseA, "Long queries");
        var junk = string.Concat(Enumerable.Repeat("utm_content=%E5%9B%AD%E5%8C%BA&", 400));
        var story = await GetAsync($"/{Seed.EnterpriseA}/en/stories/{slug}?{junk}");
        Assert.Equal(HttpStatusCode.OK, story.StatusCode);
        Assert.Null(Outcome(story));
        Assert.Contains("Long queries", await story.Content.ReadAsStringAsync());

        var search = await GetAsync($"/{Seed.EnterpriseA}/en/search?q={new string('x', 5000)}");
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Null(Outcome(search));
        Assert.DoesNotContain(new string('x', 101), await search.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readers_of_a_kept_story_page_are_still_counted_and_link_checkers_are_not()
    {
        var (id, slug, _) = await PublishAsync(Seed.EnterpriseA, "Counted while kept");
        var path = $"/{Seed.EnterpriseA}/en/stories/{slug}";
        var recorder = app.Services.GetRequiredService<PageViewRecorder>();
        await recorder.FlushAsync(CancellationToken.None);

        for (var i = 0; i < 3; i++)
        {
            await GetAsync(path, ("User-Agent", "Mozilla/5.0 (reader)"));
        }

        await GetAsync(path, ("User-Agent", "Googlebot/2.1"));
        using var head = new HttpRequestMessage(HttpMethod.Head, path);
        head.Headers.TryAddWithoutValidation("User-Agent", "Mozilla/5.0 (reader)");
        Assert.Equal(HttpStatusCode.OK, (await app.Api().SendAsync(head)).StatusCode);
        await recorder.FlushAsync(CancellationToken.None);

        var (_, views, _) = await app.Api(Seed.EditorA.Token).ReadAsync($"/api/v1/stories/{id}/views");
        Assert.Equal(3, views!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Api_responses_are_compressed_but_the_admin_ui_never_is()
    {
        var client = app.Api();
        using var api = new HttpRequestMessage(HttpMethod.Get, "/api/v1/stories?pageSize=50");
        api.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
        var apiResponse = await client.SendAsync(api);
        Assert.Equal("br", apiResponse.Content.Headers.ContentEncoding.Single());

        using var admin = new HttpRequestMessage(HttpMethod.Get, "/admin/login");
        admin.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
        var adminResponse = await client.SendAsync(admin);
        Assert.Equal(HttpStatusCode.OK, adminResponse.StatusCode);
        Assert.Empty(adminResponse.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Theme_stylesheets_are_linked_by_content_hash_kept_for_a_year_and_revalidated_under_any_other_url()
    {
        var page = await (await GetAsync($"/{Seed.EnterpriseA}/en/")).Content.ReadAsStringAsync();
        var href = System.Text.RegularExpressions.Regex.Match(page, "<link rel=\"stylesheet\" href=\"([^\"]+)\"").Groups[1].Value;
        Assert.Matches(@"^/themes/default/site\.css\?v=[0-9a-f]{16}$", href);

        var current = await GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", current.Headers.CacheControl!.ToString());
        var css = await current.Content.ReadAsByteArrayAsync();
        Assert.StartsWith(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(css).AsSpan(0, 8)), href.Split("v=")[1]);

        foreach (var other in new[] { "/themes/default/site.css", "/themes/default/site.css?v=0000000000000000" })
        {
            var response = await GetAsync(other);
            Assert.Equal("public, no-cache", response.Headers.CacheControl!.ToString());
            Assert.NotNull(response.Headers.ETag);
        }
    }

    private static byte[] Decode(byte[] bytes, string? coding)
    {
        if (coding is null)
        {
            return bytes;
        }

        using var input = new MemoryStream(bytes);
        using Stream decoder = coding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    private static string? Outcome(HttpResponseMessage response) =>
        response.Headers.TryGetValues(CacheHeader, out var values) ? values.Single() : null;

    private async Task<HttpResponseMessage> GetAsync(string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var response = await app.Api().SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>A story published in en, written by its enterprise's editor and approved by the admin (four eyes).</summary>
    private async Task<(Guid Id, string Slug, string ETag)> PublishAsync(string enterprise, string title)
    {
        var editor = app.Api(enterprise == Seed.EnterpriseA ? Seed.EditorA.Token : Seed.EditorB.Token);
        var admin = app.Api(Seed.Admin.Token);
        var (id, _) = await editor.CreateStoryAsync(enterprise, title + " 中文");
        var slug = $"s-{Guid.NewGuid():N}";
        var (_, _, tag) = await editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{id}/en/draft", ApiCalls.Content(title, slug: slug));
        tag = await editor.TransitionAsync(id, "en", "submit", tag!);
        tag = await admin.TransitionAsync(id, "en", "approve", tag);
        tag = await admin.TransitionAsync(id, "en", "publish", tag);
        return (id, slug, tag);
    }

    private async Task RepublishAsync(Guid id, string etag, string title, string slug)
    {
        var editor = app.Api(Seed.EditorA.Token);
        var admin = app.Api(Seed.Admin.Token);
        var (_, _, tag) = await editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{id}/en/draft", ApiCalls.Content(title, slug: slug), ifMatch: etag);
        tag = await editor.TransitionAsync(id, "en", "submit", tag!);
        tag = await admin.TransitionAsync(id, "en", "approve", tag);
        await admin.TransitionAsync(id, "en", "publish", tag);
    }
}

/// <summary>The generation is read on every request, so cross-instance freshness is tested without waiting.</summary>
public sealed class PageCacheSqliteFactory() : AppFactory(DatabaseProvider.Sqlite)
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["PublicCache:GenerationRefresh"] = "00:00:00" };
}

public sealed class PageCachePostgresFactory() : AppFactory(DatabaseProvider.Postgres)
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["PublicCache:GenerationRefresh"] = "00:00:00" };
}

public sealed class PageCacheOnSqlite(PageCacheSqliteFactory app) : PageCacheTests(app), IClassFixture<PageCacheSqliteFactory>;

public sealed class PageCacheOnPostgres(PageCachePostgresFactory app) : PageCacheTests(app), IClassFixture<PageCachePostgresFactory>;
