using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ParkGlobalMedia.Tests.Infrastructure.Fakes;

/// <summary>The fake Azure Translator speaks the documented v3 translate contract, limits and errors included.</summary>
public sealed class FakeAzureTranslatorTests : IClassFixture<FakeAzureTranslator>, IDisposable
{
    private const string Query = "translate?api-version=3.0";

    private readonly FakeAzureTranslator _fake;
    private readonly HttpClient _client;

    public FakeAzureTranslatorTests(FakeAzureTranslator fake)
    {
        _fake = fake;
        _fake.Reset();
        _client = fake.CreateClient();
    }

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Each_element_comes_back_translated_into_each_target_in_request_order()
    {
        using var response = await PostAsync($"{Query}&from=zh-Hans&to=en&to=fr", "你好", "三一集团");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = await ReadArrayAsync(response);
        Assert.Equal(2, items.Count);
        Assert.All(items, item => Assert.Null(item!["detectedLanguage"]));
        Assert.Equal(["[en] 你好", "[fr] 你好"], Texts(items[0]!));
        Assert.Equal(["en", "fr"], items[0]!["translations"]!.AsArray().Select(t => (string)t!["to"]!));
        Assert.Equal(["[en] 三一集团", "[fr] 三一集团"], Texts(items[1]!));
    }

    [Fact]
    public async Task The_detected_language_is_reported_only_when_from_is_missing()
    {
        using var response = await PostAsync($"{Query}&to=en", "长沙高新区", "Привет");

        var items = await ReadArrayAsync(response);
        Assert.Equal("zh-Hans", (string)items[0]!["detectedLanguage"]!["language"]!);
        Assert.Equal(1.0, (double)items[0]!["detectedLanguage"]!["score"]!);
        Assert.Equal("ru", (string)items[1]!["detectedLanguage"]!["language"]!);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-key")]
    public async Task A_missing_or_wrong_key_gets_401000(string? key)
    {
        using var response = await PostAsync($"{Query}&to=en", ["x"], key: key);

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, 401000);
    }

    [Fact]
    public async Task A_fake_that_requires_a_region_refuses_requests_naming_another()
    {
        _fake.Region = "chinaeast2";

        using var wrong = await PostAsync($"{Query}&to=en", ["x"], region: "westeurope");
        using var right = await PostAsync($"{Query}&to=en", ["x"], region: "chinaeast2");

        await AssertErrorAsync(wrong, HttpStatusCode.Unauthorized, 401000);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Theory]
    [InlineData("translate?to=en", 400021)]
    [InlineData("translate?api-version=2.0&to=en", 400021)]
    [InlineData("translate?api-version=3.0", 400036)]
    [InlineData("translate?api-version=3.0&to=en&to=not a language", 400036)]
    [InlineData("translate?api-version=3.0&to=en&from=1", 400035)]
    [InlineData("translate?api-version=3.0&to=en&textType=markdown", 400071)]
    public async Task Missing_or_invalid_query_parameters_get_their_documented_codes(string query, int code)
    {
        using var response = await PostAsync(query, "x");

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task A_client_trace_id_that_is_not_a_guid_gets_400043()
    {
        using var response = await PostAsync($"{Query}&to=en", ["x"], traceId: "trace-1");

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, 400043);
    }

    [Theory]
    [InlineData("not json", 400074)]
    [InlineData("{\"Text\":\"x\"}", 400000)]
    [InlineData("[\"x\"]", 400020)]
    [InlineData("[{\"Txt\":\"x\"}]", 400005)]
    [InlineData("[]", 400005)]
    public async Task Bodies_that_are_not_an_array_of_texts_get_400(string body, int code)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var request = Request($"{Query}&to=en", content);

        using var response = await _client.SendAsync(request);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task The_text_property_is_matched_without_regard_to_case()
    {
        using var content = new StringContent("[{\"text\":\"lower\"},{\"TEXT\":\"upper\"}]", Encoding.UTF8, "application/json");
        using var request = Request($"{Query}&to=en", content);

        using var response = await _client.SendAsync(request);

        var items = await ReadArrayAsync(response);
        Assert.Equal(["[en] LOWER"], Texts(items[0]!));
        Assert.Equal(["[en] UPPER"], Texts(items[1]!));
    }

    [Fact]
    public async Task A_thousand_elements_pass_and_one_more_gets_400072()
    {
        using var atLimit = await PostAsync($"{Query}&to=en", [.. Enumerable.Repeat("x", FakeAzureTranslator.MaxElements)]);
        using var overLimit = await PostAsync($"{Query}&to=en", [.. Enumerable.Repeat("x", FakeAzureTranslator.MaxElements + 1)]);

        Assert.Equal(FakeAzureTranslator.MaxElements, (await ReadArrayAsync(atLimit)).Count);
        await AssertErrorAsync(overLimit, HttpStatusCode.BadRequest, 400072);
    }

