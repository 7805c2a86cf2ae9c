using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace ParkGlobalMedia.Tests.Infrastructure.Fakes;

/// <summary>The fake DeepL speaks the documented v2 translate contract, limits, quota and errors included.</summary>
public sealed class FakeDeepLTests : IClassFixture<FakeDeepL>, IDisposable
{
    private readonly FakeDeepL _fake;
    private readonly HttpClient _client;

    public FakeDeepLTests(FakeDeepL fake)
    {
        _fake = fake;
        _fake.Reset();
        _client = fake.CreateClient();
    }

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Texts_come_back_translated_in_request_order_with_the_detected_language()
    {
        using var response = await TranslateAsync(new { text = new[] { "三一集团", "Hello", "مرحبا" }, target_lang = "EN-US" });

        var translations = await ReadTranslationsAsync(response);
        Assert.Equal(["[EN-US] 三一集团", "[EN-US] HELLO", "[EN-US] مرحبا"], translations.Select(t => (string)t!["text"]!));
        Assert.Equal(["ZH", "EN", "AR"], translations.Select(t => (string)t!["detected_source_language"]!));
    }

    [Fact]
    public async Task The_given_source_language_is_reported_as_detected()
    {
        using var response = await TranslateAsync(new { text = new[] { "Hello" }, source_lang = "zh", target_lang = "FR" });

        Assert.Equal("ZH", (string)(await ReadTranslationsAsync(response))[0]!["detected_source_language"]!);
    }

    [Fact]
    public async Task A_form_body_with_repeated_text_works_like_json()
    {
        using var form = new FormUrlEncodedContent([new("text", "one"), new("text", "two & more"), new("target_lang", "DE")]);

        using var response = await SendAsync(HttpMethod.Post, "v2/translate", form);

        var translations = await ReadTranslationsAsync(response);
        Assert.Equal(["[DE] ONE", "[DE] TWO & MORE"], translations.Select(t => (string)t!["text"]!));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("DeepL-Auth-Key not-the-key")]
    [InlineData("Bearer " + FakeDeepL.DefaultKey)]
    public async Task A_missing_or_wrong_key_gets_403(string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v2/translate") { Content = JsonContent.Create(new { text = new[] { "x" }, target_lang = "DE" }) };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await _client.SendAsync(request);

        await AssertMessageAsync(response, HttpStatusCode.Forbidden);
    }

