using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParkGlobalMedia.Content.Stories;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Tests.Infrastructure.Fakes;
using ParkGlobalMedia.Translation.Glossary;
using ParkGlobalMedia.Translation.Review;
using ParkGlobalMedia.Translation.Segmentation;

namespace ParkGlobalMedia.Benchmarks;

/// <summary>
/// <c>translation &lt;workDir&gt; [outDir]</c>: what translation jobs send to Azure Translator, against the least they
/// could (<see cref="TranslationMinimum"/>). The Azure fake on loopback; the app in this process on a fresh SQLite
/// database with the <c>default</c> and <c>demo</c> recipes, its real Azure adapter pointed at the fake. Every demo
/// story's Chinese source goes into the five cultures the demo enterprises publish in, one job at a time through the
/// API; then one paragraph of one source is edited and the job runs again. Counts only — no timings.
/// </summary>
public static class TranslationBench
{
    private const string SourceCulture = "zh-CN";

    /// <summary>Appended to the edited paragraph: a sentence, as an editor's correction would add.</summary>
    private const string EditedSentence = "编者补充：该项目二期工程预计明年投产。";

    public static async Task<int> RunAsync(string workDir, string outDir)
    {
        var work = Path.GetFullPath(workDir);
        outDir = Path.GetFullPath(outDir);
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        Directory.CreateDirectory(work);
        Directory.CreateDirectory(outDir);

        await using var fake = await FakeAzureTranslator.StartAsync();
        await using var host = new BenchHost(Path.Combine(work, "parkglobalmedia.db"), applyFirstStartRecipes: true, settings: new Dictionary<string, string?>
        {
            ["Platform:FirstStartRecipes:1"] = "demo", // after "default" from appsettings.json, as Development does
            ["Translation:Azure:Endpoint"] = fake.BaseAddress.ToString(),
            ["Translation:Azure:Key"] = FakeAzureTranslator.DefaultKey,
            ["Translation:Budgets:MonthlyCharacters:azure"] = "1000000000",
            ["Translation:Jobs:PollInterval"] = "00:00:00.200",
            // Nothing measured here needs renditions or page views; they would only compete for the cores.
            ["AssetProcessing:Enabled"] = "false",
            ["Analytics:Enabled"] = "false",
        });
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await AdminTokenAsync(host.Services));
        var api = new Api(client);

        var (targets, added) = await EnterpriseCulturesAsync(api);
        var (stories, terms) = await StoriesAsync(host.Services, targets);
        Console.WriteLine($"{stories.Count} demo stories, targets {string.Join(", ", targets)}, fake at {fake.BaseAddress}");

        var runs = new List<StoryRun>();
        foreach (var story in stories)
        {
            var run = await TranslateAsync(api, fake, story.Id, targets, replaceExisting: true);
            await CheckReviewViewAsync(api, story, targets);
            runs.Add(run with { Story = story });
            Console.WriteLine($"  {story.Name}: {run.Calls} calls, {run.Characters:N0} characters (minimum {story.Minimum.Requests} / {story.Minimum.Characters:N0})");
        }

        var edit = await EditOneParagraphAsync(api, host.Services, stories[0]);
        var rerun = await TranslateAsync(api, fake, stories[0].Id, targets, replaceExisting: false);
        Console.WriteLine($"  edit of {stories[0].Name} {edit.SegmentId}: {rerun.Calls} calls, {rerun.Characters:N0} characters (bound {edit.Length * targets.Count:N0})");

