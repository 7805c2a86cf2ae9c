using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static ParkGlobalMedia.Tests.Infrastructure.Fakes.FakeDeepLTests;

namespace ParkGlobalMedia.Tests.Infrastructure.Fakes;

/// <summary>The fake DeepL's v2 glossaries: created from TSV or CSV, listed, read, deleted, and applied in translations.</summary>
public sealed class FakeDeepLGlossaryTests : IClassFixture<FakeDeepL>, IDisposable
{
    private readonly FakeDeepL _fake;
    private readonly HttpClient _client;

    public FakeDeepLGlossaryTests(FakeDeepL fake)
    {
        _fake = fake;
        _fake.Reset();
        _client = fake.CreateClient();
    }

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task A_glossary_created_from_tsv_replaces_its_source_terms_in_translations()
    {
        using var created = await SendAsync(HttpMethod.Post, "v2/glossaries", new
        {
            name = "Park terms",
            source_lang = "zh",
            target_lang = "en",
            entries = "三一\tSANY\n长沙高新区\tChangsha National High-tech Industrial Development Zone\n",
            entries_format = "tsv",
        });
        var id = (string)(await ReadCreatedAsync(created))["glossary_id"]!;

        using var response = await TranslateAsync(new { text = new[] { "三一在长沙高新区" }, source_lang = "ZH", target_lang = "EN-GB", glossary_id = id });

        Assert.Equal("[EN-GB] SANY在Changsha National High-tech Industrial Development Zone", (string)(await ReadTranslationsAsync(response))[0]!["text"]!);
    }

    [Fact]
    public async Task A_created_glossary_is_described_as_documented()
    {
        _fake.Clock = new ManualClock(new DateTimeOffset(2025, 3, 4, 5, 6, 7, 890, TimeSpan.Zero));

        using var created = await SendAsync(HttpMethod.Post, "v2/glossaries", new { name = "G", source_lang = "zh", target_lang = "fr", entries = "园区\tparc", entries_format = "tsv" });

        var glossary = await ReadCreatedAsync(created);
        Assert.True(Guid.TryParse((string)glossary["glossary_id"]!, out _));
        Assert.Equal(("G", true, "zh", "fr", 1), ((string)glossary["name"]!, (bool)glossary["ready"]!, (string)glossary["source_lang"]!, (string)glossary["target_lang"]!, (int)glossary["entry_count"]!));
        Assert.Equal("2025-03-04T05:06:07.890Z", (string)glossary["creation_time"]!);
    }

