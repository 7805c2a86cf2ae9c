using System.Net;
using System.Text.Json.Nodes;
using ParkGlobalMedia.Tests.Infrastructure;
using ParkGlobalMedia.Tests.Infrastructure.Fakes;

namespace ParkGlobalMedia.Tests.Translation;

/// <summary>
/// Translating stories end to end through the API, the background worker and the real Azure adapter against its
/// loopback fake: what is sent (and what is not), what is written, review, QA, budgets and every way it can go wrong.
/// Runs once per database provider.
/// </summary>
public abstract class TranslationJobTests
{
    private readonly TranslationAppFactory _app;
    private readonly FakeAzureTranslator _fake;

    protected TranslationJobTests(TranslationAppFactory app)
    {
        _app = app;
        _fake = app.Translator;
        _fake.Reset();
    }

    private Seed Seed => _app.Seed;
    private HttpClient Editor => _app.Api(Seed.EditorA.Token);

    /// <summary>Every text carries the test's unique mark, so no test reuses another's memory units.</summary>
    private static string Body(string unique, string? second = null) =>
        $"第一段介绍{unique}公司。\n\n## 小标题{unique}\n\n{second ?? $"第二段讲述**工厂{unique}**的故事。"}\n\n- 列表项一{unique}\n- 列表项二{unique}";

    private async Task<Guid> StoryAsync(string unique, HttpClient? client = null, string? enterprise = null)
    {
        var (status, body, _) = await (client ?? Editor).SendAsync(HttpMethod.Post, "/api/v1/stories", new
        {
            enterprise = enterprise ?? Seed.EnterpriseA,
            sourceCulture = "zh-CN",
            category = "human-stories",
            tags = new[] { "people" },
            content = new { title = $"标题{unique}", summary = $"摘要{unique}", body = Body(unique) },
        });
        Assert.True(status == HttpStatusCode.Created, $"{status} {body}");
        return Guid.Parse(body!["storyId"]!.GetValue<string>());
    }

    private async Task<JsonNode> TranslateAsync(Guid storyId, string[] targets, string provider = "azure", bool replace = false, HttpClient? client = null)
    {
        var (status, job, _) = await StartAsync(storyId, targets, provider, replace, client);
        Assert.True(status == HttpStatusCode.Accepted, $"{status} {job}");
        return await FinishedAsync(client ?? Editor, job!["id"]!.GetValue<string>());
    }

    private Task<(HttpStatusCode Status, JsonNode? Body, string? ETag)> StartAsync(Guid storyId, string[] targets, string provider = "azure", bool replace = false, HttpClient? client = null) =>
        (client ?? Editor).SendAsync(HttpMethod.Post, $"/api/v1/stories/{storyId}/translations", new { targets, provider, replaceExisting = replace });

