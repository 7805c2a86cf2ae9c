using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using static ParkGlobalMedia.Tests.Infrastructure.Fakes.FakeAzureTranslatorTests;

namespace ParkGlobalMedia.Tests.Infrastructure.Fakes;

/// <summary>The in-process control every fake shares (queued failures, recorded requests, reset), through the Azure fake.</summary>
public sealed class FakeControlTests : IClassFixture<FakeAzureTranslator>, IDisposable
{
    private const string Translate = "translate?api-version=3.0&from=en&to=de";

    private readonly FakeAzureTranslator _fake;
    private readonly HttpClient _client;

    public FakeControlTests(FakeAzureTranslator fake)
    {
        _fake = fake;
        _fake.Reset();
        _client = fake.CreateClient();
    }

    public void Dispose() => _client.Dispose();

    public static TheoryData<FakeFailure, HttpStatusCode, int> ErrorReplies => new()
    {
        { FakeAzureTranslator.Throttled(), HttpStatusCode.TooManyRequests, 429000 },
        { FakeAzureTranslator.Throttled(429001), HttpStatusCode.TooManyRequests, 429001 },
        { FakeAzureTranslator.Throttled(429002), HttpStatusCode.TooManyRequests, 429002 },
        { FakeAzureTranslator.QuotaExceeded(), HttpStatusCode.Forbidden, 403001 },
        { FakeAzureTranslator.ServerError(), HttpStatusCode.InternalServerError, 500000 },
        { FakeAzureTranslator.Unavailable(), HttpStatusCode.ServiceUnavailable, 503000 },
    };

    [Theory]
    [MemberData(nameof(ErrorReplies))]
    public async Task A_queued_error_answers_the_next_request_and_then_the_fake_recovers(FakeFailure failure, HttpStatusCode status, int code)
    {
        _fake.FailNext(failure);

        using var failed = await TranslateAsync("hello");
        using var recovered = await TranslateAsync("hello");

        await AssertErrorAsync(failed, status, code);
        Assert.False(failed.Headers.Contains("Retry-After"));
        Assert.Equal(["[de] HELLO"], Texts((await ReadArrayAsync(recovered))[0]!));
    }

