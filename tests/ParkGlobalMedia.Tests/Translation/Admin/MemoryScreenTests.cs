using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using ParkGlobalMedia.Tests.Infrastructure;
using static ParkGlobalMedia.Tests.Translation.Admin.ScreenCalls;

namespace ParkGlobalMedia.Tests.Translation.Admin;

/// <summary>
/// The memory screens driven like a browser without script: units listed and filtered with right-to-left targets,
/// deleted after confirming, TMX in (all or nothing) and out, the match finder with the difference marked, refusals
/// that keep what was typed, read-only and outside callers, and the Chinese interface. Runs once per provider.
/// </summary>
public abstract class MemoryScreenTests(AppFactory app)
{
    private Seed Seed => app.Seed;
    private string Screen => $"/admin/memories/{Seed.EnterpriseA}";

    private async Task RememberAsync(string token, string memory, string source, string target, string to = "en")
    {
        var (status, body, _) = await app.Api(token).SendAsync(HttpMethod.Put, $"/api/v1/memories/{memory}/units",
            new { sourceCulture = "zh-CN", targetCulture = to, source, target });
        Assert.True(status == HttpStatusCode.OK, $"{status} {body.Json()}");
    }

    [Fact]
    public async Task Units_are_listed_by_target_culture_and_text_with_right_to_left_targets_and_an_editor_deletes_one_after_confirming()
    {
        var unique = Unique();
        await RememberAsync(Seed.EditorA.Token, Seed.EnterpriseA, $"欢迎来到园区{unique}。", $"Welcome to the park {unique}.");
        await RememberAsync(Seed.EditorA.Token, Seed.EnterpriseA, $"欢迎来到园区{unique}。", $"مرحبا بكم في المنطقة {unique}.", "ar");
        await RememberAsync(Seed.EditorA.Token, Seed.EnterpriseA, $"智能制造{unique}", $"Fabrication intelligente {unique}", "fr");
        var editor = await AdminSession.SignInAsync(app, Seed.EditorA.Email);

        var (_, all) = await editor.GetAsync($"{Screen}?q={unique}");
        Assert.Equal(3, all.QuerySelectorAll("table.units tbody tr").Length);
        var (_, arabic) = await editor.GetAsync($"{Screen}?target=ar&q={unique}");
        var row = Assert.Single(arabic.QuerySelectorAll("table.units tbody tr"));
        var target = row.QuerySelector("td[lang=ar]")!;
        Assert.Equal("rtl", target.GetAttribute("dir"));
        Assert.Equal("ltr", row.QuerySelector("td[lang=zh-CN]")!.GetAttribute("dir"));
        Assert.Contains("zh-CN → ar", row.TextContent);
        Assert.Equal("ar", ((IHtmlSelectElement)arabic.QuerySelector("#memory-target")!).Value);
        var (_, byText) = await editor.GetAsync($"{Screen}?q={Uri.EscapeDataString($"INTELLIGENTE {unique}")}");
        Assert.Contains("Fabrication", Assert.Single(byText.QuerySelectorAll("table.units tbody tr")).TextContent);

        var deleteUrl = row.QuerySelector("td.actions a")!.GetAttribute("href")!;
        var (_, confirm) = await editor.GetAsync(deleteUrl);
        Assert.Equal("rtl", confirm.QuerySelector("dd[lang=ar]")!.GetAttribute("dir"));
        var (deleted, _, response) = await editor.PostFormAsync(deleteUrl, "main form", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted);
        var (_, after) = await editor.GetAsync($"{response.Headers.Location!.OriginalString}?q={unique}");
        Assert.Equal("The unit was deleted.", after.Notice());
        Assert.Equal(2, after.QuerySelectorAll("table.units tbody tr").Length);
        Assert.Empty(after.QuerySelectorAll("table.units td[lang=ar]"));

        var (unknown, unknownPage) = await editor.GetAsync($"{Screen}?target=tlh");
        Assert.Equal(HttpStatusCode.BadRequest, unknown);
        Assert.Contains("'tlh' is not a culture enabled on this platform.", unknownPage.ErrorMessages());
        Assert.Equal("tlh", ((IHtmlSelectElement)unknownPage.QuerySelector("#memory-target")!).Value);
    }

