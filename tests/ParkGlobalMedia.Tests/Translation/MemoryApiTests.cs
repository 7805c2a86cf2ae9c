using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ParkGlobalMedia.Tests.Infrastructure;
using ParkGlobalMedia.Translation.Memory;

namespace ParkGlobalMedia.Tests.Translation;

/// <summary>
/// Translation memories: exact matches after normalization, fuzzy matches with the difference, an enterprise's own
/// units before shared ones, TMX out and in with inline tags, and the termbases' permissions. Runs once per provider.
/// </summary>
public abstract class MemoryApiTests(AppFactory app)
{
    private Seed Seed => app.Seed;

    private static object Unit(string source, string target, string to = "en") => new { sourceCulture = "zh-CN", targetCulture = to, source, target };

    [Fact]
    public async Task The_same_sentence_with_other_spacing_or_punctuation_is_an_exact_match_and_a_close_one_is_offered_with_the_difference()
    {
        var editor = app.Api(Seed.EditorA.Token);
        var unique = Guid.NewGuid().ToString("N")[..4];
        var (status, _, _) = await editor.SendAsync(HttpMethod.Put, $"/api/v1/memories/{Seed.EnterpriseA}/units",
            Unit($"湘江重工{unique}在长沙高新区投产了新的智能生产线。", $"Xiangjiang {unique} opened a new smart line in Changsha."));
        Assert.Equal(HttpStatusCode.OK, status);

        var exact = await MatchesAsync(editor, $" 湘江重工{unique}在长沙高新区投产了新的智能生产线. ");
        Assert.Equal($"Xiangjiang {unique} opened a new smart line in Changsha.", exact["exact"]!["target"]!.GetValue<string>());

        var close = await MatchesAsync(editor, $"湘江重工{unique}在长沙高新区投产了新的焊接生产线。");
        Assert.Null(close["exact"]);
        var fuzzy = Assert.Single(close["fuzzy"]!.AsArray())!;
        Assert.InRange(fuzzy["similarity"]!.GetValue<double>(), 0.75, 0.99);
        var difference = fuzzy["difference"]!.AsArray().Select(p => (p!["kind"]!.GetValue<string>(), p["text"]!.GetValue<string>())).ToList();
        Assert.Contains(("removed", "智能"), difference);
        Assert.Contains(("added", "焊接"), difference);

        var far = await MatchesAsync(editor, "完全不同的一句话，讲的是别的事情。");
        Assert.Null(far["exact"]);
        Assert.Empty(far["fuzzy"]!.AsArray());
    }

