using System.Net;
using AngleSharp.Html.Parser;
using ParkGlobalMedia.Tests.Infrastructure;

namespace ParkGlobalMedia.Tests.Content;

/// <summary>The story API end to end, over HTTP, on a real database. Runs once per provider (see the bottom).</summary>
public abstract class StoryApiTests(AppFactory app)
{
    private Seed Seed => app.Seed;

    [Fact]
    public async Task An_editor_writes_a_story_a_reviewer_approves_it_and_readers_get_it_in_each_culture()
    {
        var editor = app.Api(Seed.EditorA.Token);
        var reviewer = app.Api(Seed.ReviewerA.Token);
        var (id, etag) = await editor.CreateStoryAsync(Seed.EnterpriseA, "焊接师傅的海外之路");

        var (status, translation, enETag) = await editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{id}/en/draft",
            ApiCalls.Content("The welder who went abroad", "First paragraph.\n\n## A heading\n\nSecond paragraph."));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("the-welder-who-went-abroad", translation!["content"]!["slug"]!.GetValue<string>());

        etag = await editor.TransitionAsync(id, "zh-CN", "submit", etag);
        etag = await reviewer.TransitionAsync(id, "zh-CN", "approve", etag, "好");
        await editor.TransitionAsync(id, "zh-CN", "publish", etag);
        enETag = await editor.TransitionAsync(id, "en", "submit", enETag!);
        enETag = await reviewer.TransitionAsync(id, "en", "approve", enETag);
        await reviewer.TransitionAsync(id, "en", "publish", enETag);

