using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Sites.Analytics;
using ParkGlobalMedia.Tests.Infrastructure;

namespace ParkGlobalMedia.Tests.Sites.Analytics;

/// <summary>Counting in memory and flushing to a real database. Runs once per provider (see the bottom).</summary>
public abstract class PageViewRecorderTests(AppFactory app)
{
    private static readonly DateOnly Always = DateOnly.MinValue;

    [Fact]
    public async Task Ten_thousand_concurrent_views_are_stored_exactly_even_while_flushes_run_alongside()
    {
        var stories = new[] { await NewStoryAsync("并发一"), await NewStoryAsync("并发二"), await NewStoryAsync("并发三") };
        string[] cultures = ["en", "fr"];
        var recorder = app.Services.GetRequiredService<PageViewRecorder>();
        var expected = new Dictionary<(Guid, string), long>();
        for (var i = 0; i < 10_000; i++)
        {
            var key = (stories[i % 3], cultures[i / 3 % 2]);
            expected[key] = expected.GetValueOrDefault(key) + 1;
        }

        var recording = true;
        var flushes = Task.Run(async () =>
        {
            while (Volatile.Read(ref recording))
            {
                await recorder.FlushAsync(CancellationToken.None);
            }
        });
        Parallel.For(0, 10_000, i => recorder.Record(stories[i % 3], cultures[i / 3 % 2]));
        Volatile.Write(ref recording, false);
        await flushes;
        await recorder.FlushAsync(CancellationToken.None);

        var stored = await StoredAsync(stories);
        Assert.Equal(expected.OrderBy(e => e.Key.ToString()), stored.OrderBy(e => e.Key.ToString()));
        Assert.Equal(10_000, stored.Values.Sum());
    }

    [Fact]
    public async Task Views_either_side_of_midnight_utc_count_on_their_own_days()
    {
        var story = await NewStoryAsync("跨越午夜");
        var clock = new ManualClock(new DateTimeOffset(2031, 3, 14, 23, 59, 58, TimeSpan.Zero));
        var recorder = NewRecorder(clock);

        recorder.Record(story, "en");
        recorder.Record(story, "en");
        recorder.Record(story, "en");
        clock.Advance(TimeSpan.FromSeconds(3));
        recorder.Record(story, "en");
        recorder.Record(story, "zh-CN");
        await recorder.FlushAsync(CancellationToken.None);

        var days = await app.WithScopeAsync(services => services.GetRequiredService<PageViewQueries>()
            .DailyAsync(story, new DateOnly(2031, 3, 1), new DateOnly(2031, 3, 31)));
        Assert.Equal(
            [(new DateOnly(2031, 3, 14), "en", 3L), (new DateOnly(2031, 3, 15), "en", 1L), (new DateOnly(2031, 3, 15), "zh-CN", 1L)],
            days);
    }

    [Fact]
    public async Task A_cancelled_flush_keeps_its_counts_for_the_next_one()
    {
        var story = await NewStoryAsync("取消的写入");
        var recorder = NewRecorder(TimeProvider.System);
        for (var i = 0; i < 5; i++)
        {
            recorder.Record(story, "en");
        }

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => recorder.FlushAsync(cancelled.Token));
        Assert.Empty(await StoredAsync([story]));

