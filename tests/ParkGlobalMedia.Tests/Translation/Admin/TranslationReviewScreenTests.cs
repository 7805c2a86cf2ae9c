using System.Net;
using AngleSharp.Dom;
using ParkGlobalMedia.Tests.Infrastructure;

namespace ParkGlobalMedia.Tests.Translation.Admin;

/// <summary>
/// The "translate into…" page and the side-by-side review editor, as a browser without script uses them: the
/// newcomer's whole journey (translate, fix a segment, approve, publish), budget refusals on the page, Chinese
/// labels. Runs once per database provider, against the Azure fake.
/// </summary>
public abstract class TranslationReviewScreenTests(TranslationAppFactory app)
{
    private Seed Seed => app.Seed;

    private async Task<Guid> StoryAsync(string enterprise, string token, string unique)
    {
        var (status, body, _) = await app.Api(token).SendAsync(HttpMethod.Post, "/api/v1/stories", new
        {
            enterprise, sourceCulture = "zh-CN", category = "human-stories", tags = new[] { "people" },
            content = new { title = $"标题{unique}", body = $"第一段{unique}。\n\n第二段讲述**工厂{unique}**。" },
        });
        Assert.True(status == HttpStatusCode.Created, $"{status} {body}");
        return Guid.Parse(body!["storyId"]!.GetValue<string>());
    }