    [Fact]
    public async Task A_tmx_import_adds_its_units_and_a_file_with_a_bad_unit_names_its_line_and_stores_nothing()
    {
        var editor = await AdminSession.SignInAsync(app, Seed.EditorA.Email);
        var unique = Unique();
        var good = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header srclang="zh-CN" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/>
            <body>
            <tu><tuv xml:lang="zh-CN"><seg>请阅读<g id="1">年度报告{unique}</g>。</seg></tuv><tuv xml:lang="en"><seg>Read <g id="1">the annual report {unique}</g>.</seg></tuv></tu>
            <tu><tuv xml:lang="zh-CN"><seg>谢谢{unique}</seg></tuv><tuv xml:lang="ar"><seg>شكرا {unique}</seg></tuv></tu>
            </body></tmx>
            """;
        var (imported, _, response) = await editor.UploadAsync(Screen, "tmx", "units.tmx", Encoding.UTF8.GetBytes(good));
        Assert.Equal(HttpStatusCode.Redirect, imported);
        var (_, list) = await editor.GetAsync($"{response.Headers.Location!.OriginalString}?q={unique}");
        Assert.Equal("2 units read from units.tmx.", list.Notice());
        Assert.Contains($"Read <g id=\"1\">the annual report {unique}</g>.", list.QuerySelector("table.units td[lang=en]")!.TextContent);
        Assert.Contains("imported", list.QuerySelector("table.units tbody tr")!.TextContent);

        var bad = good.Replace($"谢谢{unique}", $"再见{unique}", StringComparison.Ordinal).Replace("xml:lang=\"ar\"", "xml:lang=\"tlh\"", StringComparison.Ordinal)
            .Replace($"年度报告{unique}", $"季度报告{unique}", StringComparison.Ordinal);
        var (refused, page, _) = await editor.UploadAsync(Screen, "tmx", "bad.tmx", Encoding.UTF8.GetBytes(bad));
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Contains("line 5: 'zh-CN' → 'tlh' is not a pair of cultures enabled on this platform.", page.ErrorMessages());
        var (_, after) = await editor.GetAsync($"{Screen}?q={Uri.EscapeDataString($"季度报告{unique}")}");
        Assert.Empty(after.QuerySelectorAll("table.units tbody tr"));

        var (broken, brokenPage, _) = await editor.UploadAsync(Screen, "tmx", "broken.tmx", Encoding.UTF8.GetBytes("<tmx><body><tu>"));
        Assert.Equal(HttpStatusCode.BadRequest, broken);
        Assert.Contains(brokenPage.ErrorMessages(), e => e.StartsWith("The file is not well-formed XML", StringComparison.Ordinal));

        using var download = await editor.Client.GetAsync($"{Screen}?handler=tmx");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Contains($"<g id=\"1\">年度报告{unique}</g>", await download.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_match_finder_shows_the_exact_unit_and_a_close_one_with_the_difference_marked_in_words_and_lines()
    {
        var unique = Unique();
        await RememberAsync(Seed.EditorA.Token, Seed.EnterpriseA, $"湘江重工{unique}在长沙高新区投产了新的智能生产线。", $"Xiangjiang {unique} opened a new smart line.");
        var editor = await AdminSession.SignInAsync(app, Seed.EditorA.Email);

        var (status, page, _) = await editor.PostFormAsync($"{Screen}/matches", "main form.matches-form", new()
        {
            ["SourceCulture"] = "zh-CN", ["TargetCulture"] = "en", ["Source"] = $"湘江重工{unique}在长沙高新区投产了新的焊接生产线。",
        });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("No exact match.", page.QuerySelector("#exact-heading + p")!.TextContent);
        var match = Assert.Single(page.QuerySelectorAll("table.matches tbody tr"));
        Assert.Equal("[removed] 智能", match.QuerySelector("del")!.TextContent);
        Assert.Equal("[added] 焊接", match.QuerySelector("ins")!.TextContent);
        Assert.Equal("visually-hidden", match.QuerySelector("ins span")!.ClassName);
        Assert.Contains($"Xiangjiang {unique} opened a new smart line.", match.QuerySelector("td[lang=en]")!.TextContent);
        Assert.Equal($"湘江重工{unique}在长沙高新区投产了新的焊接生产线。", ((IHtmlTextAreaElement)page.QuerySelector("#Source")!).Value);

        var (_, exact, _) = await editor.PostFormAsync($"{Screen}/matches", "main form.matches-form", new()
        {
            ["Source"] = $" 湘江重工{unique}在长沙高新区投产了新的智能生产线. ",
        });
        Assert.Equal($"Xiangjiang {unique} opened a new smart line.", exact.QuerySelector(".exact-target")!.TextContent);
    }

    [Fact]
    public async Task A_refused_lookup_names_each_problem_and_keeps_the_typed_segment()
    {
        var editor = await AdminSession.SignInAsync(app, Seed.EditorA.Email);
        var (status, page, _) = await editor.PostFormAsync($"{Screen}/matches", "main form.matches-form", new()
        {
            ["SourceCulture"] = "tlh", ["TargetCulture"] = "en", ["Source"] = "   ",
        });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = page.ErrorMessages();
        Assert.Contains("'tlh' is not a culture enabled on this platform.", errors);
        Assert.Contains("source is required: the segment's tagged text.", errors);
        Assert.Equal("tlh", ((IHtmlSelectElement)page.QuerySelector("#SourceCulture")!).Value);
        Assert.Equal("true", page.QuerySelector("#Source")!.GetAttribute("aria-invalid"));

        var (_, kept, _) = await editor.PostFormAsync($"{Screen}/matches", "main form.matches-form", new() { ["TargetCulture"] = "xx-YY", ["Source"] = "保留这句话" });
        Assert.Equal("保留这句话", ((IHtmlTextAreaElement)kept.QuerySelector("#Source")!).Value);
        Assert.Equal("xx-YY", ((IHtmlSelectElement)kept.QuerySelector("#TargetCulture")!).Value);
    }

    [Fact]
    public async Task The_shared_memory_offers_its_own_units_to_every_member_but_only_the_centre_changes_it()
    {
        var unique = Unique();
        await RememberAsync(Seed.Curator.Token, "shared", $"省级共享句子{unique}。", $"A shared provincial sentence {unique}.");
        var editorB = await AdminSession.SignInAsync(app, Seed.EditorB.Email);
        var (_, list) = await editorB.GetAsync($"/admin/memories/shared?q={unique}");
        Assert.Single(list.QuerySelectorAll("table.units tbody tr"));
        Assert.Empty(list.QuerySelectorAll("main form[method=post], main td.actions"));

        var (_, found, _) = await editorB.PostFormAsync("/admin/memories/shared/matches", "main form.matches-form", new() { ["Source"] = $"省级共享句子{unique}." });
        Assert.Equal($"A shared provincial sentence {unique}.", found.QuerySelector(".exact-target")!.TextContent);
    }

    [Fact]
    public async Task A_reader_who_may_not_write_sees_no_forms_and_is_refused_on_post()
    {
        var unique = Unique();
        await RememberAsync(Seed.EditorA.Token, Seed.EnterpriseA, $"只读{unique}", $"Read only {unique}");
        var reviewer = await AdminSession.SignInAsync(app, Seed.ReviewerA.Email);
        var (status, page) = await reviewer.GetAsync($"{Screen}?q={unique}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Single(page.QuerySelectorAll("table.units tbody tr"));
        Assert.Empty(page.QuerySelectorAll("main form[method=post], main td.actions"));
        Assert.NotNull(page.QuerySelector("main a[href$='?handler=tmx']"));

        var (_, admin) = await (await AdminSession.SignInAsync(app, Seed.EditorA.Email)).GetAsync($"{Screen}?q={unique}");
        var deleteUrl = admin.QuerySelector("table.units td.actions a")!.GetAttribute("href")!;
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.GetAsync(deleteUrl)).Status);
        var (refused, _, delete) = await reviewer.PostWithTokenAsync(page, deleteUrl);
        Assert.Equal(HttpStatusCode.Redirect, refused);
        Assert.StartsWith("/admin/denied", delete.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Single((await reviewer.GetAsync($"{Screen}?q={unique}")).Page.QuerySelectorAll("table.units tbody tr"));
    }

    [Fact]
    public async Task An_outsider_gets_404_and_a_unit_of_another_memory_is_not_found_here()
    {
        var unique = Unique();
        await RememberAsync(Seed.EditorB.Token, Seed.EnterpriseB, $"乙方{unique}", $"Party B {unique}");
        var editorB = await AdminSession.SignInAsync(app, Seed.EditorB.Email);
        Assert.Equal(HttpStatusCode.NotFound, (await editorB.GetAsync(Screen)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await editorB.GetAsync($"{Screen}/matches")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await editorB.GetAsync($"{Screen}?handler=tmx")).Status);
        var (_, listB) = await editorB.GetAsync($"/admin/memories/{Seed.EnterpriseB}?q={unique}");
        var unitId = listB.QuerySelector("table.units td.actions a")!.GetAttribute("href")!.Split('/')[^2];

        var editorA = await AdminSession.SignInAsync(app, Seed.EditorA.Email);
        Assert.Equal(HttpStatusCode.NotFound, (await editorA.GetAsync($"{Screen}/units/{unitId}/delete")).Status);
        var (_, screen) = await editorA.GetAsync(Screen);
        var (delete, page, _) = await editorA.PostWithTokenAsync(screen, $"{Screen}/units/{unitId}/delete");
        Assert.Equal(HttpStatusCode.NotFound, delete);
        Assert.Contains($"Unit {unitId} is not in this memory.", page.ErrorMessages());
        Assert.Single((await editorB.GetAsync($"/admin/memories/{Seed.EnterpriseB}?q={unique}")).Page.QuerySelectorAll("table.units tbody tr"));
    }

    [Fact]
    public async Task The_chinese_interface_shows_chinese_labels()
    {
        var editor = await AdminSession.SignInAsync(app, Seed.EditorA.Email, "zh-CN");
        var (_, page) = await editor.GetAsync(Screen);
        Assert.Equal($"翻译记忆库：{Seed.EnterpriseA}", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("目标语言", page.QuerySelector("label[for=memory-target]")!.TextContent);
        Assert.Equal("翻译记忆库", page.QuerySelector("header nav a[href='/admin/memories']")!.TextContent);
        var (_, matches) = await editor.GetAsync($"{Screen}/matches");
        Assert.Equal("源句段", matches.QuerySelector("label[for=Source]")!.TextContent);
        Assert.Equal("查找匹配", matches.QuerySelector("main form.matches-form button")!.TextContent);
    }
}

public sealed class MemoryScreenOnSqlite(SqliteAppFactory app) : MemoryScreenTests(app), IClassFixture<SqliteAppFactory>;

public sealed class MemoryScreenOnPostgres(PostgresAppFactory app) : MemoryScreenTests(app), IClassFixture<PostgresAppFactory>;
