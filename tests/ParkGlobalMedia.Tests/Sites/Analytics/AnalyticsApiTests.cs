using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ParkGlobalMedia.Sites.Analytics;
using ParkGlobalMedia.Tests.Infrastructure;

namespace ParkGlobalMedia.Tests.Sites.Analytics;

/// <summary>Who reads the counts, over the API and in the admin story list. Runs once per provider (see the bottom).</summary>
public abstract class AnalyticsApiTests(AppFactory app)
{
    private Seed Seed => app.Seed;

    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");

    [Fact]
    public async Task The_enterprise_editor_reads_views_per_day_and_culture_with_totals()
    {
        var story = await ViewedStoryAsync("浏览统计", ("en", 3), ("zh-CN", 2));

        var (status, body, _) = await app.Api(Seed.EditorA.Token).ReadAsync($"/api/v1/stories/{story}/views");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(5, body!["total"]!.GetValue<long>());
        Assert.Equal(3, body["byCulture"]!["en"]!.GetValue<long>());
        Assert.Equal(2, body["byCulture"]!["zh-CN"]!.GetValue<long>());
        Assert.Equal(Today, body["to"]!.GetValue<string>());
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-29).ToString("yyyy-MM-dd"), body["from"]!.GetValue<string>());
        Assert.Equal(["en", "zh-CN"], body["days"]!.AsArray().Select(d => d!["culture"]!.GetValue<string>()).ToArray());
    }

    [Fact]
    public async Task A_range_without_views_answers_zero()
    {
        var story = await ViewedStoryAsync("旧的范围", ("en", 4));
        var (status, body, _) = await app.Api(Seed.Curator.Token).ReadAsync($"/api/v1/stories/{story}/views?from=2020-01-01&to=2020-12-31");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, body!["total"]!.GetValue<long>());
        Assert.Empty(body["days"]!.AsArray());
    }

    [Fact]
    public async Task Another_enterprises_editor_and_an_unknown_story_get_404_and_anonymous_readers_401()
    {
        var story = await ViewedStoryAsync("别家的统计", ("en", 1));

        Assert.Equal(HttpStatusCode.NotFound, (await app.Api(Seed.EditorB.Token).ReadAsync($"/api/v1/stories/{story}/views")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api(Seed.EditorA.Token).ReadAsync($"/api/v1/stories/{Guid.CreateVersion7()}/views")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().ReadAsync($"/api/v1/stories/{story}/views")).Status);
    }

    [Theory]
    [InlineData("from=2026-02-01&to=2026-01-31", "from")]
    [InlineData("from=2024-01-01&to=2025-01-01", "to")] // 367 days
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-01", "to")]
    public async Task A_bad_range_is_a_400_naming_the_field(string query, string field)
    {
        var story = await ViewedStoryAsync("错误的日期", ("en", 1));
        var (status, problem, _) = await app.Api(Seed.EditorA.Token).ReadAsync($"/api/v1/stories/{story}/views?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(problem!["errors"]![field]);
    }

    [Fact]
    public async Task A_full_year_of_366_days_is_allowed()
    {
        var story = await ViewedStoryAsync("闰年", ("en", 1));
        var (status, _, _) = await app.Api(Seed.EditorA.Token).ReadAsync($"/api/v1/stories/{story}/views?from=2024-01-01&to=2024-12-31");
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Theory]
    [InlineData("en", "Views (30 days)")]
    [InlineData("zh-CN", "浏览量（30 天）")]
    public async Task The_admin_story_list_shows_the_views_of_the_last_30_days(string language, string header)
    {
        var title = $"列表浏览 {Guid.NewGuid():N}"[..20];
        var story = await ViewedStoryAsync(title, ("en", 1200), ("zh-CN", 34));
        var session = await AdminSession.SignInAsync(app, Seed.EditorA.Email, language);

        var (status, page) = await session.GetAsync($"/admin/stories?q={Uri.EscapeDataString(title)}");

        Assert.Equal(HttpStatusCode.OK, status);
        var headers = page.QuerySelectorAll("table.stories thead th[scope=col]").Select(th => th.TextContent.Trim()).ToList();
        var column = headers.IndexOf(header);
        Assert.True(column >= 0, $"no '{header}' column in: {string.Join(" | ", headers)}");
        var row = page.QuerySelectorAll("table.stories tbody tr").Single(tr => tr.QuerySelector($"a[href^='/admin/stories/{story}']") is not null);
        Assert.Equal("1,234", row.QuerySelectorAll("td")[column].TextContent.Trim());
    }

    /// <summary>A new draft story of enterprise A with the given views recorded today and flushed.</summary>
    private async Task<Guid> ViewedStoryAsync(string title, params (string Culture, int Views)[] views)
    {
        var (story, _) = await app.Api(Seed.EditorA.Token).CreateStoryAsync(Seed.EnterpriseA, title);
        var recorder = app.Services.GetRequiredService<PageViewRecorder>();
        foreach (var (culture, count) in views)
        {
            for (var i = 0; i < count; i++)
            {
                recorder.Record(story, culture);
            }
        }

        await recorder.FlushAsync(CancellationToken.None);
        return story;
    }
}

public sealed class AnalyticsApiOnSqlite(SqliteAppFactory app) : AnalyticsApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class AnalyticsApiOnPostgres(PostgresAppFactory app) : AnalyticsApiTests(app), IClassFixture<PostgresAppFactory>;