    [Fact]
    public async Task An_enterprises_own_unit_wins_over_the_shared_one()
    {
        var unique = Guid.NewGuid().ToString("N")[..4];
        var source = $"园区{unique}欢迎您。";
        await app.Api(Seed.Curator.Token).SendAsync(HttpMethod.Put, "/api/v1/memories/shared/units", Unit(source, "The park welcomes you (shared)."));
        var editor = app.Api(Seed.EditorA.Token);
        Assert.Equal("The park welcomes you (shared).", (await MatchesAsync(editor, source))["exact"]!["target"]!.GetValue<string>());

        await editor.SendAsync(HttpMethod.Put, $"/api/v1/memories/{Seed.EnterpriseA}/units", Unit(source, "Welcome to our park."));
        Assert.Equal("Welcome to our park.", (await MatchesAsync(editor, source))["exact"]!["target"]!.GetValue<string>());
        Assert.Equal("The park welcomes you (shared).", (await MatchesAsync(app.Api(Seed.EditorB.Token), source, Seed.EnterpriseB))["exact"]!["target"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_memory_goes_out_as_tmx_and_comes_back_with_its_inline_tags()
    {
        var editor = app.Api(Seed.EditorA.Token);
        var unique = Guid.NewGuid().ToString("N")[..4];
        await editor.SendAsync(HttpMethod.Put, $"/api/v1/memories/{Seed.EnterpriseA}/units",
            Unit($"请阅读<g id=\"1\">年度报告{unique}</g>并运行<x id=\"2\"/>。", $"Read <g id=\"1\">the annual report {unique}</g> and run <x id=\"2\"/> &amp; more.", "fr"));

        var tmx = await editor.GetStringAsync($"/api/v1/memories/{Seed.EnterpriseA}/units.tmx");
        Assert.Contains("<tmx version=\"1.4\"", tmx);
        Assert.Contains($"<g id=\"1\">年度报告{unique}</g>", tmx);

        var other = app.Api(Seed.EditorB.Token);
        var imported = await other.PostAsync($"/api/v1/memories/{Seed.EnterpriseB}/units.tmx", new StringContent(tmx, Encoding.UTF8, "application/x-tmx+xml"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var (_, units, _) = await other.ReadAsync($"/api/v1/memories/{Seed.EnterpriseB}/units?targetCulture=fr");
        var unit = Assert.Single(units!.AsArray(), u => u!["source"]!.GetValue<string>().Contains(unique, StringComparison.Ordinal))!;
        Assert.Equal($"Read <g id=\"1\">the annual report {unique}</g> and run <x id=\"2\"/> &amp; more.", unit["target"]!.GetValue<string>());
        Assert.Equal("import", unit["origin"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bad_input_and_outsiders_get_precise_answers()
    {
        var editor = app.Api(Seed.EditorA.Token);
        var (status, problem, _) = await editor.SendAsync(HttpMethod.Put, $"/api/v1/memories/{Seed.EnterpriseA}/units", new { sourceCulture = "zh-CN", targetCulture = "xx-YY", source = "甲", target = "" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(problem!["errors"]!["targetCulture"]);
        Assert.NotNull(problem["errors"]!["target"]);

        Assert.Equal(HttpStatusCode.NotFound, (await app.Api(Seed.EditorB.Token).ReadAsync($"/api/v1/memories/{Seed.EnterpriseA}/units")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.SendAsync(HttpMethod.Put, "/api/v1/memories/shared/units", Unit("甲", "A"))).Status);

        var broken = await editor.PostAsync($"/api/v1/memories/{Seed.EnterpriseA}/units.tmx", new StringContent("<tmx><body><tu>", Encoding.UTF8, "application/xml"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        var wrongPair = await editor.PostAsync($"/api/v1/memories/{Seed.EnterpriseA}/units.tmx", new StringContent(
            "<tmx version=\"1.4\"><header srclang=\"zh-CN\"/><body><tu><tuv xml:lang=\"zh-CN\"><seg>甲</seg></tuv><tuv xml:lang=\"tlh\"><seg>A</seg></tuv></tu></body></tmx>",
            Encoding.UTF8, "application/xml"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongPair.StatusCode);
        Assert.Contains("line 1", await wrongPair.Content.ReadAsStringAsync());
    }

    private async Task<JsonNode> MatchesAsync(HttpClient client, string source, string? enterprise = null)
    {
        var (status, body, _) = await client.ReadAsync(
            $"/api/v1/memories/{enterprise ?? Seed.EnterpriseA}/matches?sourceCulture=zh-CN&targetCulture=en&source={Uri.EscapeDataString(source)}");
        Assert.Equal(HttpStatusCode.OK, status);
        return body!;
    }
}

public sealed class MemoryApiOnSqlite(SqliteAppFactory app) : MemoryApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class MemoryApiOnPostgres(PostgresAppFactory app) : MemoryApiTests(app), IClassFixture<PostgresAppFactory>;

/// <summary>The similarity and difference measures on their own.</summary>
public sealed class MemoryMeasureTests
{
    [Theory]
    [InlineData("第一段。", "第一段.", true)]
    [InlineData(" 第一段 ", "第一段", true)]
    [InlineData("Ｈｅｌｌｏ，World!", "hello, world", true)]
    [InlineData("第一段", "第二段", false)]
    [InlineData("运行<x id=\"1\"/>", "运行<x id=\"2\"/>", false)]
    public void Exact_keys_ignore_width_case_spacing_and_punctuation_but_not_words_or_tags(string a, string b, bool same) =>
        Assert.Equal(same, TranslationMemory.Key(a) == TranslationMemory.Key(b));

    [Fact]
    public void Similarity_counts_characters_so_chinese_and_emoji_are_measured_fairly()
    {
        Assert.Equal(1, TranslationMemory.Similarity("园区", "园区"));
        Assert.Equal(0.75, TranslationMemory.Similarity("长沙园区", "长沙港区"));
        Assert.Equal(0.5, TranslationMemory.Similarity("👩‍🔧🇨🇳", "👩‍🔧🇺🇸"));
    }
}
