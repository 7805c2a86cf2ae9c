using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ParkGlobalMedia.Content.Stories;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Tests.Infrastructure;

namespace ParkGlobalMedia.Tests.Content;

/// <summary>The app with a hand-moved clock and an observer that fails for one chosen story.</summary>
public sealed class ClockedAppFactory() : AppFactory(DatabaseProvider.Sqlite)
{
    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);
    public FailingObserver Observer { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStoryChangeObserver>(Observer);
        });
    }

    /// <summary>Stands in for a downstream capability (cache eviction, social scheduling) that breaks on one story.</summary>
    public sealed class FailingObserver : IStoryChangeObserver
    {
        public Guid? FailFor { get; set; }

        public Task OnChangedAsync(StoryChanged change, CancellationToken cancellationToken) =>
            change.StoryId == FailFor ? throw new InvalidOperationException("downstream failure") : Task.CompletedTask;
    }
}

/// <summary>Scheduled publish and archive run by the scheduler's tick, with an injected clock.</summary>
public sealed class ScheduledTransitionTests(ClockedAppFactory app) : IClassFixture<ClockedAppFactory>
{
    [Fact]
    public async Task Due_publishes_and_archives_happen_on_the_tick_and_one_failure_does_not_block_the_others()
    {
        var failing = await ApprovedStoryAsync("定时发布一");
        var healthy = await ApprovedStoryAsync("定时发布二");
        var later = await ApprovedStoryAsync("明天发布");
        var now = app.Clock.GetUtcNow();
        await ScheduleAsync(failing.Id, failing.ETag, now.AddHours(1), null);
        await ScheduleAsync(healthy.Id, healthy.ETag, now.AddHours(1), now.AddHours(3));
        await ScheduleAsync(later.Id, later.ETag, now.AddDays(1), null);
        app.Observer.FailFor = failing.Id;

        Assert.Equal(new ScheduledTransitions.TickResult(0, 0, 0), await TickAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api().ReadAsync($"/api/v1/stories/{healthy.Id}/zh-CN")).Status);

        app.Clock.Advance(TimeSpan.FromHours(2));
        var tick = await TickAsync();
        Assert.Equal(1, tick.Failed);
        Assert.Equal(HttpStatusCode.OK, (await app.Api().ReadAsync($"/api/v1/stories/{healthy.Id}/zh-CN")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api().ReadAsync($"/api/v1/stories/{later.Id}/zh-CN")).Status);

        app.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, (await TickAsync()).Archived);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api().ReadAsync($"/api/v1/stories/{healthy.Id}/zh-CN")).Status);
        var (_, history, _) = await app.Api(app.Seed.EditorA.Token).ReadAsync($"/api/v1/stories/{healthy.Id}/zh-CN/history");
        Assert.Contains(history!.AsArray(), t => t!["action"]!.GetValue<string>() == "publish" && t["actor"]!.GetValue<string>() == "system");
        Assert.Equal(new ScheduledTransitions.TickResult(0, 0, 0), await TickAsync());
    }

    [Fact]
    public async Task Editing_an_approved_scheduled_story_cancels_its_schedule()
    {
        var story = await ApprovedStoryAsync("改动取消定时");
        var etag = await ScheduleAsync(story.Id, story.ETag, app.Clock.GetUtcNow().AddHours(1), null);
        var editor = app.Api(app.Seed.EditorA.Token);
        await editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{story.Id}/zh-CN/draft", ApiCalls.Content("未经审核的改动"), ifMatch: etag);

        app.Clock.Advance(TimeSpan.FromHours(2));
        await TickAsync();

        var (_, draft, _) = await editor.ReadAsync($"/api/v1/stories/{story.Id}/zh-CN/draft");
        Assert.Equal("Draft", draft!["state"]!.GetValue<string>());
        Assert.Null(draft["publishAt"]);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api().ReadAsync($"/api/v1/stories/{story.Id}/zh-CN")).Status);
    }

    [Theory]
    [InlineData(-1, "not in the future")]
    [InlineData(null, "Only an approved variant")]
    public async Task Bad_schedules_are_refused_with_a_reason(int? hoursFromNow, string message)
    {
        var editor = app.Api(app.Seed.EditorA.Token);
        var (id, etag) = hoursFromNow is null
            ? await editor.CreateStoryAsync(app.Seed.EnterpriseA, "草稿不能定时")
            : await ApprovedStoryAsync("过去的时间");
        var (status, problem, _) = await editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{id}/zh-CN/schedule",
            new { publishAt = app.Clock.GetUtcNow().AddHours(hoursFromNow ?? 1) }, ifMatch: etag);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, problem.Detail());
    }

    private async Task<(Guid Id, string ETag)> ApprovedStoryAsync(string title)
    {
        var editor = app.Api(app.Seed.EditorA.Token);
        var (id, etag) = await editor.CreateStoryAsync(app.Seed.EnterpriseA, title);
        etag = await editor.TransitionAsync(id, "zh-CN", "submit", etag);
        etag = await app.Api(app.Seed.ReviewerA.Token).TransitionAsync(id, "zh-CN", "approve", etag);
        return (id, etag);
    }

    private async Task<string> ScheduleAsync(Guid id, string etag, DateTimeOffset publishAt, DateTimeOffset? archiveAt)
    {
        var (status, body, newETag) = await app.Api(app.Seed.EditorA.Token).SendAsync(HttpMethod.Put, $"/api/v1/stories/{id}/zh-CN/schedule",
            new { publishAt, archiveAt }, ifMatch: etag);
        Assert.True(status == HttpStatusCode.OK, $"schedule failed: {status} {body}");
        return newETag!;
    }

    private Task<ScheduledTransitions.TickResult> TickAsync() =>
        app.Services.GetRequiredService<ScheduledTransitions>().RunDueAsync();
}