    /// <summary>Polls the job until it finishes (the worker runs in the background); a minute is far beyond any run here.</summary>
    private static async Task<JsonNode> FinishedAsync(HttpClient client, string jobId)
    {
        JsonNode? job = null;
        for (var i = 0; i < 600; i++)
        {
            (_, job, _) = await client.ReadAsync($"/api/v1/translation-jobs/{jobId}");
            if (job!["state"]!.GetValue<string>() is "Completed" or "Failed")
            {
                return job;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"job {jobId} did not finish: {job.Json()}");
    }

    private static JsonNode Target(JsonNode job, string culture) => job["targets"]!.AsArray().Single(t => t!["culture"]!.GetValue<string>() == culture)!;

    private async Task<JsonNode> ViewAsync(Guid storyId, string culture, HttpClient? client = null)
    {
        var (status, view, _) = await (client ?? Editor).ReadAsync($"/api/v1/stories/{storyId}/translations/{culture}");
        Assert.True(status == HttpStatusCode.OK, $"{status} {view}");
        return view!;
    }

    private async Task<string> DraftBodyAsync(Guid storyId, string culture)
    {
        var (status, draft, _) = await Editor.ReadAsync($"/api/v1/stories/{storyId}/{culture}/draft");
        Assert.True(status == HttpStatusCode.OK, $"{status} {draft}");
        return draft!["content"]?["body"]?.GetValue<string>() ?? draft["body"]!.GetValue<string>();
    }

    private static string SegmentId(JsonNode view, Func<string, bool> source) =>
        view["segments"]!.AsArray().First(s => source(s!["source"]!.GetValue<string>()))!["id"]!.GetValue<string>();

    [Fact]
    public async Task A_story_goes_into_three_cultures_in_one_request_with_glossary_terms_applied_and_its_structure_kept()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        await Editor.SendAsync(HttpMethod.Put, $"/api/v1/termbases/{Seed.EnterpriseA}/terms",
            new { sourceCulture = "zh-CN", source = $"{unique}公司", targets = new { en = "Xiangjiang Heavy Industry" } });
        var storyId = await StoryAsync(unique);

        var job = await TranslateAsync(storyId, ["en", "fr", "ar"]);

        Assert.Equal("Completed", job["state"]!.GetValue<string>());
        // The English term goes through Azure's dynamic dictionary, which differs per target: English has a call of its
        // own and the other two share one.
        var requests = _fake.Requests.Where(r => r.Path.EndsWith("/translate", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, requests.Count);
        Assert.Equal(2, job["calls"]!.GetValue<int>());
        Assert.Contains(requests, r => r.QueryValues("to").SequenceEqual(["en"]));
        Assert.Contains(requests, r => r.QueryValues("to").SequenceEqual(["fr", "ar"]));
        foreach (var culture in new[] { "en", "fr", "ar" })
        {
            var target = Target(job, culture);
            Assert.Equal("Written", target["state"]!.GetValue<string>());
            Assert.Equal(target["segments"]!.GetValue<int>(), target["machine"]!.GetValue<int>());
        }

        var english = await DraftBodyAsync(storyId, "en");
        Assert.Contains("Xiangjiang Heavy Industry", english);
        Assert.DoesNotContain($"{unique}公司", english);
        Assert.Contains("## ", english);
        Assert.Contains("**", english);
        Assert.Equal(2, english.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal)));

