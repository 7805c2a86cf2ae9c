using System.Net;
using ParkGlobalMedia.Tests.Infrastructure;

namespace ParkGlobalMedia.Tests.Content;

/// <summary>Campaigns: the centre's are run by curators/admins, an enterprise's own by its editors.</summary>
public sealed class CampaignApiTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    private static object Campaign(string key, string? owner, string hashtag = "#HunanParks2026", string starts = "2026-06-01", string ends = "2026-06-30") => new
    {
        key,
        names = new Dictionary<string, string> { ["zh-CN"] = "园区开放日", ["en"] = "Parks Open Day" },
        startsOn = starts,
        endsOn = ends,
        hashtag,
        owner,
    };

    [Fact]
    public async Task An_editor_runs_their_enterprises_campaign_and_files_a_story_under_it()
    {
        var editor = app.Api(app.Seed.EditorA.Token);
        var (status, body, _) = await editor.SendAsync(HttpMethod.Post, "/api/v1/campaigns", Campaign("alpha-open-day", app.Seed.EnterpriseA, "#湘江开放日"));
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(app.Seed.EnterpriseA, body!["owner"]!.GetValue<string>());

        var (id, _) = await editor.CreateStoryAsync(app.Seed.EnterpriseA, "活动故事");
        var (_, story, etag) = await editor.ReadAsync($"/api/v1/stories/{id}");
        var (classified, after, _) = await editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{id}",
            new { category = "major-events", tags = new[] { "open-day" }, campaign = "alpha-open-day" }, ifMatch: etag);
        Assert.Equal(HttpStatusCode.OK, classified);
        Assert.Equal("alpha-open-day", after!["campaign"]!.GetValue<string>());
        Assert.NotNull(story);

        // Enterprise B may not file its stories under A's campaign.
        var other = app.Api(app.Seed.EditorB.Token);
        var (otherId, _) = await other.CreateStoryAsync(app.Seed.EnterpriseB, "别家活动");
        var (_, _, otherETag) = await other.ReadAsync($"/api/v1/stories/{otherId}");
        var (refused, problem, _) = await other.SendAsync(HttpMethod.Put, $"/api/v1/stories/{otherId}",
            new { category = "news", campaign = "alpha-open-day" }, ifMatch: otherETag);
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Contains("belongs to another enterprise", problem.Detail());
    }

    [Fact]
    public async Task Editors_cannot_create_centre_campaigns_or_another_enterprises()
    {
        var editor = app.Api(app.Seed.EditorA.Token);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.SendAsync(HttpMethod.Post, "/api/v1/campaigns", Campaign("centre-try", null))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.SendAsync(HttpMethod.Post, "/api/v1/campaigns", Campaign("b-try", app.Seed.EnterpriseB))).Status);
        Assert.Equal(HttpStatusCode.Created, (await app.Api(app.Seed.Admin.Token).SendAsync(HttpMethod.Post, "/api/v1/campaigns", Campaign("centre-ok", null))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api().ReadAsync("/api/v1/campaigns/centre-try")).Status);
    }

    [Theory]
    [InlineData("bad key", "#ok", "2026-01-01", "2026-01-02", "key")]
    [InlineData("good-key-1", "no hash", "2026-01-01", "2026-01-02", "hashtag")]
    [InlineData("good-key-2", "#ok", "2026-02-01", "2026-01-01", "endsOn")]
    public async Task Bad_campaigns_are_refused_field_by_field(string key, string hashtag, string starts, string ends, string field)
    {
        var (status, problem, _) = await app.Api(app.Seed.Admin.Token).SendAsync(HttpMethod.Post, "/api/v1/campaigns", Campaign(key, null, hashtag, starts, ends));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(problem!["errors"]![field]);
    }

    [Fact]
    public async Task A_campaign_update_needs_the_current_etag()
    {
        var admin = app.Api(app.Seed.Admin.Token);
        await admin.SendAsync(HttpMethod.Post, "/api/v1/campaigns", Campaign("etag-campaign", null));
        var (_, _, etag) = await admin.ReadAsync("/api/v1/campaigns/etag-campaign");
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(HttpMethod.Put, "/api/v1/campaigns/etag-campaign", Campaign("etag-campaign", null, "#Renamed"), ifMatch: etag)).Status);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await admin.SendAsync(HttpMethod.Put, "/api/v1/campaigns/etag-campaign", Campaign("etag-campaign", null), ifMatch: etag)).Status);
        var (_, campaign, _) = await admin.ReadAsync("/api/v1/campaigns/etag-campaign");
        Assert.Equal("#Renamed", campaign!["hashtag"]!.GetValue<string>());
    }
}
