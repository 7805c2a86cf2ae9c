using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ParkGlobalMedia.Tests.Infrastructure;
using ParkGlobalMedia.Translation.Glossary;

namespace ParkGlobalMedia.Tests.Translation;

/// <summary>
/// The provincial termbase and each enterprise's own: who may read and change them, what a term must be, CSV in and
/// out, and which terms a translation of an enterprise's text gets. Runs once per provider.
/// </summary>
public abstract class TermbaseApiTests(AppFactory app)
{
    private Seed Seed => app.Seed;

    private static object Term(string source, string? en = null, string? fr = null, bool dnt = false, string[]? forbiddenEn = null) => new
    {
        sourceCulture = "zh-CN",
        source,
        targets = new Dictionary<string, string?> { ["en"] = en, ["fr"] = fr }.Where(t => t.Value is not null).ToDictionary(t => t.Key, t => t.Value),
        doNotTranslate = dnt,
        forbidden = forbiddenEn is null ? null : new Dictionary<string, string[]> { ["en"] = forbiddenEn },
    };

    [Fact]
    public async Task An_enterprise_term_wins_over_the_shared_one_and_names_apply_to_every_culture()
    {
        var curator = app.Api(Seed.Curator.Token);
        var editor = app.Api(Seed.EditorA.Token);
        var unique = Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(HttpStatusCode.OK, (await curator.SendAsync(HttpMethod.Put, "/api/v1/termbases/shared/terms", Term($"园区{unique}", en: "industrial park", fr: "parc industriel"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await curator.SendAsync(HttpMethod.Put, "/api/v1/termbases/shared/terms", Term($"链主{unique}", en: "chain leader"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await editor.SendAsync(HttpMethod.Put, $"/api/v1/termbases/{Seed.EnterpriseA}/terms", Term($"园区{unique}", en: "park"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await editor.SendAsync(HttpMethod.Put, $"/api/v1/termbases/{Seed.EnterpriseA}/terms", Term($"SANY{unique}", dnt: true))).Status);

        var enterpriseId = await app.WithScopeAsync(s => Task.FromResult(s.GetRequiredService<ParkGlobalMedia.Platform.Data.AppDbContext>().Enterprises.First(e => e.Slug == Seed.EnterpriseA).Id));
        var terms = await app.WithScopeAsync(s => s.GetRequiredService<Termbase>().TermsForAsync(
            enterpriseId, "zh-CN", ["en", "fr"], [$"SANY{unique} 是园区{unique}的链主{unique}。"], CancellationToken.None));

        Assert.Equal(
            [($"SANY{unique}", $"SANY{unique}", true), ($"园区{unique}", "park", false), ($"链主{unique}", "chain leader", false)],
            terms["en"].Select(t => (t.Source, t.Target, t.DoNotTranslate)).OrderBy(t => t.Source, StringComparer.Ordinal));
        // The enterprise's 园区 has no French, so French gets no 园区 term (not the shared one, which it overrides).
        Assert.Equal([$"SANY{unique}"], terms["fr"].Select(t => t.Source));
    }

    [Fact]
    public async Task Saving_the_same_source_again_changes_the_term_instead_of_adding_one()
    {
        var editor = app.Api(Seed.EditorA.Token);
        var source = $"专精特新{Guid.NewGuid():N}"[..12];
        await editor.SendAsync(HttpMethod.Put, $"/api/v1/termbases/{Seed.EnterpriseA}/terms", Term(source, en: "specialized"));
        var (_, second, _) = await editor.SendAsync(HttpMethod.Put, $"/api/v1/termbases/{Seed.EnterpriseA}/terms", Term(source, en: "specialized and innovative", forbiddenEn: ["little giant"]));
        Assert.Equal("specialized and innovative", second!["targets"]!["en"]!.GetValue<string>());

        var (_, list, _) = await editor.ReadAsync($"/api/v1/termbases/{Seed.EnterpriseA}/terms?q={Uri.EscapeDataString(source)}");
        var term = Assert.Single(list!.AsArray());
        Assert.Equal("little giant", term!["forbidden"]!["en"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_the_centre_changes_the_shared_termbase_and_an_enterprises_termbase_is_its_own()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(Seed.EditorA.Token).SendAsync(HttpMethod.Put, "/api/v1/termbases/shared/terms", Term("园区", en: "park"))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api(Seed.EditorB.Token).ReadAsync($"/api/v1/termbases/{Seed.EnterpriseA}/terms")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api(Seed.EditorB.Token).SendAsync(HttpMethod.Put, $"/api/v1/termbases/{Seed.EnterpriseA}/terms", Term("园区", en: "park"))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Api(Seed.ReviewerA.Token).SendAsync(HttpMethod.Put, $"/api/v1/termbases/{Seed.EnterpriseA}/terms", Term("园区", en: "park"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await app.Api(Seed.ReviewerA.Token).ReadAsync($"/api/v1/termbases/{Seed.EnterpriseA}/terms")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().ReadAsync("/api/v1/termbases/shared/terms")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api(Seed.Admin.Token).ReadAsync("/api/v1/termbases/no-such-enterprise/terms")).Status);
    }

    [Theory]
    [InlineData("", "en", "park", false, "source")]
    [InlineData("园区", "xx-YY", "park", false, "targets")]
    [InlineData("园区", "en", "", false, "targets")]
    [InlineData("园区", "en", null, false, "targets")]
    public async Task A_bad_term_is_refused_naming_its_field_and_nothing_is_saved(string source, string culture, string? target, bool dnt, string field)
    {
        var editor = app.Api(Seed.EditorA.Token);
        var body = new { sourceCulture = "zh-CN", source, targets = target is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [culture] = target }, doNotTranslate = dnt };
        var (status, problem, _) = await editor.SendAsync(HttpMethod.Put, $"/api/v1/termbases/{Seed.EnterpriseB}/terms", body);
        Assert.Equal(HttpStatusCode.NotFound, status); // editor A cannot even see B's termbase

        (status, problem, _) = await app.Api(Seed.EditorB.Token).SendAsync(HttpMethod.Put, $"/api/v1/termbases/{Seed.EnterpriseB}/terms", body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(problem!["errors"]![field]);
    }

    [Fact]
    public async Task A_termbase_goes_out_as_csv_and_comes_back_into_another_one_unchanged()
    {
        var curator = app.Api(Seed.Curator.Token);
        var unique = Guid.NewGuid().ToString("N")[..6];
        await curator.SendAsync(HttpMethod.Put, "/api/v1/termbases/shared/terms", new
        {
            sourceCulture = "zh-CN", source = $"长沙高新区{unique}",
            targets = new Dictionary<string, string> { ["en"] = "Changsha National High-tech Industrial Development Zone, \"CSHTZ\"", ["ar"] = "منطقة تشانغشا" },
            forbidden = new Dictionary<string, string[]> { ["en"] = ["Changsha Hi-Tech Park", "=SUM(1)"] },
            note = "=1+1, then\nline two", partOfSpeech = "noun",
        });

        var export = await curator.GetAsync("/api/v1/termbases/shared/terms.csv");
        Assert.Equal("text/csv", export.Content.Headers.ContentType!.MediaType);
        var csv = Encoding.UTF8.GetString((await export.Content.ReadAsByteArrayAsync()).AsSpan(3)); // after the byte order mark
        Assert.Contains("\"'=1+1, then", csv); // a cell starting with = is never a formula in a spreadsheet

        var editor = app.Api(Seed.EditorB.Token);
        var imported = await PostCsvAsync(editor, $"/api/v1/termbases/{Seed.EnterpriseB}/terms.csv", csv);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);

        var (_, list, _) = await editor.ReadAsync($"/api/v1/termbases/{Seed.EnterpriseB}/terms?q={unique}");
        var term = Assert.Single(list!.AsArray())!;
        Assert.Equal("Changsha National High-tech Industrial Development Zone, \"CSHTZ\"", term["targets"]!["en"]!.GetValue<string>());
        Assert.Equal("منطقة تشانغشا", term["targets"]!["ar"]!.GetValue<string>());
        Assert.Equal(["Changsha Hi-Tech Park", "=SUM(1)"], term["forbidden"]!["en"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal("=1+1, then\nline two", term["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_csv_with_one_bad_row_names_its_line_and_imports_nothing()
    {
        var editor = app.Api(Seed.EditorB.Token);
        var unique = Guid.NewGuid().ToString("N")[..6];
        var csv = $"source,target:en,note\n好词{unique},good word,\n\"坏词{unique}\",,\"a note\nover two lines\"\n重复{unique},x,\n重复{unique},y,\n";
        var refused = await PostCsvAsync(editor, $"/api/v1/termbases/{Seed.EnterpriseB}/terms.csv", csv);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        var messages = problem["errors"]!.AsObject().SelectMany(e => e.Value!.AsArray().Select(m => m!.GetValue<string>())).ToList();
        Assert.Contains(messages, m => m.StartsWith("line 3:", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("line 6:", StringComparison.Ordinal) && m.Contains("line 5", StringComparison.Ordinal));
        var (_, list, _) = await editor.ReadAsync($"/api/v1/termbases/{Seed.EnterpriseB}/terms?q={unique}");
        Assert.Empty(list!.AsArray());

        var unknownColumn = await PostCsvAsync(editor, $"/api/v1/termbases/{Seed.EnterpriseB}/terms.csv", "source,translation\n园区,park\n");
        Assert.Equal(HttpStatusCode.BadRequest, unknownColumn.StatusCode);
        Assert.Contains("translation", await unknownColumn.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> PostCsvAsync(HttpClient client, string url, string csv)
    {
        var content = new StringContent(csv, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        return client.PostAsync(url, content);
    }
}

public sealed class TermbaseApiOnSqlite(SqliteAppFactory app) : TermbaseApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class TermbaseApiOnPostgres(PostgresAppFactory app) : TermbaseApiTests(app), IClassFixture<PostgresAppFactory>;

/// <summary>TBX-Basic out and in, and hostile XML refused. Database-light, so once (SQLite).</summary>
public sealed class TermbaseTbxTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task A_termbase_goes_out_as_tbx_and_comes_back_with_names_and_forbidden_terms()
    {
        var curator = app.Api(app.Seed.Curator.Token);
        var unique = Guid.NewGuid().ToString("N")[..6];
        await curator.SendAsync(HttpMethod.Put, "/api/v1/termbases/shared/terms", new
        {
            sourceCulture = "zh-CN", source = $"链主{unique}", targets = new Dictionary<string, string> { ["en"] = "chain leader", ["ru"] = "лидер цепочки" },
            forbidden = new Dictionary<string, string[]> { ["en"] = ["chain master"] }, partOfSpeech = "noun", note = "企业 & <链>",
        });
        await curator.SendAsync(HttpMethod.Put, "/api/v1/termbases/shared/terms", new { sourceCulture = "zh-CN", source = $"SANY{unique}", doNotTranslate = true });

        var tbx = await curator.GetStringAsync("/api/v1/termbases/shared/terms.tbx");
        Assert.Contains("urn:iso:std:iso:30042:ed-2", tbx);
        Assert.Contains("deprecatedTerm-admn-sts", tbx);

        var editor = app.Api(app.Seed.EditorA.Token);
        var imported = await editor.PostAsync($"/api/v1/termbases/{app.Seed.EnterpriseA}/terms.tbx", new StringContent(tbx, Encoding.UTF8, "application/x-tbx+xml"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);

        var (_, list, _) = await editor.ReadAsync($"/api/v1/termbases/{app.Seed.EnterpriseA}/terms?q={unique}");
        var terms = list!.AsArray().ToDictionary(t => t!["source"]!.GetValue<string>());
        var leader = terms[$"链主{unique}"]!;
        Assert.Equal("лидер цепочки", leader["targets"]!["ru"]!.GetValue<string>());
        Assert.Equal("chain master", leader["forbidden"]!["en"]![0]!.GetValue<string>());
        Assert.Equal(("noun", "企业 & <链>"), (leader["partOfSpeech"]!.GetValue<string>(), leader["note"]!.GetValue<string>()));
        Assert.True(terms[$"SANY{unique}"]!["doNotTranslate"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE tbx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><tbx><text><body/></text></tbx>", "DTD")]
    [InlineData("<tbx><text><body><conceptEntry><langSec", "well-formed")]
    [InlineData("<martif/>", "root element must be <tbx>")]
    public async Task Hostile_or_broken_tbx_is_refused_precisely(string xml, string expected)
    {
        var response = await app.Api(app.Seed.EditorA.Token).PostAsync($"/api/v1/termbases/{app.Seed.EnterpriseA}/terms.tbx", new StringContent(xml, Encoding.UTF8, "application/xml"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains(expected, problem["errors"]!["file"]![0]!.GetValue<string>());
    }
}