        var view = await ViewAsync(storyId, "ar");
        Assert.Equal("MachineTranslated", view["state"]!.GetValue<string>());
        Assert.True(view["rightToLeft"]!.GetValue<bool>());
        Assert.Equal("azure", view["provider"]!.GetValue<string>());
        Assert.Equal("editor.a", view["translatedBy"]!.GetValue<string>());
        Assert.All(view["segments"]!.AsArray(), s => Assert.Equal("machine", s!["origin"]!.GetValue<string>()));
        // Metered as Azure counts: the HTML it receives (inline tags as spans), once per target.
        var shared = requests.Single(r => r.QueryValues("to").SequenceEqual(["fr", "ar"]));
        Assert.Equal(shared.Characters, Target(job, "fr")["characters"]!.GetValue<long>() + Target(job, "ar")["characters"]!.GetValue<long>());
    }

    [Fact]
    public async Task Editing_one_paragraph_re_sends_only_that_paragraph_for_each_target()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var storyId = await StoryAsync(unique);
        await TranslateAsync(storyId, ["en", "fr", "es"]);
        _fake.Reset();

        var changed = $"第二段改写了，讲述新{unique}工厂的故事。";
        var etag = await Editor.WorkingETagAsync(storyId, "zh-CN");
        await Editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{storyId}/zh-CN/draft",
            new { title = $"标题{unique}", summary = $"摘要{unique}", body = Body(unique, changed) }, ifMatch: etag);
        var job = await TranslateAsync(storyId, ["en", "fr", "es"]);

        var request = Assert.Single(_fake.Requests);
        Assert.Equal(changed.Length * 3, request.Characters);
        Assert.Equal(changed.Length * 3, job["charactersSent"]!.GetValue<long>());
        Assert.Equal(1, Target(job, "fr")["machine"]!.GetValue<int>());
        Assert.Contains(changed.ToUpperInvariant(), await DraftBodyAsync(storyId, "fr"));
    }

    [Fact]
    public async Task Exact_memory_matches_are_reused_without_calling_the_provider()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var storyId = await StoryAsync(unique);
        var view = await ViewAsync(storyId, "en");
        foreach (var segment in view["segments"]!.AsArray())
        {
            await Editor.SendAsync(HttpMethod.Put, $"/api/v1/memories/{Seed.EnterpriseA}/units", new
            {
                sourceCulture = "zh-CN", targetCulture = "en", source = segment!["source"]!.GetValue<string>(), target = "Remembered " + segment["source"]!.GetValue<string>(),
            });
        }

        var job = await TranslateAsync(storyId, ["en"]);

        Assert.Empty(_fake.Requests);
        Assert.Equal(Target(job, "en")["segments"]!.GetValue<int>(), Target(job, "en")["fromMemory"]!.GetValue<int>());
        Assert.Contains($"Remembered 第一段介绍{unique}公司。", await DraftBodyAsync(storyId, "en"));
    }

    [Fact]
    public async Task A_reviewer_fixes_a_segment_approves_and_publishes_and_the_fix_is_remembered()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var storyId = await StoryAsync(unique);
        await TranslateAsync(storyId, ["fr"]);
        await Editor.TransitionAsync(storyId, "fr", "submit", await Editor.WorkingETagAsync(storyId, "fr"));

        var reviewer = _app.Api(Seed.FrenchReviewerA.Token);
        var view = await ViewAsync(storyId, "fr", reviewer);
        var first = SegmentId(view, s => s.StartsWith("第一段", StringComparison.Ordinal));
        var (status, saved, etag) = await reviewer.SendAsync(HttpMethod.Put, $"/api/v1/stories/{storyId}/translations/fr/segments",
            new { segments = new Dictionary<string, string> { [first] = $"Le premier paragraphe présente {unique}." } }, ifMatch: view["eTag"]!.GetValue<string>());

        Assert.True(status == HttpStatusCode.OK, $"{status} {saved}");
        Assert.Equal("InReview", saved!["state"]!.GetValue<string>());
        var fixedSegment = saved["segments"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == first)!;
        Assert.Equal("human", fixedSegment["origin"]!.GetValue<string>());
        Assert.Equal("fr.reviewer.a", fixedSegment["by"]!.GetValue<string>());
        Assert.Contains($"Le premier paragraphe présente {unique}.", await DraftBodyAsync(storyId, "fr"));

        // The reviewer corrected the machine's text, so the four-eyes rule still lets them approve it.
        var approved = await reviewer.TransitionAsync(storyId, "fr", "approve", await reviewer.WorkingETagAsync(storyId, "fr"));
        await Editor.TransitionAsync(storyId, "fr", "publish", approved);
        var published = await ViewAsync(storyId, "fr");
        Assert.Equal("Published", published["state"]!.GetValue<string>());
        Assert.Equal("fr.reviewer.a", published["approvedBy"]!.GetValue<string>());

        var (_, matches, _) = await Editor.ReadAsync($"/api/v1/memories/{Seed.EnterpriseA}/matches?sourceCulture=zh-CN&targetCulture=fr&source={Uri.EscapeDataString($"第一段介绍{unique}公司。")}");
        Assert.Equal($"Le premier paragraphe présente {unique}.", matches!["exact"]!["target"]!.GetValue<string>());
    }

    [Fact]
    public async Task Blocking_qa_errors_and_pseudo_localized_text_refuse_approval_with_the_reason()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var storyId = await StoryAsync(unique);
        await TranslateAsync(storyId, ["fr"], provider: "pseudo");
        await Editor.TransitionAsync(storyId, "fr", "submit", await Editor.WorkingETagAsync(storyId, "fr"));
        var reviewer = _app.Api(Seed.FrenchReviewerA.Token);

        var (status, problem, _) = await reviewer.SendAsync(HttpMethod.Post, $"/api/v1/stories/{storyId}/fr/transitions", new { action = "approve" },
            ifMatch: await reviewer.WorkingETagAsync(storyId, "fr"));
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("pseudo-localized", problem.Detail());
        Assert.True((await ViewAsync(storyId, "fr"))["isTestOutput"]!.GetValue<bool>());

        // Replace every segment, but drop the bold tag from one: a blocking QA error.
        var view = await ViewAsync(storyId, "fr", reviewer);
        var segments = view["segments"]!.AsArray().ToDictionary(
            s => s!["id"]!.GetValue<string>(),
            s => s!["source"]!.GetValue<string>().Contains("<g", StringComparison.Ordinal) ? "Le deuxième paragraphe, sans gras." : "Texte " + s["id"]!.GetValue<string>());
        var (saved, body, _) = await reviewer.SendAsync(HttpMethod.Put, $"/api/v1/stories/{storyId}/translations/fr/segments", new { segments }, ifMatch: view["eTag"]!.GetValue<string>());
        Assert.True(saved == HttpStatusCode.OK, $"{saved} {body}");
        Assert.True(body!["errors"]!.GetValue<int>() >= 1);

        (status, problem, _) = await reviewer.SendAsync(HttpMethod.Post, $"/api/v1/stories/{storyId}/fr/transitions", new { action = "approve" },
            ifMatch: await reviewer.WorkingETagAsync(storyId, "fr"));
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("blocking QA error", problem.Detail());
        Assert.Equal("InReview", (await ViewAsync(storyId, "fr"))["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_job_the_budget_cannot_cover_is_refused_before_anything_is_sent_or_written()
    {
        var editorB = _app.Api(Seed.EditorB.Token);
        var unique = Guid.NewGuid().ToString("N")[..6];
        var storyId = await StoryAsync(unique, editorB, Seed.EnterpriseB);

        var (status, problem, _) = await StartAsync(storyId, ["en", "fr"], client: editorB);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("Translation budget reached", problem!["title"]!.GetValue<string>());
        Assert.Contains($"of its {TranslationAppFactory.BetaRailBudget} left", problem.Detail());
        Assert.Empty(_fake.Requests);
        var (_, draft, _) = await editorB.ReadAsync($"/api/v1/stories/{storyId}/en/draft");
        Assert.Equal(404, draft!["status"]!.GetValue<int>());
        var (_, budgets, _) = await editorB.ReadAsync($"/api/v1/translation-budgets/{Seed.EnterpriseB}");
        Assert.Equal(0, budgets!["providers"]![0]!["used"]!.GetValue<long>());

        // Pseudo-localization is free: the same story still goes through it.
        var job = await TranslateAsync(storyId, ["en"], provider: "pseudo", client: editorB);
        Assert.Equal("Completed", job["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_reply_with_fewer_items_fails_the_culture_keeps_what_came_and_a_rerun_sends_only_the_rest()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var storyId = await StoryAsync(unique);
        _fake.FailNext(FakeFailure.FewerItems(1));

        var failed = await TranslateAsync(storyId, ["en"]);

        // A reply that lost an item cannot be matched to its texts: that request's texts fail, with the reason.
        Assert.Equal("Failed", failed["state"]!.GetValue<string>());
        var target = Target(failed, "en");
        Assert.Equal("Failed", target["state"]!.GetValue<string>());
        Assert.Contains("got no translation from azure", target["message"]!.GetValue<string>());
        Assert.Contains("results for", target["message"]!.GetValue<string>());
        var (_, draft, _) = await Editor.ReadAsync($"/api/v1/stories/{storyId}/en/draft");
        Assert.Equal(404, draft!["status"]!.GetValue<int>()); // nothing half-written

        // A reviewer types one segment meanwhile; the rerun sends only the others and keeps the reviewer's text.
        var view = await ViewAsync(storyId, "en");
        Assert.Equal("NotTranslated", view["state"]!.GetValue<string>());
        var title = SegmentId(view, s => s.StartsWith("标题", StringComparison.Ordinal));
        var (typed, typedView, _) = await Editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{storyId}/translations/en/segments",
            new { segments = new Dictionary<string, string> { [title] = $"Typed title {unique}" } }, ifMatch: view["eTag"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, typed);
        Assert.Equal("Incomplete", typedView!["state"]!.GetValue<string>());

        _fake.Reset();
        var rerun = await TranslateAsync(storyId, ["en"]);
        Assert.Equal("Completed", rerun["state"]!.GetValue<string>());
        Assert.Equal(view["segments"]!.AsArray().Count - 1, Target(rerun, "en")["machine"]!.GetValue<int>());
        Assert.Single(_fake.Requests);
        Assert.Contains($"Typed title {unique}", (await Editor.ReadAsync($"/api/v1/stories/{storyId}/en/draft")).Body.Json());
    }

    [Fact]
    public async Task A_provider_outage_is_retried_and_quota_stops_the_job_with_the_providers_message()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var storyId = await StoryAsync(unique);
        _fake.FailNext(FakeAzureTranslator.Unavailable(), times: 2);
        var job = await TranslateAsync(storyId, ["en"]);
        Assert.Equal("Completed", job["state"]!.GetValue<string>());
        Assert.Equal(3, job["calls"]!.GetValue<int>());

        var other = await StoryAsync(unique + "q");
        _fake.FailNext(FakeAzureTranslator.QuotaExceeded());
        var stopped = await TranslateAsync(other, ["en"]);
        Assert.Equal("Failed", stopped["state"]!.GetValue<string>());
        Assert.Contains("quota", Target(stopped, "en")["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Broken_markup_from_the_provider_is_written_with_its_markup_restored_and_flagged_so_it_cannot_be_approved_unseen()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var storyId = await StoryAsync(unique);
        _fake.FailNext(FakeFailure.BrokenMarkup());

        var job = await TranslateAsync(storyId, ["fr"]);

        Assert.Equal("Completed", job["state"]!.GetValue<string>());
        var view = await ViewAsync(storyId, "fr");
        var tagged = view["segments"]!.AsArray().Single(s => s!["source"]!.GetValue<string>().Contains("<g id=", StringComparison.Ordinal))!;
        Assert.Contains(tagged["findings"]!.AsArray(), f => f!["check"]!.GetValue<string>() == "tags" && f["severity"]!.GetValue<string>() == "Error");
        Assert.Contains("**", await DraftBodyAsync(storyId, "fr")); // the lost emphasis is put back, never silently dropped

        await Editor.TransitionAsync(storyId, "fr", "submit", await Editor.WorkingETagAsync(storyId, "fr"));
        var reviewer = _app.Api(Seed.FrenchReviewerA.Token);
        var (status, problem, _) = await reviewer.SendAsync(HttpMethod.Post, $"/api/v1/stories/{storyId}/fr/transitions", new { action = "approve" },
            ifMatch: await reviewer.WorkingETagAsync(storyId, "fr"));
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("blocking QA error", problem.Detail());
    }

    [Fact]
    public async Task A_translated_seo_title_over_its_limit_waits_for_a_person_and_the_review_editor_writes_the_shortened_text()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var seoTitle = (unique + new string('长', 70))[..68]; // "[fr] " makes the translation 73 characters: over the 70 allowed
        var (created, body, _) = await Editor.SendAsync(HttpMethod.Post, "/api/v1/stories", new
        {
            enterprise = Seed.EnterpriseA, sourceCulture = "zh-CN", category = "human-stories", tags = new[] { "people" },
            content = new { title = $"标题{unique}", body = $"正文{unique}。", seoTitle },
        });
        Assert.True(created == HttpStatusCode.Created, $"{created} {body}");
        var storyId = Guid.Parse(body!["storyId"]!.GetValue<string>());

        var job = await TranslateAsync(storyId, ["fr"]);

        Assert.Equal("Completed", job["state"]!.GetValue<string>());
        Assert.Equal("NeedsEdit", Target(job, "fr")["state"]!.GetValue<string>());
        Assert.Contains("seoTitle", Target(job, "fr")["message"]!.GetValue<string>());
        var (_, none, _) = await Editor.ReadAsync($"/api/v1/stories/{storyId}/fr/draft");
        Assert.Equal(404, none!["status"]!.GetValue<int>());

        var view = await ViewAsync(storyId, "fr");
        var seo = view["segments"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == "seoTitle")!;
        Assert.Contains(seo["findings"]!.AsArray(), f => f!["check"]!.GetValue<string>() == "length" && f["severity"]!.GetValue<string>() == "Error");
        var (saved, savedView, _) = await Editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{storyId}/translations/fr/segments",
            new { segments = new Dictionary<string, string> { ["seoTitle"] = $"Titre court {unique}" } }, ifMatch: view["eTag"]!.GetValue<string>());
        Assert.True(saved == HttpStatusCode.OK, $"{saved} {savedView}");
        Assert.Equal(1, savedView!["writtenVersion"]!.GetValue<int>());
        Assert.Equal("MachineTranslated", savedView["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_reviewers_edit_survives_a_later_job_and_only_changed_source_is_translated_again()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var storyId = await StoryAsync(unique);
        await TranslateAsync(storyId, ["fr"]);
        var view = await ViewAsync(storyId, "fr");
        var title = SegmentId(view, s => s.StartsWith("标题", StringComparison.Ordinal));
        await Editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{storyId}/translations/fr/segments",
            new { segments = new Dictionary<string, string> { [title] = $"Titre revu {unique}" } }, ifMatch: view["eTag"]!.GetValue<string>());

        var etag = await Editor.WorkingETagAsync(storyId, "zh-CN");
        await Editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{storyId}/zh-CN/draft",
            new { title = $"标题{unique}", summary = $"摘要{unique}", body = Body(unique, $"新的第二段{unique}。") }, ifMatch: etag);
        _fake.Reset();
        await TranslateAsync(storyId, ["fr"]);

        var (_, draft, _) = await Editor.ReadAsync($"/api/v1/stories/{storyId}/fr/draft");
        Assert.Equal($"Titre revu {unique}", draft!["content"]?["title"]?.GetValue<string>() ?? draft["title"]!.GetValue<string>());
        Assert.Equal($"新的第二段{unique}。".Length, Assert.Single(_fake.Requests).Characters);
    }

    [Fact]
    public async Task A_source_edited_while_the_provider_works_is_not_mixed_into_the_old_translation()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var storyId = await StoryAsync(unique);
        var release = new TaskCompletionSource();
        var hold = FakeFailure.Hold(release.Task);
        _fake.FailNext(hold);

        var (status, started, _) = await StartAsync(storyId, ["en"]);
        Assert.Equal(HttpStatusCode.Accepted, status);
        await hold.Arrived.Task.WaitAsync(TimeSpan.FromSeconds(60));

        // While the provider holds the old text: a second job is refused, and the source changes.
        var (second, problem, _) = await StartAsync(storyId, ["fr"]);
        Assert.Equal(HttpStatusCode.Conflict, second);
        Assert.Contains("still running", problem.Detail());
        var changed = $"编辑中新增的第二段{unique}。";
        var etag = await Editor.WorkingETagAsync(storyId, "zh-CN");
        await Editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{storyId}/zh-CN/draft",
            new { title = $"标题{unique}", summary = $"摘要{unique}", body = Body(unique, changed) }, ifMatch: etag);
        release.SetResult();

        var job = await FinishedAsync(Editor, started!["id"]!.GetValue<string>());
        Assert.Equal("Completed", job["state"]!.GetValue<string>());
        var english = await DraftBodyAsync(storyId, "en");
        Assert.Contains(changed.ToUpperInvariant(), english);
        Assert.DoesNotContain("工厂", english, StringComparison.Ordinal);
        Assert.DoesNotContain("第二段讲述".ToUpperInvariant(), english);
        var view = await ViewAsync(storyId, "en");
        Assert.Equal(view["sourceVersion"]!.GetValue<int>(), view["translatedSourceVersion"]!.GetValue<int>());
        Assert.Equal(2, _fake.Requests.Count);
        // Progress adds up across the two rounds: machine also counts the old wording of the edited paragraph (sent before the edit).
        var target = Target(job, "en");
        Assert.Equal(target["segments"]!.GetValue<int>(), target["kept"]!.GetValue<int>() + target["fromMemory"]!.GetValue<int>() + target["machine"]!.GetValue<int>() - 1);
    }

    [Fact]
    public async Task Text_written_by_hand_is_kept_unless_the_editor_asks_to_replace_it()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var storyId = await StoryAsync(unique);
        await Editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{storyId}/en/draft", new { title = $"Hand-written {unique}", body = "By hand." });

        var (status, problem, _) = await StartAsync(storyId, ["en", "fr"]);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("en (version 1 by editor.a)", problem.Detail());
        Assert.Empty(_fake.Requests);

        var job = await TranslateAsync(storyId, ["en", "fr"], replace: true);
        Assert.Equal("Completed", job["state"]!.GetValue<string>());
        Assert.Equal(2, Target(job, "en")["writtenVersion"]!.GetValue<int>());
        var (_, first, _) = await Editor.ReadAsync($"/api/v1/stories/{storyId}/en/versions/1");
        Assert.Contains("By hand.", first.Json());

        // Edited in the story editor after the translation: a new job leaves it alone, the review editor writes over it.
        var etag = await Editor.WorkingETagAsync(storyId, "en");
        await Editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{storyId}/en/draft", new { title = $"Edited {unique}", body = "Edited by hand." }, ifMatch: etag);
        (status, problem, _) = await StartAsync(storyId, ["en"]);
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("en (version 3 by editor.a)", problem.Detail());
        var view = await ViewAsync(storyId, "en");
        Assert.True(view["editedElsewhere"]!.GetValue<bool>());
        var title = SegmentId(view, s => s.StartsWith("标题", StringComparison.Ordinal));
        var (saved, savedView, _) = await Editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{storyId}/translations/en/segments",
            new { segments = new Dictionary<string, string> { [title] = $"Reviewed {unique}" } }, ifMatch: view["eTag"]!.GetValue<string>());
        Assert.True(saved == HttpStatusCode.OK, $"{saved} {savedView}");
        Assert.Equal(4, savedView!["writtenVersion"]!.GetValue<int>());
        Assert.False(savedView["editedElsewhere"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Manual_translation_waits_for_the_translator_and_writes_the_variant_once_every_segment_is_typed()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var storyId = await StoryAsync(unique);
        var job = await TranslateAsync(storyId, ["fr"], provider: "manual");
        Assert.Equal("Completed", job["state"]!.GetValue<string>());
        Assert.Equal("AwaitingTranslator", Target(job, "fr")["state"]!.GetValue<string>());
        Assert.Empty(_fake.Requests);

        var reviewer = _app.Api(Seed.FrenchReviewerA.Token);
        var view = await ViewAsync(storyId, "fr", reviewer);
        var ids = view["segments"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()).ToList();
        var (status, half, _) = await reviewer.SendAsync(HttpMethod.Put, $"/api/v1/stories/{storyId}/translations/fr/segments",
            new { segments = new Dictionary<string, string> { [ids[0]] = $"Titre {unique}" } }, ifMatch: view["eTag"]!.GetValue<string>());
        Assert.True(status == HttpStatusCode.OK, $"{status} {half}");
        Assert.Equal("Incomplete", half!["state"]!.GetValue<string>());
        var (_, none, _) = await reviewer.ReadAsync($"/api/v1/stories/{storyId}/fr/draft");
        Assert.Equal(404, none!["status"]!.GetValue<int>());

        var rest = view["segments"]!.AsArray().Skip(1).ToDictionary(
            s => s!["id"]!.GetValue<string>(),
            s => s!["source"]!.GetValue<string>().Replace("第", "N° ", StringComparison.Ordinal));
        var (done, full, _) = await reviewer.SendAsync(HttpMethod.Put, $"/api/v1/stories/{storyId}/translations/fr/segments", new { segments = rest }, ifMatch: half["eTag"]!.GetValue<string>());
        Assert.True(done == HttpStatusCode.OK, $"{done} {full}");
        Assert.Equal("MachineTranslated", full!["state"]!.GetValue<string>());
        Assert.Equal(1, full["writtenVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task Bad_requests_and_outsiders_get_precise_answers_and_change_nothing()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var storyId = await StoryAsync(unique);

        async Task<(HttpStatusCode, string)> Start(object body, HttpClient? client = null)
        {
            var (status, problem, _) = await (client ?? Editor).SendAsync(HttpMethod.Post, $"/api/v1/stories/{storyId}/translations", body);
            return (status, problem.Detail());
        }

        Assert.Equal((HttpStatusCode.BadRequest, true), await Check(Start(new { targets = new[] { "en" }, provider = "babelfish" }), "Unknown provider 'babelfish'"));
        Assert.Equal((HttpStatusCode.BadRequest, true), await Check(Start(new { targets = new[] { "en" }, provider = "deepl" }), "no key configured"));
        Assert.Equal((HttpStatusCode.BadRequest, true), await Check(Start(new { targets = new[] { "de" }, provider = "azure" }), "'de' is not one of the enterprise's cultures"));
        Assert.Equal((HttpStatusCode.BadRequest, true), await Check(Start(new { targets = new[] { "zh-CN" }, provider = "azure" }), "source culture"));
        Assert.Equal((HttpStatusCode.BadRequest, true), await Check(Start(new { targets = Array.Empty<string>(), provider = "azure" }), "at least one target"));
        Assert.Equal((HttpStatusCode.NotFound, true), await Check(Start(new { targets = new[] { "en" }, provider = "azure" }, _app.Api(Seed.EditorB.Token)), "does not exist"));
        Assert.Equal((HttpStatusCode.Forbidden, true), await Check(Start(new { targets = new[] { "fr" }, provider = "azure" }, _app.Api(Seed.FrenchReviewerA.Token)), "EnterpriseEditor"));
        Assert.Empty(_fake.Requests);

        var (status, _, _) = await _app.Api(Seed.EditorB.Token).ReadAsync($"/api/v1/stories/{storyId}/translations/fr");
        Assert.Equal(HttpStatusCode.NotFound, status);
        (status, _, _) = await Editor.ReadAsync($"/api/v1/stories/{storyId}/translations/de");
        Assert.Equal(HttpStatusCode.NotFound, status);
        (status, _, _) = await Editor.ReadAsync($"/api/v1/translation-jobs/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, status);

        var job = await TranslateAsync(storyId, ["en"]);
        (status, _, _) = await _app.Api(Seed.EditorB.Token).ReadAsync($"/api/v1/translation-jobs/{job["id"]}");
        Assert.Equal(HttpStatusCode.NotFound, status);

        var view = await ViewAsync(storyId, "en");
        var first = view["segments"]![0]!["id"]!.GetValue<string>();
        var url = $"/api/v1/stories/{storyId}/translations/en/segments";
        var (noMatch, _, _) = await Editor.SendAsync(HttpMethod.Put, url, new { segments = new Dictionary<string, string> { [first] = "x" } });
        Assert.Equal(HttpStatusCode.PreconditionRequired, noMatch);
        var (stale, _, _) = await Editor.SendAsync(HttpMethod.Put, url, new { segments = new Dictionary<string, string> { [first] = "x" } }, ifMatch: "\"t0.0\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale);
        var (unknown, problem, _) = await Editor.SendAsync(HttpMethod.Put, url, new { segments = new Dictionary<string, string> { ["body-999"] = "x" } }, ifMatch: view["eTag"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, unknown);
        Assert.Contains("no segment 'body-999'", problem.Detail());
        var (empty, emptyProblem, _) = await Editor.SendAsync(HttpMethod.Put, url, new { segments = new Dictionary<string, string> { [first] = "  " } }, ifMatch: view["eTag"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, empty);
        Assert.Contains("cannot be empty", emptyProblem.Detail());
        Assert.Equal(view["segments"]![0]!["target"]!.GetValue<string>(), (await ViewAsync(storyId, "en"))["segments"]![0]!["target"]!.GetValue<string>());
    }

    private static async Task<(HttpStatusCode, bool)> Check(Task<(HttpStatusCode Status, string Body)> call, string expected)
    {
        var (status, body) = await call;
        Assert.True(body.Contains(expected, StringComparison.Ordinal), $"expected '{expected}' in {body}");
        return (status, true);
    }
}

public sealed class TranslationJobsOnSqlite(SqliteTranslationAppFactory app) : TranslationJobTests(app), IClassFixture<SqliteTranslationAppFactory>;

public sealed class TranslationJobsOnPostgres(PostgresTranslationAppFactory app) : TranslationJobTests(app), IClassFixture<PostgresTranslationAppFactory>;