        var report = TranslationReport.Write(targets, added, terms, stories, runs, edit, rerun);
        await File.WriteAllTextAsync(Path.Combine(outDir, "translation.md"), report);
        Console.WriteLine();
        Console.WriteLine(report);
        return runs.Append(rerun).All(r => r.State == "Completed") ? 0 : 1;
    }

    /// <summary>One demo source story and the least its translation can send.</summary>
    public sealed record DemoStory(Guid Id, string Enterprise, string Name, StoryVersion Source, IReadOnlyList<string> HandWritten, TranslationMinimum Minimum);

    /// <summary>A job as the API reports it, and what the fake received while it ran.</summary>
    public sealed record StoryRun(
        string State, int Calls, long Characters, IReadOnlyList<JsonNode> Targets,
        int WireCalls, long WireCharacters, IReadOnlyList<string> WireShapes, int WireErrors)
    {
        public DemoStory? Story { get; init; }
    }

    /// <summary>The edited paragraph: its segment after the edit, and every text the edit made new.</summary>
    public sealed record ParagraphEdit(string Story, string SegmentId, int Length, int LengthBefore, IReadOnlyList<string> NewTexts);

    private static async Task<string> AdminTokenAsync(IServiceProvider services)
    {
        // The demo recipe's sign-ins are for Development only; the bench host runs as "Benchmark".
        await using var scope = services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateOrUpdateAsync(
            new UserAccounts.NewUser("bench.admin@example.org", "bench admin", "Bench-Admin-2026!", [Roles.Admin], [], []));
        var token = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().IssueAsync(user.Id, "translation bench", TokenScopes.All, TimeSpan.FromHours(2));
        return token.Secret;
    }

    /// <summary>
    /// The cultures the demo enterprises publish in, source culture aside — each enterprise has three of them, so
    /// each gets the other two added (a job only translates into its enterprise's cultures).
    /// </summary>
    private static async Task<(IReadOnlyList<string> Targets, IReadOnlyList<string> Added)> EnterpriseCulturesAsync(Api api)
    {
        var enterprises = (await api.ExpectAsync(HttpMethod.Get, "/api/v1/enterprises")).AsArray().Select(e => e!).ToList();
        var targets = enterprises.SelectMany(e => e["cultures"]!.AsArray().Select(c => c!.GetValue<string>()))
            .Where(c => c != SourceCulture).Distinct().Order(StringComparer.Ordinal).ToList();
        if (targets.Count != 5)
        {
            throw new InvalidOperationException($"The demo enterprises publish in {string.Join(", ", targets)}, not 5 cultures besides {SourceCulture}.");
        }

        var added = new List<string>();
        foreach (var enterprise in enterprises)
        {
            var slug = enterprise["slug"]!.GetValue<string>();
            var own = enterprise["cultures"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
            var missing = targets.Except(own).ToList();
            if (missing.Count == 0)
            {
                continue;
            }

            var (_, current, etag) = await api.SendAsync(HttpMethod.Get, $"/api/v1/enterprises/{slug}");
            current!["cultures"] = new JsonArray([.. own.Concat(missing).Select(c => JsonValue.Create(c))]);
            await api.ExpectAsync(HttpMethod.Put, $"/api/v1/enterprises/{slug}", current, etag);
            added.Add($"{slug} +{string.Join(" +", missing)}");
        }

        return (targets, added);
    }

    /// <summary>The demo's source stories with their minimum, and how many termbase terms the database has.</summary>
    private static async Task<(List<DemoStory> Stories, int Terms)> StoriesAsync(IServiceProvider services, IReadOnlyList<string> targets)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var sources = await db.StoryVariants.AsNoTracking()
            .Where(v => v.Culture == v.Story.SourceCulture)
            .Select(v => new
            {
                v.StoryId,
                v.EnterpriseId,
                v.Culture,
                v.Slug,
                Version = v.DraftVersion ?? v.PublishedVersion,
                Cultures = v.Story.Variants.Select(o => o.Culture).ToList(),
            })
            .ToListAsync();
        var slugs = await db.Enterprises.AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.Slug);
        var terms = await db.Set<Term>().AsNoTracking().Where(t => t.SourceCulture == SourceCulture).ToListAsync();
        if (sources.Count == 0 || sources.Any(s => s.Culture != SourceCulture || s.Version is null))
        {
            throw new InvalidOperationException($"Expected the demo's {SourceCulture} source stories with text; found {sources.Count} sources.");
        }

        var stories = sources
            .Select(s => new DemoStory(s.StoryId, slugs[s.EnterpriseId], $"{slugs[s.EnterpriseId]}/{s.Slug}", s.Version!,
                [.. targets.Intersect(s.Cultures)], TranslationMinimum.Of(s.Version!, s.EnterpriseId, targets, terms)))
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        return (stories, await db.Set<Term>().CountAsync());
    }

    private static async Task<StoryRun> TranslateAsync(Api api, FakeAzureTranslator fake, Guid storyId, IReadOnlyList<string> targets, bool replaceExisting)
    {
        var before = fake.Requests.Count;
        var started = await api.ExpectAsync(HttpMethod.Post, $"/api/v1/stories/{storyId}/translations",
            new { targets, provider = "azure", replaceExisting }, expected: HttpStatusCode.Accepted);
        var job = await FinishedAsync(api, started["id"]!.GetValue<string>());

        var requests = fake.Requests.Skip(before).Where(r => r.Path.EndsWith("/translate", StringComparison.Ordinal)).ToList();
        return new StoryRun(
            job["state"]!.GetValue<string>(),
            job["calls"]!.GetValue<int>(),
            job["charactersSent"]!.GetValue<long>(),
            [.. job["targets"]!.AsArray().Select(t => t!)],
            requests.Count,
            requests.Sum(r => r.Characters),
            [.. requests.Select(r => $"{Texts(JsonNode.Parse(r.Body)!.AsArray().Count)} → {string.Join(",", r.QueryValues("to"))}")],
            requests.Count(r => r.StatusCode != 200));
    }

    private static string Texts(int count) => count == 1 ? "1 text" : $"{count} texts";

    /// <summary>Polls until the background worker has finished the job. A guard against a hung run, not a measurement.</summary>
    private static async Task<JsonNode> FinishedAsync(Api api, string jobId)
    {
        for (var i = 0; i < 3000; i++)
        {
            var job = await api.ExpectAsync(HttpMethod.Get, $"/api/v1/translation-jobs/{jobId}");
            if (job["state"]!.GetValue<string>() is "Completed" or "Failed")
            {
                return job;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Translation job {jobId} did not finish within 5 minutes.");
    }

    /// <summary>The review view lists the same distinct source texts as the segmenter gave the minimum: both count the same thing.</summary>
    private static async Task CheckReviewViewAsync(Api api, DemoStory story, IReadOnlyList<string> targets)
    {
        var expected = StorySegments.Of(story.Source).Sources;
        foreach (var culture in targets)
        {
            var view = await api.ExpectAsync(HttpMethod.Get, $"/api/v1/stories/{story.Id}/translations/{culture}");
            var listed = view["segments"]!.AsArray().Select(s => s!["source"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            if (!listed.SetEquals(expected))
            {
                throw new InvalidOperationException($"{story.Name} {culture}: the review view lists {listed.Count} distinct source texts, the segmenter {expected.Count}.");
            }
        }
    }

    /// <summary>
    /// Adds a sentence to the first plain body paragraph (no inline tags) whose text appears once in the Markdown, and
    /// saves the source draft with If-Match, as the story editor does.
    /// </summary>
    private static async Task<ParagraphEdit> EditOneParagraphAsync(Api api, IServiceProvider services, DemoStory story)
    {
        var body = story.Source.Body;
        var paragraph = StorySegments.Of(story.Source).Body.Segments.First(s =>
            s is { Kind: SegmentKind.Paragraph, HasTags: false } && Occurrences(body, TaggedText.PlainText(s.Text)) == 1);
        var text = TaggedText.PlainText(paragraph.Text);

        var (_, draft, etag) = await api.SendAsync(HttpMethod.Get, $"/api/v1/stories/{story.Id}/{SourceCulture}/draft");
        var content = draft!["content"]!;
        if (content["body"]!.GetValue<string>() != body)
        {
            throw new InvalidOperationException($"{story.Name}: the draft's body is not the version the minimum was computed from.");
        }

        content["body"] = body.Replace(text, text + EditedSentence, StringComparison.Ordinal);
        await api.ExpectAsync(HttpMethod.Put, $"/api/v1/stories/{story.Id}/{SourceCulture}/draft", content, etag);

        await using var scope = services.CreateAsyncScope();
        var edited = await scope.ServiceProvider.GetRequiredService<AppDbContext>().StoryVariants.AsNoTracking()
            .Where(v => v.StoryId == story.Id && v.Culture == SourceCulture).Select(v => v.DraftVersion).SingleAsync()
            ?? throw new InvalidOperationException("The edit made no draft version.");
        var segment = StorySegments.Of(edited).Body.Segments.Single(s => s.Id == paragraph.Id);
        return new ParagraphEdit(story.Name, paragraph.Id, segment.Text.Length, paragraph.Text.Length, TranslationMinimum.NewTexts(story.Source, edited));
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>JSON over the app's HTTP pipeline (TestServer) with the admin's token.</summary>
    private sealed class Api(HttpClient client)
    {
        public async Task<(HttpStatusCode Status, JsonNode? Body, string? ETag)> SendAsync(HttpMethod method, string path, object? body = null, string? ifMatch = null)
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                request.Content = JsonContent.Create(body, body.GetType());
            }

            if (ifMatch is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            }

            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response.Headers.ETag?.ToString());
        }

        public async Task<JsonNode> ExpectAsync(HttpMethod method, string path, object? body = null, string? ifMatch = null, HttpStatusCode expected = HttpStatusCode.OK)
        {
            var (status, answer, _) = await SendAsync(method, path, body, ifMatch);
            return status == expected && answer is not null
                ? answer
                : throw new InvalidOperationException($"{method} {path} answered {(int)status}: {answer?.ToJsonString()}");
        }
    }
}