    [Fact]
    public async Task A_throttled_reply_can_carry_retry_after_in_whole_seconds()
    {
        _fake.FailNext(FakeAzureTranslator.Throttled(429001, TimeSpan.FromMilliseconds(1500)));

        using var response = await TranslateAsync("hello");

        await AssertErrorAsync(response, HttpStatusCode.TooManyRequests, 429001);
        Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task A_failure_queued_for_several_requests_answers_each_of_them()
    {
        _fake.FailNext(FakeAzureTranslator.Unavailable(), times: 2);

        using var first = await TranslateAsync("a");
        using var second = await TranslateAsync("a");
        using var third = await TranslateAsync("a");

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], [first.StatusCode, second.StatusCode, third.StatusCode]);
        Assert.Equal(0, _fake.PendingFailures);
    }

    [Fact]
    public async Task An_invalid_request_gets_its_400_and_leaves_the_queued_failure_for_the_next_valid_one()
    {
        _fake.FailNext(FakeAzureTranslator.Throttled());

        using var invalid = await PostAsync("translate?api-version=3.0", "a");
        using var valid = await TranslateAsync("a");

        await AssertErrorAsync(invalid, HttpStatusCode.BadRequest, 400036);
        await AssertErrorAsync(valid, HttpStatusCode.TooManyRequests, 429000);
    }

    [Fact]
    public async Task Fewer_items_leaves_the_last_ones_out()
    {
        _fake.FailNext(FakeFailure.FewerItems(2));

        using var response = await TranslateAsync("one", "two", "three");

        var items = await ReadArrayAsync(response);
        Assert.Equal(["[de] ONE"], items.Select(item => Texts(item!).Single()));
    }

    [Fact]
    public async Task Broken_markup_comes_back_with_a_closing_tag_missing()
    {
        _fake.FailNext(FakeFailure.BrokenMarkup());

        using var response = await PostAsync("translate?api-version=3.0&from=en&to=de&textType=html", "<b>bold</b> and <i>italic</i>");

        Assert.Equal(["<b>[de] BOLD</b> AND <i>ITALIC"], Texts((await ReadArrayAsync(response))[0]!));
    }

    [Fact]
    public async Task A_slow_reply_still_arrives_complete()
    {
        _fake.FailNext(FakeFailure.Slow(TimeSpan.FromMilliseconds(20)));

        using var response = await TranslateAsync("late");

        Assert.Equal(["[de] LATE"], Texts((await ReadArrayAsync(response))[0]!));
    }

    [Fact]
    public async Task A_hanging_request_gets_no_answer_until_the_client_gives_up()
    {
        _fake.FailNext(FakeFailure.Hang());
        using var giveUp = new CancellationTokenSource();

        var pending = SendAsync(["never"], giveUp.Token);
        await WaitUntilReceivedAsync(1);
        Assert.False(pending.IsCompleted);
        await giveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        Assert.Equal(0, _fake.Requests.Single().StatusCode);
    }

    [Fact]
    public async Task A_hanging_request_is_cut_off_by_a_reset()
    {
        _fake.FailNext(FakeFailure.Hang());

        var pending = SendAsync(["never"], CancellationToken.None);
        await WaitUntilReceivedAsync(1);
        _fake.Reset();

        await Assert.ThrowsAsync<HttpRequestException>(() => pending);
    }

    [Fact]
    public async Task A_dropped_connection_fails_the_request_without_a_response()
    {
        _fake.FailNext(FakeFailure.Disconnect());

        await Assert.ThrowsAsync<HttpRequestException>(() => TranslateAsync("gone"));
        Assert.Equal(0, _fake.Requests.Single().StatusCode);
    }

    [Fact]
    public async Task Every_request_is_recorded_with_query_headers_body_characters_and_status()
    {
        var traceId = Guid.NewGuid().ToString();
        using var content = new StringContent("[{\"Text\":\"你好\"}]", Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "translate?api-version=3.0&from=zh-Hans&to=en&to=fr&category=general") { Content = content };
        request.Headers.Add("Ocp-Apim-Subscription-Key", FakeAzureTranslator.DefaultKey);
        request.Headers.Add("X-ClientTraceId", traceId);

        using var response = await _client.SendAsync(request);

        var recorded = Assert.Single(_fake.Requests);
        Assert.Equal(("POST", "/translate"), (recorded.Method, recorded.Path));
        Assert.Equal(["en", "fr"], recorded.QueryValues("to"));
        Assert.Equal(["general"], recorded.QueryValues("category"));
        Assert.Equal(traceId, recorded.Header("x-clienttraceid"));
        Assert.Equal("[{\"Text\":\"你好\"}]", recorded.Body);
        Assert.Equal(4, recorded.Characters);
        Assert.Equal(200, recorded.StatusCode);
    }

    [Fact]
    public async Task Reset_forgets_requests_failures_and_settings()
    {
        using (await TranslateAsync("a"))
        {
        }

        _fake.FailNext(FakeAzureTranslator.Throttled(), times: 3);
        _fake.Region = "somewhere";

        _fake.Reset();

        Assert.Empty(_fake.Requests);
        Assert.Equal(0, _fake.PendingFailures);
        Assert.Null(_fake.Region);
    }

    [Fact]
    public async Task A_fake_started_for_one_test_listens_on_loopback_until_disposed()
    {
        Uri address;
        await using (var fake = await FakeAzureTranslator.StartAsync())
        {
            address = fake.BaseAddress;
            Assert.Equal("127.0.0.1", address.Host);
            using var client = fake.CreateClient();
            using var response = await client.PostAsync("translate", null);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        using var after = new HttpClient { BaseAddress = address };
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => after.PostAsync("translate", null));
        Assert.IsType<SocketException>(refused.InnerException);
    }

    private Task<HttpResponseMessage> TranslateAsync(params string[] texts) => SendAsync(Translate, texts, CancellationToken.None);

    private Task<HttpResponseMessage> PostAsync(string query, params string[] texts) => SendAsync(query, texts, CancellationToken.None);

    private Task<HttpResponseMessage> SendAsync(string[] texts, CancellationToken cancellation) => SendAsync(Translate, texts, cancellation);

    private async Task<HttpResponseMessage> SendAsync(string query, string[] texts, CancellationToken cancellation)
    {
        var body = new JsonArray([.. texts.Select(text => (JsonNode)new JsonObject { ["Text"] = text })]).ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, query) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Ocp-Apim-Subscription-Key", FakeAzureTranslator.DefaultKey);
        return await _client.SendAsync(request, cancellation);
    }

    /// <summary>Waits for the fake to have the request in hand (a bound on waiting, not a timing assertion).</summary>
    private async Task WaitUntilReceivedAsync(int count)
    {
        for (var attempt = 0; attempt < 500 && _fake.Requests.Count < count; attempt++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(count, _fake.Requests.Count);
    }
}