    /// <summary>Posts the page's "translate into…" form with several target boxes ticked (names repeat, as a browser sends them).</summary>
    private static async Task<(HttpStatusCode Status, IDocument Page, HttpResponseMessage Response)> TranslateAsync(
        AdminSession session, Guid storyId, string provider, params string[] targets)
    {
        var (_, page) = await session.GetAsync($"/admin/stories/{storyId}/translations");
        var form = page.QuerySelector("main form[action*='handler=Start']")!;
        var values = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("Provider", provider),
        };
        values.AddRange(targets.Select(t => new KeyValuePair<string, string>("Targets", t)));
        var response = await session.Client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(values));
        return (response.StatusCode, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()), response);
    }

    private async Task<IDocument> FinishedPageAsync(AdminSession session, Guid storyId)
    {
        for (var i = 0; i < 600; i++)
        {
            var (_, page) = await session.GetAsync($"/admin/stories/{storyId}/translations");
            if (page.QuerySelector("[data-job-state]")?.GetAttribute("data-job-state") is "Completed" or "Failed")
            {
                return page;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the translation job did not finish");
    }

    [Fact]
    public async Task A_newcomer_translates_fixes_a_segment_approves_and_publishes_from_the_screens()
    {
        var unique = ScreenCalls.Unique();
        var storyId = await StoryAsync(Seed.EnterpriseA, Seed.EditorA.Token, unique);
        var editor = await AdminSession.SignInAsync(app, Seed.EditorA.Email);

        var (status, _, response) = await TranslateAsync(editor, storyId, "azure", "en", "fr", "ar");
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal($"/admin/stories/{storyId}/translations", response.Headers.Location!.OriginalString);
        var overview = await FinishedPageAsync(editor, storyId);
        Assert.Equal(3, overview.QuerySelectorAll("ul.progress-list progress").Length);
        Assert.All(overview.QuerySelectorAll("ul.progress-list progress"), p => Assert.Equal(p.GetAttribute("max"), p.GetAttribute("value")));
        Assert.Contains("Machine-translated", overview.QuerySelector("main table")!.TextContent);

        // Right to left where the culture is.
        var (_, arabic) = await editor.GetAsync($"/admin/stories/{storyId}/translations/ar");
        Assert.All(arabic.QuerySelectorAll("table.side-by-side textarea"), t => Assert.Equal("rtl", t.GetAttribute("dir")));

        // The editor submits the French text for review; the French reviewer fixes one segment and approves.
        var (_, french) = await editor.GetAsync($"/admin/stories/{storyId}/translations/fr");
        var submit = await editor.SubmitAsync($"/admin/stories/{storyId}/translations/fr", "main form[action*='handler=Transition']", new() { ["action"] = "submit" });
        Assert.Equal(HttpStatusCode.Redirect, submit.Status);

        var reviewer = await AdminSession.SignInAsync(app, Seed.FrenchReviewerA.Email);
        var firstId = french.QuerySelector("table.side-by-side textarea")!.GetAttribute("name")!;
        var (saved, _, savedResponse) = await reviewer.PostFormAsync($"/admin/stories/{storyId}/translations/fr", "main form.review-editor",
            new() { [firstId] = $"Titre corrigé {unique}" });
        Assert.Equal(HttpStatusCode.Redirect, saved);
        var (_, afterSave) = await reviewer.GetAsync(savedResponse.Headers.Location!.OriginalString);
        Assert.Contains("Segments saved: 1", afterSave.Notice());
        Assert.Contains("Person", afterSave.QuerySelector("table.side-by-side tbody tr")!.TextContent);
        Assert.Contains("In review", afterSave.QuerySelector("dl.facts")!.TextContent);

        var approve = await reviewer.SubmitAsync($"/admin/stories/{storyId}/translations/fr", "main form[action*='handler=Transition']", new() { ["action"] = "approve" });
        Assert.Equal(HttpStatusCode.Redirect, approve.Status);
        var publish = await editor.SubmitAsync($"/admin/stories/{storyId}/translations/fr", "main form[action*='handler=Transition']", new() { ["action"] = "publish" });
        Assert.Equal(HttpStatusCode.Redirect, publish.Status);
        var (_, published) = await editor.GetAsync($"/admin/stories/{storyId}/translations/fr");
        Assert.Contains("Published", published.QuerySelector("dl.facts")!.TextContent);
        Assert.Contains("fr.reviewer.a", published.QuerySelector("dl.facts")!.TextContent);
        var (_, reader, _) = await app.Api().ReadAsync($"/api/v1/stories/{storyId}/fr");
        Assert.Equal($"Titre corrigé {unique}", reader!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_budget_refusal_and_pseudo_output_are_explained_on_the_page()
    {
        var unique = ScreenCalls.Unique();
        var storyId = await StoryAsync(Seed.EnterpriseB, Seed.EditorB.Token, unique);
        var editor = await AdminSession.SignInAsync(app, Seed.EditorB.Email);

        var (status, page, _) = await TranslateAsync(editor, storyId, "azure", "en", "fr");
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains(page.ErrorMessages(), m => m.Contains("Nothing was sent or written", StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector("#target-en")!.GetAttribute("checked")); // what was ticked stays ticked

        (status, _, _) = await TranslateAsync(editor, storyId, "pseudo", "en");
        Assert.Equal(HttpStatusCode.Redirect, status);
        await FinishedPageAsync(editor, storyId);
        var (_, review) = await editor.GetAsync($"/admin/stories/{storyId}/translations/en");
        Assert.NotNull(review.QuerySelector("section .error"));
        Assert.Contains("pseudo-localized", review.QuerySelector("section .error")!.TextContent);
    }

    [Fact]
    public async Task The_screens_speak_chinese_to_a_chinese_browser_and_keep_outsiders_out()
    {
        var unique = ScreenCalls.Unique();
        var storyId = await StoryAsync(Seed.EnterpriseA, Seed.EditorA.Token, unique);
        var editor = await AdminSession.SignInAsync(app, Seed.EditorA.Email, "zh-CN");
        var (_, page) = await editor.GetAsync($"/admin/stories/{storyId}/translations");
        Assert.Contains("翻译为…", page.QuerySelector("#translate-heading")!.TextContent);
        var (_, review) = await editor.GetAsync($"/admin/stories/{storyId}/translations/fr");
        Assert.Contains("原文", review.QuerySelector("table.side-by-side thead")!.TextContent);
        Assert.Contains("尚未翻译", review.QuerySelector("table.side-by-side tbody")!.TextContent);

        var outsider = await AdminSession.SignInAsync(app, Seed.EditorB.Email);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/admin/stories/{storyId}/translations")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/admin/stories/{storyId}/translations/fr")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/admin/stories/{storyId}/translations/de")).Status);
    }
}

public sealed class TranslationReviewScreensOnSqlite(SqliteTranslationAppFactory app) : TranslationReviewScreenTests(app), IClassFixture<SqliteTranslationAppFactory>;

public sealed class TranslationReviewScreensOnPostgres(PostgresTranslationAppFactory app) : TranslationReviewScreenTests(app), IClassFixture<PostgresTranslationAppFactory>;