        var reader = app.Api();
        var (zhStatus, zh, _) = await reader.ReadAsync($"/api/v1/stories/{id}/zh-CN");
        var (enStatus, en, _) = await reader.ReadAsync($"/api/v1/stories/{id}/en");
        Assert.Equal(HttpStatusCode.OK, zhStatus);
        Assert.Equal(HttpStatusCode.OK, enStatus);
        Assert.Equal("焊接师傅的海外之路", zh!["title"]!.GetValue<string>());
        Assert.Equal("The welder who went abroad", en!["title"]!.GetValue<string>());
        Assert.Contains("<h2", en["bodyHtml"]!.GetValue<string>());
        Assert.Equal(["en", "zh-CN"], en["translations"]!.AsArray().Select(t => t!["culture"]!.GetValue<string>()).ToArray());
        Assert.StartsWith("story-", zh["slug"]!.GetValue<string>());
    }

    [Fact]
    public async Task Anonymous_readers_and_other_enterprises_never_see_a_draft()
    {
        var (id, _) = await app.Api(Seed.EditorA.Token).CreateStoryAsync(Seed.EnterpriseA, "未发布的草稿");

        var (anonymous, problem, _) = await app.Api().ReadAsync($"/api/v1/stories/{id}/zh-CN");
        Assert.Equal(HttpStatusCode.NotFound, anonymous);
        Assert.Contains("not published", problem.Detail());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api().ReadAsync($"/api/v1/stories/{id}")).Status);

        var other = app.Api(Seed.EditorB.Token);
        Assert.Equal(HttpStatusCode.NotFound, (await other.ReadAsync($"/api/v1/stories/{id}/zh-CN/draft")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.ReadAsync($"/api/v1/stories/{id}/zh-CN/versions")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.ReadAsync($"/api/v1/stories/{id}/zh-CN/history")).Status);
        var (put, _, _) = await other.SendAsync(HttpMethod.Put, $"/api/v1/stories/{id}/zh-CN/draft", ApiCalls.Content("劫持"), ifMatch: "*");
        Assert.Equal(HttpStatusCode.NotFound, put);

        var (_, list, _) = await other.ReadAsync("/api/v1/stories?view=working&pageSize=100");
        Assert.DoesNotContain(list!["items"]!.AsArray(), item => item!["storyId"]!.GetValue<string>() == id.ToString());
        var (_, anonymousList, _) = await app.Api().ReadAsync($"/api/v1/stories?enterprise={Seed.EnterpriseA}&pageSize=100");
        Assert.DoesNotContain(anonymousList!["items"]!.AsArray(), item => item!["storyId"]!.GetValue<string>() == id.ToString());

        // The owner's editor still sees it, unchanged by the attempts above.
        var (own, draft, _) = await app.Api(Seed.EditorA.Token).ReadAsync($"/api/v1/stories/{id}/zh-CN/draft");
        Assert.Equal(HttpStatusCode.OK, own);
        Assert.Equal("未发布的草稿", draft!["content"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_author_cannot_approve_their_own_version()
    {
        var admin = app.Api(Seed.Admin.Token);
        var (id, etag) = await admin.CreateStoryAsync(Seed.EnterpriseA, "自己写的");
        etag = await admin.TransitionAsync(id, "zh-CN", "submit", etag);

        var (status, problem, _) = await admin.SendAsync(HttpMethod.Post, $"/api/v1/stories/{id}/zh-CN/transitions", new { action = "approve" }, ifMatch: etag);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("someone else", problem.Detail());
        var (_, draft, _) = await admin.ReadAsync($"/api/v1/stories/{id}/zh-CN/draft");
        Assert.Equal("InReview", draft!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_editor_cannot_approve_and_a_language_reviewer_approves_only_their_culture()
    {
        var editor = app.Api(Seed.EditorA.Token);
        var (id, zhETag) = await editor.CreateStoryAsync(Seed.EnterpriseA, "语言审核");
        var (_, _, frETag) = await editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{id}/fr/draft", ApiCalls.Content("Relecture"));
        zhETag = await editor.TransitionAsync(id, "zh-CN", "submit", zhETag);
        frETag = await editor.TransitionAsync(id, "fr", "submit", frETag!);

        var french = app.Api(Seed.FrenchReviewerA.Token);
        var (zhStatus, zhProblem, _) = await french.SendAsync(HttpMethod.Post, $"/api/v1/stories/{id}/zh-CN/transitions", new { action = "approve" }, ifMatch: zhETag);
        Assert.Equal(HttpStatusCode.Forbidden, zhStatus);
        Assert.Contains("zh-CN", zhProblem.Detail());
        await french.TransitionAsync(id, "fr", "approve", frETag);

        var (editorStatus, _, _) = await editor.SendAsync(HttpMethod.Post, $"/api/v1/stories/{id}/zh-CN/transitions", new { action = "approve" }, ifMatch: zhETag);
        Assert.Equal(HttpStatusCode.Forbidden, editorStatus);
    }

    [Fact]
    public async Task A_stale_etag_gets_412_and_the_later_edit_is_kept()
    {
        var editor = app.Api(Seed.EditorA.Token);
        var (id, original) = await editor.CreateStoryAsync(Seed.EnterpriseA, "并发编辑");
        var (first, _, _) = await editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{id}/zh-CN/draft", ApiCalls.Content("第一次修改"), ifMatch: original);
        Assert.Equal(HttpStatusCode.OK, first);

        var (second, problem, _) = await editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{id}/zh-CN/draft", ApiCalls.Content("过期的修改"), ifMatch: original);

        Assert.Equal(HttpStatusCode.PreconditionFailed, second);
        Assert.Contains("changed since you read it", problem.Detail());
        var (_, draft, _) = await editor.ReadAsync($"/api/v1/stories/{id}/zh-CN/draft");
        Assert.Equal("第一次修改", draft!["content"]!["title"]!.GetValue<string>());
        Assert.Equal(2, draft["workingVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_write_without_if_match_gets_428()
    {
        var editor = app.Api(Seed.EditorA.Token);
        var (id, _) = await editor.CreateStoryAsync(Seed.EnterpriseA, "缺少条件");
        var (status, problem, _) = await editor.SendAsync(HttpMethod.Post, $"/api/v1/stories/{id}/zh-CN/transitions", new { action = "submit" });
        Assert.Equal((HttpStatusCode)428, status);
        Assert.Contains("If-Match", problem.Detail());
    }

    [Fact]
    public async Task A_duplicate_slug_in_the_same_site_and_culture_is_refused()
    {
        var editor = app.Api(Seed.EditorA.Token);
        await editor.CreateStoryAsync(Seed.EnterpriseA, "第一篇", slug: "same-slug-dup");
        var (status, problem, _) = await editor.SendAsync(HttpMethod.Post, "/api/v1/stories", new
        {
            enterprise = Seed.EnterpriseA, sourceCulture = "zh-CN", category = "news", content = ApiCalls.Content("第二篇", slug: "same-slug-dup"),
        });
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("same-slug-dup", problem.Detail());

        // Another enterprise may use the same slug: slugs are unique per site.
        await app.Api(Seed.EditorB.Token).CreateStoryAsync(Seed.EnterpriseB, "别家的", slug: "same-slug-dup");
    }

    [Theory]
    [InlineData("xx-YY", "not a culture enabled")]
    [InlineData("de", "does not publish in de")]
    public async Task A_variant_in_an_unknown_or_unused_culture_is_refused(string culture, string message)
    {
        var editor = app.Api(Seed.EditorA.Token);
        var (id, _) = await editor.CreateStoryAsync(Seed.EnterpriseA, "文化代码");
        var (status, problem, _) = await editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{id}/{culture}/draft", ApiCalls.Content("Title"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, problem.Detail());
        var (_, summary, _) = await editor.ReadAsync($"/api/v1/stories/{id}");
        Assert.Single(summary!["cultures"]!.AsArray());
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_its_length_and_the_limit()
    {
        var editor = app.Api(Seed.EditorA.Token);
        var (status, problem, _) = await editor.SendAsync(HttpMethod.Post, "/api/v1/stories", new
        {
            enterprise = Seed.EnterpriseA, sourceCulture = "zh-CN", category = "news",
            content = ApiCalls.Content("太长了", body: new string('字', 200_001)),
        });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("200,001", problem.Detail());
        Assert.Contains("200,000", problem.Detail());
        Assert.NotNull(problem!["errors"]!["body"]);
    }

    [Fact]
    public async Task A_request_body_over_the_limit_gets_413_and_nothing_is_stored()
    {
        var editor = app.Api(Seed.EditorA.Token);
        var (before, _, _) = await editor.ReadAsync("/api/v1/stories?view=working&pageSize=1");
        var huge = "{\"enterprise\":\"" + Seed.EnterpriseA + "\",\"category\":\"news\",\"content\":{\"title\":\"巨大\",\"body\":\"" + new string('x', 3 * 1024 * 1024) + "\"}}";
        var (status, problem, _) = await editor.SendAsync(HttpMethod.Post, "/api/v1/stories", huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal(413, problem!["status"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, before);
    }

    [Fact]
    public async Task An_invalid_transition_is_a_conflict_that_names_the_state()
    {
        var editor = app.Api(Seed.EditorA.Token);
        var (id, etag) = await editor.CreateStoryAsync(Seed.EnterpriseA, "跳步发布");
        var (status, problem, _) = await editor.SendAsync(HttpMethod.Post, $"/api/v1/stories/{id}/zh-CN/transitions", new { action = "publish" }, ifMatch: etag);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("it is Draft", problem.Detail());

        var (unknown, unknownProblem, _) = await editor.SendAsync(HttpMethod.Post, $"/api/v1/stories/{id}/zh-CN/transitions", new { action = "teleport" }, ifMatch: etag);
        Assert.Equal(HttpStatusCode.BadRequest, unknown);
        Assert.Contains("teleport", unknownProblem.Detail());
    }

    [Fact]
    public async Task Rejecting_needs_a_comment()
    {
        var editor = app.Api(Seed.EditorA.Token);
        var (id, etag) = await editor.CreateStoryAsync(Seed.EnterpriseA, "退回");
        etag = await editor.TransitionAsync(id, "zh-CN", "submit", etag);
        var reviewer = app.Api(Seed.ReviewerA.Token);
        var (status, _, _) = await reviewer.SendAsync(HttpMethod.Post, $"/api/v1/stories/{id}/zh-CN/transitions", new { action = "reject" }, ifMatch: etag);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        await reviewer.TransitionAsync(id, "zh-CN", "reject", etag, "请补充数据来源");
        var (_, history, _) = await reviewer.ReadAsync($"/api/v1/stories/{id}/zh-CN/history");
        var latest = history!.AsArray()[0]!;
        Assert.Equal("reject", latest["action"]!.GetValue<string>());
        Assert.Equal("请补充数据来源", latest["comment"]!.GetValue<string>());
        Assert.Equal("reviewer.a", latest["actor"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"enterprise\": ")]
    [InlineData("{\"enterprise\": 42, \"content\": {}}")]
    [InlineData("not json at all")]
    public async Task Malformed_json_gets_a_problem_that_says_what_is_wrong(string body)
    {
        var (status, problem, _) = await app.Api(Seed.EditorA.Token).SendAsync(HttpMethod.Post, "/api/v1/stories", body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("JSON", problem.Detail());
    }

    [Fact]
    public async Task An_unknown_enterprise_is_a_404_problem()
    {
        var (status, problem, _) = await app.Api(Seed.Admin.Token).SendAsync(HttpMethod.Post, "/api/v1/stories", new
        {
            enterprise = "no-such-firm", sourceCulture = "zh-CN", category = "news", content = ApiCalls.Content("无"),
        });
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("no-such-firm", problem.Detail());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api().ReadAsync("/api/v1/enterprises/no-such-firm")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api().ReadAsync("/api/v1/stories?enterprise=no-such-firm")).Status);
    }

    [Fact]
    public async Task A_reader_revalidating_with_the_etag_gets_304_until_the_story_changes()
    {
        var (id, _) = await PublishAsync("缓存验证", "Cache check");
        var reader = app.Api();
        var (_, _, etag) = await reader.ReadAsync($"/api/v1/stories/{id}/en");
        Assert.Equal(HttpStatusCode.NotModified, (await reader.ReadAsync($"/api/v1/stories/{id}/en", ifNoneMatch: etag)).Status);

        var editor = app.Api(Seed.EditorA.Token);
        var working = await editor.WorkingETagAsync(id, "en");
        await editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{id}/en/draft", ApiCalls.Content("Cache check, revised"), ifMatch: working);
        // A new draft does not change what readers see...
        Assert.Equal(HttpStatusCode.NotModified, (await reader.ReadAsync($"/api/v1/stories/{id}/en", ifNoneMatch: etag)).Status);
        working = await editor.WorkingETagAsync(id, "en");
        working = await editor.TransitionAsync(id, "en", "submit", working);
        working = await app.Api(Seed.ReviewerA.Token).TransitionAsync(id, "en", "approve", working);
        await editor.TransitionAsync(id, "en", "publish", working);
        // ...publishing it does.
        var (status, body, _) = await reader.ReadAsync($"/api/v1/stories/{id}/en", ifNoneMatch: etag);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Cache check, revised", body!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Versions_are_kept_diffed_and_an_old_one_restores_as_a_new_draft()
    {
        var editor = app.Api(Seed.EditorA.Token);
        var (id, etag) = await editor.CreateStoryAsync(Seed.EnterpriseA, "版本一");
        (_, _, etag) = await editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{id}/zh-CN/draft",
            ApiCalls.Content("版本二", body: "正文第一段。\n\n## 小标题\n\n改写的第二段。"), ifMatch: etag);

        var (_, versions, _) = await editor.ReadAsync($"/api/v1/stories/{id}/zh-CN/versions");
        Assert.Equal([2, 1], versions!.AsArray().Select(v => v!["number"]!.GetValue<int>()).ToArray());
        Assert.Equal("editor.a", versions[0]!["author"]!.GetValue<string>());

        var (_, diff, _) = await editor.ReadAsync($"/api/v1/stories/{id}/zh-CN/diff?from=1&to=2");
        Assert.Contains(diff!["changedFields"]!.AsArray(), f => f!["field"]!.GetValue<string>() == "title");
        var lines = diff["body"]!.AsArray();
        Assert.Contains(lines, l => l!["kind"]!.GetValue<string>() == "removed" && l["text"]!.GetValue<string>() == "第二段。");
        Assert.Contains(lines, l => l!["kind"]!.GetValue<string>() == "added" && l["text"]!.GetValue<string>() == "改写的第二段。");

        var (status, restored, _) = await editor.SendAsync(HttpMethod.Post, $"/api/v1/stories/{id}/zh-CN/versions/1/restore", null, ifMatch: etag);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("版本一", restored!["content"]!["title"]!.GetValue<string>());
        Assert.Equal(3, restored["workingVersion"]!.GetValue<int>());
        var (_, after, _) = await editor.ReadAsync($"/api/v1/stories/{id}/zh-CN/versions");
        Assert.Equal(1, after!.AsArray()[0]!["restoredFrom"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, (await editor.ReadAsync($"/api/v1/stories/{id}/zh-CN/versions/99")).Status);
    }

    [Fact]
    public async Task A_reader_asking_for_a_regional_culture_gets_the_fallback_and_is_told_which()
    {
        var (id, _) = await PublishAsync("回退链", "Fallback chain");
        var (status, story, _) = await app.Api().ReadAsync($"/api/v1/stories/{id}/es-MX");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("en", story!["culture"]!.GetValue<string>());
        Assert.Equal("es-MX", story["requestedCulture"]!.GetValue<string>());

        var (strict, _, _) = await app.Api().ReadAsync($"/api/v1/stories/{id}/es-MX?fallback=false");
        Assert.Equal(HttpStatusCode.NotFound, strict);
    }

    [Fact]
    public async Task Script_tags_event_handlers_and_javascript_links_render_inert()
    {
        var body = "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[click](javascript:alert(3)) [ok](https://example.org)";
        var (id, _) = await PublishAsync("安全", "Safety", body);
        var (_, story, _) = await app.Api().ReadAsync($"/api/v1/stories/{id}/en");
        var document = new HtmlParser().ParseDocument(story!["bodyHtml"]!.GetValue<string>());
        Assert.Empty(document.QuerySelectorAll("script"));
        Assert.DoesNotContain(document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(document.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").Contains("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(document.QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://example.org");
    }

    [Fact]
    public async Task Listing_filters_by_category_tag_and_state_and_validates_paging()
    {
        var editor = app.Api(Seed.EditorB.Token);
        var (id, _) = await editor.CreateStoryAsync(Seed.EnterpriseB, "列表过滤", category: "investment-opportunities", tags: ["list-filter-tag"]);

        var (_, byTag, _) = await editor.ReadAsync($"/api/v1/stories?view=working&tag=list-filter-tag");
        Assert.Equal(id.ToString(), Assert.Single(byTag!["items"]!.AsArray())!["storyId"]!.GetValue<string>());
        var (_, byState, _) = await editor.ReadAsync($"/api/v1/stories?enterprise={Seed.EnterpriseB}&state=InReview");
        Assert.DoesNotContain(byState!["items"]!.AsArray(), i => i!["storyId"]!.GetValue<string>() == id.ToString());
        var (_, byCategory, _) = await editor.ReadAsync($"/api/v1/stories?enterprise={Seed.EnterpriseB}&view=working&category=investment-opportunities");
        Assert.Contains(byCategory!["items"]!.AsArray(), i => i!["storyId"]!.GetValue<string>() == id.ToString());

        var (_, bySearch, _) = await editor.ReadAsync($"/api/v1/stories?view=working&q={Uri.EscapeDataString("列表过")}");
        Assert.Contains(bySearch!["items"]!.AsArray(), i => i!["storyId"]!.GetValue<string>() == id.ToString());
        var (_, noMatch, _) = await editor.ReadAsync("/api/v1/stories?view=working&q=zzzz-no-such-title");
        Assert.Empty(noMatch!["items"]!.AsArray());

        Assert.Equal(HttpStatusCode.BadRequest, (await editor.ReadAsync("/api/v1/stories?pageSize=1000")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.ReadAsync("/api/v1/stories?page=0")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.ReadAsync("/api/v1/stories?state=Lost")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.ReadAsync("/api/v1/stories?sort=random")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Api().ReadAsync("/api/v1/stories?view=working")).Status);
    }

    /// <summary>Creates a zh-CN story with an English translation and publishes both (editor A, reviewer A).</summary>
    protected async Task<(Guid Id, string EnETag)> PublishAsync(string zhTitle, string enTitle, string? enBody = null)
    {
        var editor = app.Api(Seed.EditorA.Token);
        var reviewer = app.Api(Seed.ReviewerA.Token);
        var (id, etag) = await editor.CreateStoryAsync(Seed.EnterpriseA, zhTitle);
        var (_, _, enETag) = await editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{id}/en/draft", ApiCalls.Content(enTitle, enBody ?? "Body."));
        foreach (var (culture, start) in new[] { ("zh-CN", etag), ("en", enETag!) })
        {
            var tag = await editor.TransitionAsync(id, culture, "submit", start);
            tag = await reviewer.TransitionAsync(id, culture, "approve", tag);
            await editor.TransitionAsync(id, culture, "publish", tag);
        }

        return (id, await editor.WorkingETagAsync(id, "en"));
    }
}

public sealed class StoryApiOnSqlite(SqliteAppFactory app) : StoryApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class StoryApiOnPostgres(PostgresAppFactory app) : StoryApiTests(app), IClassFixture<PostgresAppFactory>;
