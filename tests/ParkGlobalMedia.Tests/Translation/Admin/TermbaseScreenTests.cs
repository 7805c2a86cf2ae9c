using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using ParkGlobalMedia.Tests.Infrastructure;
using static ParkGlobalMedia.Tests.Translation.Admin.ScreenCalls;

namespace ParkGlobalMedia.Tests.Translation.Admin;

/// <summary>
/// The termbase screens driven like a browser without script: terms added, edited and deleted through the forms, CSV and
/// TBX imports (all or nothing, bad lines named), downloads, refusals that keep what was typed, read-only and outside
/// callers, and the Chinese interface. Runs once per provider.
/// </summary>
public abstract class TermbaseScreenTests(AppFactory app)
{
    private Seed Seed => app.Seed;
    private string Screen => $"/admin/termbases/{Seed.EnterpriseA}";

    private Task<AdminSession> EditorAsync(string language = "en") => AdminSession.SignInAsync(app, Seed.EditorA.Email, language);

    [Fact]
    public async Task An_editor_adds_a_term_edits_it_and_deletes_it_after_confirming()
    {
        var editor = await EditorAsync();
        var source = $"园区{Unique()}";

        var (added, _, response) = await editor.PostFormAsync($"{Screen}/terms/new", "main form.term-editor", new()
        {
            ["SourceCulture"] = "zh-CN", ["Source"] = source, ["Targets[en]"] = "industrial park", ["Targets[ar]"] = "منطقة صناعية",
            ["Forbidden[en]"] = "industry garden\nfactory park", ["PartOfSpeech"] = "noun", ["Note"] = "Provincial usage",
        });
        Assert.Equal(HttpStatusCode.Redirect, added);
        var (_, list) = await editor.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Contains(source, list.Notice());
        var row = Assert.Single(list.QuerySelectorAll("table.terms tbody tr"));
        Assert.Equal("rtl", row.QuerySelector("span[lang=ar]")!.GetAttribute("dir"));
        Assert.Contains("industry garden | factory park", row.TextContent);

        var editUrl = row.QuerySelectorAll("td.actions a")[0].GetAttribute("href")!;
        var (_, editor1) = await editor.GetAsync(editUrl);
        Assert.Equal("industrial park", ((IHtmlInputElement)editor1.QuerySelector("#target-en")!).Value);
        Assert.True(((IHtmlInputElement)editor1.QuerySelector("#Source")!).IsReadOnly);
        Assert.Equal("industry garden\nfactory park", ((IHtmlTextAreaElement)editor1.QuerySelector("#forbidden-en")!).Value);

        var (edited, _, _) = await editor.PostFormAsync(editUrl, "main form.term-editor", new() { ["Targets[en]"] = "industrial zone", ["Targets[ar]"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, edited);
        var (_, afterEdit) = await editor.GetAsync($"{Screen}?q={Uri.EscapeDataString(source)}");
        row = Assert.Single(afterEdit.QuerySelectorAll("table.terms tbody tr"));
        Assert.Contains("industrial zone", row.TextContent);
        Assert.Null(row.QuerySelector("span[lang=ar]"));

        var deleteUrl = row.QuerySelector("td.actions a[href$='/delete']")!.GetAttribute("href")!;
        var (_, confirm) = await editor.GetAsync(deleteUrl);
        Assert.Contains(source, confirm.QuerySelector("h1")!.TextContent);
        Assert.Single(afterEdit.QuerySelectorAll("table.terms tbody tr")); // asking deleted nothing
        var (deleted, _, _) = await editor.PostFormAsync(deleteUrl, "main form", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted);
        var (_, afterDelete) = await editor.GetAsync($"{Screen}?q={Uri.EscapeDataString(source)}");
        Assert.Empty(afterDelete.QuerySelectorAll("table.terms tbody tr"));
    }

    [Fact]
    public async Task A_refused_term_comes_back_with_the_precise_messages_and_everything_that_was_typed()
    {
        var editor = await EditorAsync();
        var (status, page, _) = await editor.PostFormAsync($"{Screen}/terms/new", "main form.term-editor", new()
        {
            ["Source"] = "  ", ["Targets[en]"] = "kept translation", ["Targets[xx-YY]"] = "made-up culture", ["Forbidden[fr]"] = "un\ndeux", ["Note"] = "kept note",
        });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = page.ErrorMessages();
        Assert.Contains(errors, e => e.StartsWith("source is required", StringComparison.Ordinal));
        Assert.Contains("'xx-YY' is not a culture enabled on this platform.", errors);
        Assert.Equal("true", page.QuerySelector("#Source")!.GetAttribute("aria-invalid"));
        Assert.Equal("kept translation", ((IHtmlInputElement)page.QuerySelector("#target-en")!).Value);
        Assert.Equal("made-up culture", ((IHtmlInputElement)page.QuerySelector("#target-xx-YY")!).Value);
        Assert.Equal("un\ndeux", ((IHtmlTextAreaElement)page.QuerySelector("#forbidden-fr")!).Value);
        Assert.Equal("kept note", ((IHtmlTextAreaElement)page.QuerySelector("#Note")!).Value);

        var (unknownSource, unknownPage, _) = await editor.PostFormAsync($"{Screen}/terms/new", "main form.term-editor", new()
        {
            ["SourceCulture"] = "tlh", ["Source"] = $"词{Unique()}", ["Targets[en]"] = "word",
        });
        Assert.Equal(HttpStatusCode.BadRequest, unknownSource);
        Assert.Contains("'tlh' is not a culture enabled on this platform.", unknownPage.ErrorMessages());
        Assert.Equal("tlh", ((IHtmlSelectElement)unknownPage.QuerySelector("#SourceCulture")!).Value);
    }

    [Fact]
    public async Task A_csv_import_adds_its_terms_and_a_file_with_a_bad_line_names_it_and_stores_nothing()
    {
        var editor = await EditorAsync();
        var unique = Unique();
        var good = $"\uFEFFsource_culture,source,do_not_translate,target:en,forbidden:en\nzh-CN,链主{unique},,chain leader,chain master\nzh-CN,SANY{unique},yes,,\n";
        var (imported, _, response) = await editor.UploadAsync(Screen, "csv", "terms.csv", Encoding.UTF8.GetBytes(good));
        Assert.Equal(HttpStatusCode.Redirect, imported);
        var (_, list) = await editor.GetAsync($"{response.Headers.Location!.OriginalString}?q={unique}");
        Assert.Equal("2 terms imported from terms.csv.", list.Notice());
        Assert.Equal(2, list.QuerySelectorAll("table.terms tbody tr").Length);

        var bad = $"source_culture,source,target:en\nzh-CN,好{unique},good\nzh-CN,,nothing\nzh-CN,坏{unique},\n";
        var (refused, page, _) = await editor.UploadAsync(Screen, "csv", "bad.csv", Encoding.UTF8.GetBytes(bad));
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        var errors = page.ErrorMessages();
        Assert.Contains("Nothing was imported from bad.csv:", page.QuerySelector("main .errors")!.TextContent);
        Assert.Contains(errors, e => e.StartsWith("line 3: source is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith($"line 4: '坏{unique}' needs a translation", StringComparison.Ordinal));
        Assert.Equal("csv", ((IHtmlSelectElement)page.QuerySelector("#termbase-import-format")!).Value);
        var (_, after) = await editor.GetAsync($"{Screen}?q={Uri.EscapeDataString($"好{unique}")}");
        Assert.Empty(after.QuerySelectorAll("table.terms tbody tr"));

        var (malformed, malformedPage, _) = await editor.UploadAsync(Screen, "csv", "wrong.csv", Encoding.UTF8.GetBytes("source,colour\n甲,red\n"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed);
        Assert.Contains(malformedPage.ErrorMessages(), e => e.Contains("colour", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tbx_file_downloaded_from_one_termbase_imports_into_another_and_broken_xml_is_refused()
    {
        var curator = await AdminSession.SignInAsync(app, Seed.Curator.Email);
        var unique = Unique();
        Assert.Equal(HttpStatusCode.Redirect, (await curator.PostFormAsync("/admin/termbases/shared/terms/new", "main form.term-editor", new()
        {
            ["Source"] = $"专精特新{unique}", ["Targets[en]"] = "specialized and innovative", ["Forbidden[en]"] = "special new",
        })).Status);
        using var download = await curator.Client.GetAsync("/admin/termbases/shared?handler=tbx");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("termbase-shared.tbx", download.Content.Headers.ContentDisposition!.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName);
        var tbx = await download.Content.ReadAsByteArrayAsync();
        using var csv = await curator.Client.GetAsync("/admin/termbases/shared?handler=csv");
        Assert.StartsWith("\uFEFFsource_culture", Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);

        var editorB = await AdminSession.SignInAsync(app, Seed.EditorB.Email);
        var screenB = $"/admin/termbases/{Seed.EnterpriseB}";
        var (imported, _, _) = await editorB.UploadAsync(screenB, "tbx", "shared.tbx", tbx);
        Assert.Equal(HttpStatusCode.Redirect, imported);
        var (_, list) = await editorB.GetAsync($"{screenB}?q={unique}");
        var row = Assert.Single(list.QuerySelectorAll("table.terms tbody tr"));
        Assert.Contains("specialized and innovative", row.TextContent);
        Assert.Contains("special new", row.TextContent);

        var (broken, page, _) = await editorB.UploadAsync(screenB, "tbx", "broken.tbx", Encoding.UTF8.GetBytes("<tbx><text><body><conceptEntry><langSec"));
        Assert.Equal(HttpStatusCode.BadRequest, broken);
        Assert.Contains(page.ErrorMessages(), e => e.StartsWith("The file is not well-formed XML", StringComparison.Ordinal));
        Assert.Equal("tbx", ((IHtmlSelectElement)page.QuerySelector("#termbase-import-format")!).Value);
    }

    [Fact]
    public async Task An_oversize_upload_is_refused_with_its_size_and_the_limit_before_it_is_read()
    {
        var editor = await EditorAsync();
        var (status, page, _) = await editor.UploadAsync(Screen, "csv", "huge.csv", new byte[3 * 1024 * 1024]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        var message = Assert.Single(page.ErrorMessages());
        Assert.Contains("at most 2,097,152 bytes", message);
        Assert.NotNull(page.QuerySelector("main form[enctype='multipart/form-data'] input[type=file]"));

        var (empty, emptyPage, _) = await editor.UploadAsync(Screen, "csv", "empty.csv", []);
        Assert.Equal(HttpStatusCode.BadRequest, empty);
        Assert.Contains("Choose a file to import.", emptyPage.ErrorMessages());
    }

    [Fact]
    public async Task A_reader_who_may_not_write_sees_no_forms_and_is_refused_on_post()
    {
        var editor = await EditorAsync();
        var source = $"读者{Unique()}";
        await editor.PostFormAsync($"{Screen}/terms/new", "main form.term-editor", new() { ["Source"] = source, ["Targets[en]"] = "reader" });

        var reviewer = await AdminSession.SignInAsync(app, Seed.ReviewerA.Email);
        var (status, page) = await reviewer.GetAsync($"{Screen}?q={Uri.EscapeDataString(source)}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Single(page.QuerySelectorAll("table.terms tbody tr"));
        Assert.Empty(page.QuerySelectorAll("main form[method=post]"));
        Assert.Empty(page.QuerySelectorAll("main a[href$='/terms/new'], main td.actions"));
        Assert.NotNull(page.QuerySelector("main a[href$='?handler=csv']"));

        // The token of the page's own (language) form, so the refusal is the permission's, not antiforgery's.
        var (refused, _, post) = await reviewer.PostWithTokenAsync(page, $"{Screen}/terms/new", new() { ["Source"] = $"不许{Unique()}", ["Targets[en]"] = "no" });
        Assert.Equal(HttpStatusCode.Redirect, refused);
        Assert.StartsWith("/admin/denied", post.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var (_, denied) = await reviewer.GetAsync(post.Headers.Location.PathAndQuery);
        Assert.Equal("Not allowed", denied.QuerySelector("h1")!.TextContent);

        var (editorPage, _) = await reviewer.GetAsync($"{Screen}/terms/new");
        Assert.Equal(HttpStatusCode.Redirect, editorPage);
        using var upload = new MultipartFormDataContent { { new StringContent(page.Token()), "__RequestVerificationToken" }, { new StringContent("csv"), "format" } };
        using var import = await reviewer.Client.PostAsync($"{Screen}/import", upload);
        Assert.Equal(HttpStatusCode.Redirect, import.StatusCode);
        Assert.StartsWith("/admin/denied", import.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_outsider_gets_404_and_a_term_of_another_termbase_is_not_found_here()
    {
        var editorB = await AdminSession.SignInAsync(app, Seed.EditorB.Email);
        Assert.Equal(HttpStatusCode.NotFound, (await editorB.GetAsync(Screen)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await editorB.GetAsync($"{Screen}/import")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await editorB.GetAsync($"{Screen}?handler=csv")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await editorB.GetAsync("/admin/termbases/no-such-enterprise")).Status);

        // A term of B's termbase, addressed through A's: not found there, and the typed edit is kept on the page.
        var source = $"乙{Unique()}";
        await editorB.PostFormAsync($"/admin/termbases/{Seed.EnterpriseB}/terms/new", "main form.term-editor", new() { ["Source"] = source, ["Targets[en]"] = "B's" });
        var (_, listB) = await editorB.GetAsync($"/admin/termbases/{Seed.EnterpriseB}?q={Uri.EscapeDataString(source)}");
        var editB = listB.QuerySelector("table.terms td.actions a")!.GetAttribute("href")!;
        var termId = editB.Split('/').Last();

        var editorA = await EditorAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await editorA.GetAsync($"{Screen}/terms/{termId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await editorA.GetAsync($"{Screen}/terms/{termId}/delete")).Status);
        var (_, form) = await editorA.GetAsync($"{Screen}/terms/new");
        var (edit, page, _) = await editorA.PostWithTokenAsync(form, $"{Screen}/terms/{termId}", new() { ["Targets[en]"] = "typed by A", ["Note"] = "A's note" });
        Assert.Equal(HttpStatusCode.NotFound, edit);
        Assert.Contains($"The term {termId} is not in the termbase “{Seed.EnterpriseA}”.", page.ErrorMessages());
        Assert.Equal("typed by A", ((IHtmlInputElement)page.QuerySelector("#target-en")!).Value);
        Assert.Equal("A's note", ((IHtmlTextAreaElement)page.QuerySelector("#Note")!).Value);

        var (delete, deletePage, _) = await editorA.PostWithTokenAsync(form, $"{Screen}/terms/{termId}/delete");
        Assert.Equal(HttpStatusCode.NotFound, delete);
        Assert.Contains($"Term {termId} is not in this termbase.", deletePage.ErrorMessages());
        Assert.Single((await editorB.GetAsync($"/admin/termbases/{Seed.EnterpriseB}?q={Uri.EscapeDataString(source)}")).Page.QuerySelectorAll("table.terms tbody tr"));
    }

    [Fact]
    public async Task The_picker_lists_the_shared_termbase_and_only_the_callers_enterprises_but_all_for_the_centre()
    {
        var (_, editorPicker) = await (await EditorAsync()).GetAsync("/admin/termbases");
        var links = editorPicker.QuerySelectorAll("main table a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/admin/termbases/shared", links);
        Assert.Contains($"/admin/termbases/{Seed.EnterpriseA}", links);
        Assert.DoesNotContain($"/admin/termbases/{Seed.EnterpriseB}", links);
        Assert.NotNull(editorPicker.QuerySelector("header nav a[href='/admin/termbases'][aria-current=page]"));

        var (_, curatorPicker) = await (await AdminSession.SignInAsync(app, Seed.Curator.Email)).GetAsync("/admin/termbases");
        var curatorLinks = curatorPicker.QuerySelectorAll("main table a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/admin/termbases/{Seed.EnterpriseA}", curatorLinks);
        Assert.Contains($"/admin/termbases/{Seed.EnterpriseB}", curatorLinks);
    }

    [Fact]
    public async Task The_chinese_interface_shows_chinese_labels()
    {
        var editor = await EditorAsync("zh-CN");
        var (_, page) = await editor.GetAsync(Screen);
        Assert.Equal($"术语库：{Seed.EnterpriseA}", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("源术语或译文包含", page.QuerySelector("label[for=termbase-q]")!.TextContent);
        Assert.Equal("导入术语", page.QuerySelector("#termbase-import-heading")!.TextContent);

        var (_, form) = await editor.GetAsync($"{Screen}/terms/new");
        Assert.Equal("源术语", form.QuerySelector("label[for=Source]")!.TextContent);
        Assert.EndsWith("译文", form.QuerySelector("#target-ar")!.GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.Equal("保存术语", form.QuerySelector("main form.term-editor button[type=submit]")!.TextContent);
    }
}

public sealed class TermbaseScreenOnSqlite(SqliteAppFactory app) : TermbaseScreenTests(app), IClassFixture<SqliteAppFactory>;

public sealed class TermbaseScreenOnPostgres(PostgresAppFactory app) : TermbaseScreenTests(app), IClassFixture<PostgresAppFactory>;