    [Fact]
    public async Task An_element_over_fifty_thousand_characters_gets_400050()
    {
        using var response = await PostAsync($"{Query}&to=en", new string('a', FakeAzureTranslator.MaxCharacters + 1));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, 400050);
    }

    [Theory]
    [InlineData(2, HttpStatusCode.OK)]
    [InlineData(3, HttpStatusCode.BadRequest)]
    public async Task The_request_size_counts_characters_once_per_target(int targets, HttpStatusCode expected)
    {
        var to = string.Concat(new[] { "en", "fr", "ar" }.Take(targets).Select(code => $"&to={code}"));

        using var response = await PostAsync($"{Query}{to}", new string('a', 12_500), new string('b', 12_500));

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.BadRequest)
        {
            await AssertErrorAsync(response, expected, 400077);
        }

        Assert.Equal(25_000L * targets, _fake.Requests.Single().Characters);
    }

    [Fact]
    public async Task Characters_are_code_points_so_an_emoji_counts_once()
    {
        var emoji = string.Concat(Enumerable.Repeat("😀", 25_000)); // 50,000 UTF-16 units

        using var response = await PostAsync($"{Query}&to=en&to=fr", emoji);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("50000", response.Headers.GetValues("X-metered-usage").Single());
    }

    [Fact]
    public async Task Html_mode_keeps_tags_in_place_and_leaves_protected_elements_untouched()
    {
        const string Source = "<b>粗体</b>和<span translate=\"no\">Sany</span>及<span class=\"notranslate\">API</span><a href=\"https://x.example/a\">link</a>";

        using var response = await PostAsync($"{Query}&from=zh-Hans&to=en&textType=html", Source);

        var items = await ReadArrayAsync(response);
        Assert.Equal(["<b>[en] 粗体</b>和<span translate=\"no\">Sany</span>及<span class=\"notranslate\">API</span><a href=\"https://x.example/a\">LINK</a>"], Texts(items[0]!));
    }

    [Fact]
    public async Task Plain_mode_treats_tags_as_text()
    {
        using var response = await PostAsync($"{Query}&to=en", "<span translate=\"no\">keep</span>");

        Assert.Equal(["[en] <SPAN TRANSLATE=\"NO\">KEEP</SPAN>"], Texts((await ReadArrayAsync(response))[0]!));
    }

    [Theory]
    [InlineData("&from=zh-Hans&to=en", "[en] SANY集团")]
    [InlineData("&from=zh-Hans&to=en&textType=html", "[en] SANY集团")]
    [InlineData("&to=en", "[en] 三一集团")]
    [InlineData("&from=zh-Hans&to=fr", "[fr] 三一集团")]
    [InlineData("&from=en&to=fr", "[fr] SANY集团")]
    public async Task Dictionary_markup_gives_exactly_its_translation_only_with_from_and_english_on_one_side(string query, string expected)
    {
        using var response = await PostAsync(Query + query, "<mstrans:dictionary translation=\"SANY\">三一</mstrans:dictionary>集团");

        Assert.Equal([expected], Texts((await ReadArrayAsync(response))[0]!));
    }

    [Fact]
    public async Task Dictionary_markup_can_be_allowed_for_any_language_pair()
    {
        _fake.DictionaryForAnyLanguagePair = true;

        using var response = await PostAsync($"{Query}&from=zh-Hans&to=fr", "<mstrans:dictionary translation=\"SANY\">三一</mstrans:dictionary>");

        Assert.Equal(["[fr] SANY"], Texts((await ReadArrayAsync(response))[0]!));
    }

    [Fact]
    public async Task Replies_carry_a_request_id_and_the_metered_usage()
    {
        using var response = await PostAsync($"{Query}&to=en&to=fr", ["abc"], traceId: Guid.NewGuid().ToString());

        Assert.StartsWith("fake-", response.Headers.GetValues("X-RequestId").Single(), StringComparison.Ordinal);
        Assert.Equal("Team,Team", response.Headers.GetValues("X-MT-System").Single());
        Assert.Equal("6", response.Headers.GetValues("X-metered-usage").Single());
    }

    internal static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, int code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal(code, (int)error["code"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)error["message"]));
    }

    internal static async Task<JsonArray> ReadArrayAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
    }

    internal static string[] Texts(JsonNode item) => [.. item["translations"]!.AsArray().Select(t => (string)t!["text"]!)];

    private Task<HttpResponseMessage> PostAsync(string query, params string[] texts) => PostAsync(query, texts, FakeAzureTranslator.DefaultKey);

    private async Task<HttpResponseMessage> PostAsync(string query, string[] texts, string? key = FakeAzureTranslator.DefaultKey, string? region = null, string? traceId = null)
    {
        var body = JsonSerializer.Serialize(texts.Select(text => new { Text = text }));
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var request = Request(query, content, key, region, traceId);
        return await _client.SendAsync(request);
    }

    private static HttpRequestMessage Request(string query, HttpContent content, string? key = FakeAzureTranslator.DefaultKey, string? region = null, string? traceId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, query) { Content = content };
        if (key is not null)
        {
            request.Headers.Add("Ocp-Apim-Subscription-Key", key);
        }

        if (region is not null)
        {
            request.Headers.Add("Ocp-Apim-Subscription-Region", region);
        }

        if (traceId is not null)
        {
            request.Headers.Add("X-ClientTraceId", traceId);
        }

        return request;
    }
}
