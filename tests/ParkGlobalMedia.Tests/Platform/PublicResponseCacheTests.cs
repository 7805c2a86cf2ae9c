using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ParkGlobalMedia.Platform.Caching;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Tests.Infrastructure;

namespace ParkGlobalMedia.Tests.Platform;

/// <summary>
/// Anonymous reads are served from a per-instance cache that is only trusted while the content generation is
/// unchanged: a publish on this instance, or on another one sharing the database, is visible on the next read.
/// </summary>
public sealed class PublicResponseCacheTests(PublicResponseCacheTests.Factory app) : IClassFixture<PublicResponseCacheTests.Factory>
{
    /// <summary>Generation read on every request, so cross-instance freshness is tested without waiting.</summary>
    public sealed class Factory() : AppFactory(DatabaseProvider.Sqlite)
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["PublicCache:GenerationRefresh"] = "00:00:00" };
    }

    [Fact]
    public async Task Repeated_anonymous_reads_are_served_from_the_cache_and_a_publish_shows_on_the_next_read()
    {
        var (id, etag) = await PublishAsync("缓存一", "Cached one");
        var cache = app.Services.GetRequiredService<PublicResponseCache>();
        var reader = app.Api();

        await reader.ReadAsync($"/api/v1/stories/{id}/en");
        var hits = cache.Hits;
        var (_, second, _) = await reader.ReadAsync($"/api/v1/stories/{id}/en");
        Assert.Equal(hits + 1, cache.Hits);
        Assert.Equal("Cached one", second!["title"]!.GetValue<string>());

        await RepublishAsync(id, etag, "Cached one, revised");
        var (_, third, _) = await reader.ReadAsync($"/api/v1/stories/{id}/en");
        Assert.Equal("Cached one, revised", third!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Signed_in_callers_never_get_or_fill_cached_responses()
    {
        var (id, _) = await PublishAsync("缓存二", "Cached two");
        var cache = app.Services.GetRequiredService<PublicResponseCache>();
        var editor = app.Api(app.Seed.EditorA.Token);
        var (hits, misses) = (cache.Hits, cache.Misses);
        await editor.ReadAsync($"/api/v1/stories/{id}/en");
        await editor.ReadAsync($"/api/v1/stories/{id}/en");
        Assert.Equal((hits, misses), (cache.Hits, cache.Misses));
    }

    [Fact]
    public async Task A_publish_on_another_instance_is_seen_here_on_the_next_read()
    {
        var (id, etag) = await PublishAsync("缓存三", "Cached three");
        var reader = app.Api();
        await reader.ReadAsync($"/api/v1/stories/{id}/en");
        await reader.ReadAsync($"/api/v1/stories/{id}/en");

        await using var other = new SecondInstance(app);
        var otherEditor = other.CreateClient();
        otherEditor.DefaultRequestHeaders.Authorization = new("Bearer", app.Seed.EditorA.Token);
        var otherReviewer = other.CreateClient();
        otherReviewer.DefaultRequestHeaders.Authorization = new("Bearer", app.Seed.ReviewerA.Token);
        var (_, _, working) = await otherEditor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{id}/en/draft", ApiCalls.Content("Changed elsewhere"), ifMatch: etag);
        working = await otherEditor.TransitionAsync(id, "en", "submit", working!);
        working = await otherReviewer.TransitionAsync(id, "en", "approve", working);
        await otherEditor.TransitionAsync(id, "en", "publish", working);

        var (status, story, _) = await reader.ReadAsync($"/api/v1/stories/{id}/en");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Changed elsewhere", story!["title"]!.GetValue<string>());
    }

    private async Task<(Guid Id, string ETag)> PublishAsync(string zh, string en)
    {
        var editor = app.Api(app.Seed.EditorA.Token);
        var reviewer = app.Api(app.Seed.ReviewerA.Token);
        var (id, _) = await editor.CreateStoryAsync(app.Seed.EnterpriseA, zh);
        var (_, _, tag) = await editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{id}/en/draft", ApiCalls.Content(en));
        tag = await editor.TransitionAsync(id, "en", "submit", tag!);
        tag = await reviewer.TransitionAsync(id, "en", "approve", tag);
        tag = await editor.TransitionAsync(id, "en", "publish", tag);
        return (id, tag);
    }

    private async Task RepublishAsync(Guid id, string etag, string title)
    {
        var editor = app.Api(app.Seed.EditorA.Token);
        var (_, _, tag) = await editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{id}/en/draft", ApiCalls.Content(title), ifMatch: etag);
        tag = await editor.TransitionAsync(id, "en", "submit", tag!);
        tag = await app.Api(app.Seed.ReviewerA.Token).TransitionAsync(id, "en", "approve", tag);
        await editor.TransitionAsync(id, "en", "publish", tag);
    }
}