    public static TheoryData<string> InvalidRequests => new()
    {
        """{"target_lang":"DE"}""",
        """{"text":[],"target_lang":"DE"}""",
        """{"text":["x"]}""",
        """{"text":["x"],"target_lang":"German"}""",
        """{"text":["x"],"target_lang":"DE","source_lang":"EN-US"}""",
        """{"text":["x"],"target_lang":"DE","tag_handling":"markdown"}""",
        """["x"]""",
        "not json",
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task Missing_or_invalid_parameters_get_400(string body)
    {
        using var response = await SendAsync(HttpMethod.Post, "v2/translate", new StringContent(body, Encoding.UTF8, "application/json"));

        await AssertMessageAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_body_that_is_neither_json_nor_a_form_gets_400()
    {
        using var response = await SendAsync(HttpMethod.Post, "v2/translate", new StringContent("text=x&target_lang=DE", Encoding.UTF8, "text/plain"));

        await AssertMessageAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Fifty_texts_pass_and_fifty_one_get_413()
    {
        using var atLimit = await TranslateAsync(new { text = Enumerable.Repeat("x", FakeDeepL.MaxTexts), target_lang = "DE" });
        using var overLimit = await TranslateAsync(new { text = Enumerable.Repeat("x", FakeDeepL.MaxTexts + 1), target_lang = "DE" });

        Assert.Equal(FakeDeepL.MaxTexts, (await ReadTranslationsAsync(atLimit)).Count);
        await AssertMessageAsync(overLimit, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_body_over_128_KiB_gets_413_and_costs_nothing()
    {
        using var response = await TranslateAsync(new { text = new[] { new string('a', FakeDeepL.MaxRequestBytes) }, target_lang = "DE" });

        await AssertMessageAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, _fake.CharacterCount);
    }

    [Fact]
    public async Task Xml_mode_keeps_tags_in_place_and_ignored_tags_untouched()
    {
        const string Source = "Open <x>Settings</x> and <b>save</b><br/>";

        using var asArray = await TranslateAsync(new { text = new[] { Source }, target_lang = "DE", tag_handling = "xml", ignore_tags = new[] { "x" } });
        using var asList = await TranslateAsync(new { text = new[] { Source }, target_lang = "DE", tag_handling = "xml", ignore_tags = "y, x" });

        const string Expected = "[DE] OPEN <x>Settings</x> AND <b>SAVE</b><br/>";
        Assert.Equal(Expected, (string)(await ReadTranslationsAsync(asArray))[0]!["text"]!);
        Assert.Equal(Expected, (string)(await ReadTranslationsAsync(asList))[0]!["text"]!);
    }

    [Theory]
    [InlineData("html", "<p translate=\"no\">Keep</p><p class=\"notranslate\">Keep</p><p>[FR] CHANGE</p>")]
    [InlineData("xml", "<p translate=\"no\">[FR] KEEP</p><p class=\"notranslate\">KEEP</p><p>CHANGE</p>")]
    public async Task Only_html_mode_leaves_translate_no_and_notranslate_elements_untouched(string tagHandling, string expected)
    {
        using var response = await TranslateAsync(new
        {
            text = new[] { "<p translate=\"no\">Keep</p><p class=\"notranslate\">Keep</p><p>change</p>" },
            target_lang = "FR",
            tag_handling = tagHandling,
        });

        Assert.Equal(expected, (string)(await ReadTranslationsAsync(response))[0]!["text"]!);
    }

    [Fact]
    public async Task Without_tag_handling_tags_are_text()
    {
        using var response = await TranslateAsync(new { text = new[] { "<x>Settings</x>" }, target_lang = "DE", ignore_tags = "x" });

        Assert.Equal("[DE] <X>SETTINGS</X>", (string)(await ReadTranslationsAsync(response))[0]!["text"]!);
    }

    [Fact]
    public async Task Usage_reports_the_code_points_translated_and_the_limit()
    {
        using (await TranslateAsync(new { text = new[] { "三一😀", "ab" }, target_lang = "DE" }))
        using (await TranslateAsync(new { text = new[] { "<p class=\"long attribute\">中文</p>" }, target_lang = "DE", tag_handling = "html" }))
        {
        }

        using var response = await SendAsync(HttpMethod.Get, "v2/usage");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var usage = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(7, (long)usage["character_count"]!);
        Assert.Equal(FakeDeepL.DefaultCharacterLimit, (long)usage["character_limit"]!);
        Assert.Equal([5L, 2L], _fake.Requests.Take(2).Select(request => request.Characters));
    }

    [Fact]
    public async Task A_request_that_would_pass_the_character_limit_gets_456_and_counts_nothing()
    {
        _fake.CharacterLimit = 10;
        _fake.CharacterCount = 6;

        using var refused = await TranslateAsync(new { text = new[] { "12345" }, target_lang = "DE" });
        using var fits = await TranslateAsync(new { text = new[] { "1234" }, target_lang = "DE" });
        using var full = await TranslateAsync(new { text = new[] { "1" }, target_lang = "DE" });

        await AssertMessageAsync(refused, (HttpStatusCode)456);
        Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
        await AssertMessageAsync(full, (HttpStatusCode)456);
        Assert.Equal(10, _fake.CharacterCount);
    }

    public static TheoryData<FakeFailure, int> QueuedErrors => new()
    {
        { FakeDeepL.TooManyRequests(), 429 },
        { FakeDeepL.QuotaExceeded(), 456 },
        { FakeDeepL.ServerError(), 500 },
        { FakeDeepL.Unavailable(), 503 },
        { FakeFailure.Error(529), 529 },
    };

    [Theory]
    [MemberData(nameof(QueuedErrors))]
    public async Task Queued_errors_answer_with_a_deepl_message_body(FakeFailure failure, int status)
    {
        _fake.FailNext(failure);

        using var failed = await TranslateAsync(new { text = new[] { "x" }, target_lang = "DE" });
        using var recovered = await TranslateAsync(new { text = new[] { "x" }, target_lang = "DE" });

        await AssertMessageAsync(failed, (HttpStatusCode)status);
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        Assert.Equal(1, _fake.CharacterCount);
    }

    [Fact]
    public async Task Throttling_can_carry_retry_after()
    {
        _fake.FailNext(FakeDeepL.TooManyRequests(TimeSpan.FromSeconds(3)));

        using var response = await TranslateAsync(new { text = new[] { "x" }, target_lang = "DE" });

        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Fewer_items_and_broken_markup_mangle_a_successful_reply()
    {
        _fake.FailNext(FakeFailure.FewerItems());
        _fake.FailNext(FakeFailure.BrokenMarkup());

        using var fewer = await TranslateAsync(new { text = new[] { "a", "b" }, target_lang = "DE" });
        using var broken = await TranslateAsync(new { text = new[] { "<b>a</b>" }, target_lang = "DE", tag_handling = "xml" });

        Assert.Equal(["[DE] A"], (await ReadTranslationsAsync(fewer)).Select(t => (string)t!["text"]!));
        Assert.Equal(["<b>[DE] A"], (await ReadTranslationsAsync(broken)).Select(t => (string)t!["text"]!));
    }

    internal static async Task AssertMessageAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.False(string.IsNullOrWhiteSpace((string?)body["message"]));
    }

    internal static async Task<JsonArray> ReadTranslationsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["translations"]!.AsArray();
    }

    private Task<HttpResponseMessage> TranslateAsync(object body) => SendAsync(HttpMethod.Post, "v2/translate", JsonContent.Create(body));

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", $"DeepL-Auth-Key {FakeDeepL.DefaultKey}");
        return await _client.SendAsync(request);
    }
}