        await recorder.FlushAsync(CancellationToken.None);
        Assert.Equal(5, (await StoredAsync([story]))[(story, "en")]);
    }

    [Fact]
    public async Task A_flush_the_database_refuses_halfway_stores_nothing_and_the_retry_stores_everything_once()
    {
        var story = await NewStoryAsync("写入失败");
        var recorder = NewRecorder(TimeProvider.System);
        recorder.Record(story, "en");
        recorder.Record(story, "en");
        recorder.Record(story, "en");
        recorder.Record(story, "fr");

        await RefuseSecondRowAsync(story, refuse: true);
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => recorder.FlushAsync(CancellationToken.None));
            Assert.Empty(await StoredAsync([story])); // the row written before the refusal was rolled back
        }
        finally
        {
            await RefuseSecondRowAsync(story, refuse: false);
        }

        await recorder.FlushAsync(CancellationToken.None);
        var stored = await StoredAsync([story]);
        Assert.Equal(3, stored[(story, "en")]);
        Assert.Equal(1, stored[(story, "fr")]);
    }

    [Fact]
    public async Task Views_of_a_story_that_does_not_exist_are_dropped_without_blocking_the_others()
    {
        var story = await NewStoryAsync("存在的故事");
        var missing = Guid.CreateVersion7();
        var recorder = NewRecorder(TimeProvider.System);
        recorder.Record(missing, "en");
        recorder.Record(story, "en");
        recorder.Record(story, "en");

        await recorder.FlushAsync(CancellationToken.None);
        await recorder.FlushAsync(CancellationToken.None); // nothing left over to fail on

        Assert.Equal(2, (await StoredAsync([story]))[(story, "en")]);
        Assert.Empty(await StoredAsync([missing]));
    }

    private PageViewRecorder NewRecorder(TimeProvider clock) =>
        new(app.Services.GetRequiredService<IServiceScopeFactory>(), clock, NullLogger<PageViewRecorder>.Instance);

    private async Task<Guid> NewStoryAsync(string title) =>
        (await app.Api(app.Seed.EditorA.Token).CreateStoryAsync(app.Seed.EnterpriseA, title)).Id;

    private Task<Dictionary<(Guid, string), long>> StoredAsync(Guid[] stories) =>
        app.WithScopeAsync(async services =>
        {
            var rows = await services.GetRequiredService<AppDbContext>().PageViewDays.AsNoTracking()
                .Where(v => stories.Contains(v.StoryId) && v.Day > Always).ToListAsync();
            return rows.GroupBy(v => (v.StoryId, v.Culture)).ToDictionary(g => g.Key, g => g.Sum(v => v.Views));
        });

    /// <summary>
    /// A trigger that refuses a story's second row: whichever culture the flush writes first is inserted, then the
    /// database fails the statement — a failure in the middle of a flush's transaction.
    /// </summary>
    private Task RefuseSecondRowAsync(Guid story, bool refuse) =>
        app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var id = app.Provider == DatabaseProvider.Sqlite ? story.ToString().ToUpperInvariant() : story.ToString();
            string[] statements = (app.Provider, refuse) switch
            {
                (DatabaseProvider.Sqlite, true) =>
                [
                    $"""
                    CREATE TRIGGER refuse_views BEFORE INSERT ON page_view_days
                    WHEN NEW."StoryId" = '{id}' AND EXISTS (SELECT 1 FROM page_view_days WHERE "StoryId" = NEW."StoryId")
                    BEGIN SELECT RAISE(ABORT, 'refused'); END;
                    """,
                ],
                (DatabaseProvider.Sqlite, false) => ["DROP TRIGGER refuse_views;"],
                (_, true) =>
                [
                    """
                    CREATE FUNCTION refuse_views() RETURNS trigger AS $$ BEGIN
                    IF EXISTS (SELECT 1 FROM page_view_days WHERE "StoryId" = NEW."StoryId") THEN RAISE EXCEPTION 'refused'; END IF;
                    RETURN NEW; END $$ LANGUAGE plpgsql;
                    """,
                    $"""CREATE TRIGGER refuse_views BEFORE INSERT ON page_view_days FOR EACH ROW WHEN (NEW."StoryId" = '{id}') EXECUTE FUNCTION refuse_views();""",
                ],
                (_, false) => ["DROP TRIGGER refuse_views ON page_view_days;", "DROP FUNCTION refuse_views();"],
            };
            foreach (var statement in statements)
            {
                await db.Database.ExecuteSqlRawAsync(statement);
            }

            return 0;
        });
}

public sealed class PageViewRecorderOnSqlite(SqliteAppFactory app) : PageViewRecorderTests(app), IClassFixture<SqliteAppFactory>;

public sealed class PageViewRecorderOnPostgres(PostgresAppFactory app) : PageViewRecorderTests(app), IClassFixture<PostgresAppFactory>;