    [Fact]
    public async Task Csv_entries_may_quote_fields_with_commas_and_quotes()
    {
        using var created = await SendAsync(HttpMethod.Post, "v2/glossaries", new
        {
            name = "CSV",
            source_lang = "zh",
            target_lang = "en",
            entries = "\"链主\",\"chain leader, \"\"lead firm\"\"\"\n专精特新,specialised and innovative",
            entries_format = "csv",
        });
        var id = (string)(await ReadCreatedAsync(created))["glossary_id"]!;

        using var entries = await SendAsync(HttpMethod.Get, $"v2/glossaries/{id}/entries");

        Assert.Equal("text/tab-separated-values", entries.Content.Headers.ContentType?.MediaType);
        Assert.Equal("链主\tchain leader, \"lead firm\"\n专精特新\tspecialised and innovative", await entries.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("a\tb\na\tc")]
    [InlineData("no tab here")]
    [InlineData("a\t")]
    [InlineData("\n\n")]
    public async Task Invalid_entries_are_refused_with_a_reason(string entries)
    {
        using var response = await SendAsync(HttpMethod.Post, "v2/glossaries", new { name = "G", source_lang = "zh", target_lang = "en", entries, entries_format = "tsv" });

        await AssertMessageAsync(response, HttpStatusCode.BadRequest);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Invalid glossary entries provided", (string)body["message"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)body["detail"]));
        Assert.Empty(_fake.Glossaries);
    }

    [Theory]
    [InlineData("""{"source_lang":"zh","target_lang":"en","entries":"a\tb"}""")]
    [InlineData("""{"name":"G","source_lang":"zh","target_lang":"en-US","entries":"a\tb"}""")]
    [InlineData("""{"name":"G","source_lang":"en","target_lang":"EN","entries":"a\tb"}""")]
    [InlineData("""{"name":"G","source_lang":"zh","target_lang":"en","entries":"a\tb","entries_format":"xlsx"}""")]
    public async Task Glossaries_without_a_name_with_unusable_languages_or_format_are_refused(string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v2/glossaries") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", $"DeepL-Auth-Key {FakeDeepL.DefaultKey}");

        using var response = await _client.SendAsync(request);

        await AssertMessageAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_glossary_can_be_created_from_a_form_body()
    {
        using var form = new FormUrlEncodedContent([new("name", "Form"), new("source_lang", "zh"), new("target_lang", "es"), new("entries", "园区\tparque")]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "v2/glossaries") { Content = form };
        request.Headers.TryAddWithoutValidation("Authorization", $"DeepL-Auth-Key {FakeDeepL.DefaultKey}");

        using var response = await _client.SendAsync(request);

        Assert.Equal(1, (int)(await ReadCreatedAsync(response))["entry_count"]!);
    }

    [Fact]
    public async Task Glossaries_are_listed_read_and_deleted()
    {
        var first = _fake.AddGlossary("First", "zh", "en", ("三一", "SANY"));
        var second = _fake.AddGlossary("Second", "zh", "fr", ("园区", "parc"));

        using var list = await SendAsync(HttpMethod.Get, "v2/glossaries");
        using var one = await SendAsync(HttpMethod.Get, $"v2/glossaries/{second.Id}");
        using var deleted = await SendAsync(HttpMethod.Delete, $"v2/glossaries/{first.Id}");
        using var deletedAgain = await SendAsync(HttpMethod.Delete, $"v2/glossaries/{first.Id}");
        using var gone = await SendAsync(HttpMethod.Get, $"v2/glossaries/{first.Id}/entries");

        var listed = JsonNode.Parse(await list.Content.ReadAsStringAsync())!["glossaries"]!.AsArray();
        Assert.Equal(["First", "Second"], listed.Select(glossary => (string)glossary!["name"]!));
        Assert.Equal("Second", (string)JsonNode.Parse(await one.Content.ReadAsStringAsync())!["name"]!);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await AssertMessageAsync(deletedAgain, HttpStatusCode.NotFound);
        await AssertMessageAsync(gone, HttpStatusCode.NotFound);
        Assert.Equal([second.Id], _fake.Glossaries.Select(glossary => glossary.Id));
    }

    [Fact]
    public async Task Glossary_endpoints_need_the_key()
    {
        using var response = await _client.GetAsync("v2/glossaries");

        await AssertMessageAsync(response, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(null, "EN-US")]
    [InlineData("ZH", "FR")]
    [InlineData("EN", "EN-US")]
    public async Task A_glossary_needs_source_lang_and_its_own_language_pair(string? source, string target)
    {
        var glossary = _fake.AddGlossary("G", "zh", "en", ("三一", "SANY"));

        using var response = await TranslateAsync(new { text = new[] { "三一" }, source_lang = source, target_lang = target, glossary_id = glossary.Id });

        await AssertMessageAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unknown_glossary_is_refused()
    {
        using var response = await TranslateAsync(new { text = new[] { "三一" }, source_lang = "ZH", target_lang = "EN-US", glossary_id = Guid.NewGuid() });

        await AssertMessageAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Glossary_terms_inside_ignored_tags_stay_as_they_were()
    {
        var glossary = _fake.AddGlossary("G", "zh", "en", ("三一", "SANY"));

        using var response = await TranslateAsync(new
        {
            text = new[] { "三一<keep>三一</keep>" },
            source_lang = "ZH",
            target_lang = "EN-US",
            glossary_id = glossary.Id,
            tag_handling = "xml",
            ignore_tags = "keep",
        });

        Assert.Equal("[EN-US] SANY<keep>三一</keep>", (string)(await ReadTranslationsAsync(response))[0]!["text"]!);
    }

    private static async Task<JsonNode> ReadCreatedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private Task<HttpResponseMessage> TranslateAsync(object body) => SendAsync(HttpMethod.Post, "v2/translate", body);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("Authorization", $"DeepL-Auth-Key {FakeDeepL.DefaultKey}");
        return await _client.SendAsync(request);
    }
}
