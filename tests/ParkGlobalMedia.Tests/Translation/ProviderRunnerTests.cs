using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ParkGlobalMedia.Tests.Infrastructure.Fakes;
using ParkGlobalMedia.Translation.Providers;

namespace ParkGlobalMedia.Tests.Translation;

/// <summary>
/// A run through the real Azure adapter against the loopback fake when the provider misbehaves: throttling and
/// outages are retried (as long as Retry-After says), too-long requests split, quota stops the run, and every
/// translation already received is kept.
/// </summary>
public sealed class ProviderRunnerTests : IClassFixture<FakeAzureTranslator>
{
    private readonly FakeAzureTranslator _fake;
    private readonly AzureTranslatorProvider _azure;
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<ProviderTerm>> NoTerms = new Dictionary<string, IReadOnlyList<ProviderTerm>>();

    public ProviderRunnerTests(FakeAzureTranslator fake)
    {
        _fake = fake;
        _fake.Reset();
        _azure = new AzureTranslatorProvider(new HttpClient(),
            Options.Create(new AzureTranslatorOptions { Endpoint = fake.BaseAddress, Key = FakeAzureTranslator.DefaultKey, Timeout = TimeSpan.FromSeconds(10) }),
            NullLogger<AzureTranslatorProvider>.Instance);
    }

    private static ProviderRunner Runner(int maxAttempts = 4, TimeSpan? maxDelay = null) =>
        new(Options.Create(new ProviderRetryOptions { MaxAttempts = maxAttempts, BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = maxDelay ?? TimeSpan.FromSeconds(5) }),
            NullLogger<ProviderRunner>.Instance, TimeProvider.System);

    private static List<ProviderText> Texts(int count, int length = 10) =>
        Enumerable.Range(1, count).Select(i => new ProviderText($"t{i}", $"第{i}段" + new string('园', length), false)).ToList();

    [Fact]
    public async Task Requests_are_packed_and_metered_by_the_html_azure_receives_so_tagged_texts_near_the_limit_are_not_refused()
    {
        // 100 texts of 95 tagged characters into 5 cultures: 47,500 as tagged text, but over 50,000 as Azure's HTML.
        var texts = Enumerable.Range(1, 100)
            .Select(i => new ProviderText($"t{i}", $"第{i:000}段<g id=\"1\">" + new string('园', 76) + "</g>", true)).ToList();
        Assert.All(texts, t => Assert.Equal(95, t.Text.Length));

        var run = await Runner().RunAsync(_azure, "zh-CN", ["en", "fr", "es", "ar", "ru"], texts, NoTerms, CancellationToken.None);

        Assert.Empty(run.Failures);
        Assert.All(_fake.Requests, r => Assert.Equal(200, r.StatusCode));
        Assert.Equal(2, run.Calls);
        Assert.Equal(_fake.Requests.Sum(r => r.Characters), run.CharactersSent);
    }

    [Fact]
    public async Task Throttling_and_outages_are_retried_and_the_retry_after_is_honoured()
    {
        _fake.FailNext(FakeAzureTranslator.Throttled(429001, TimeSpan.FromSeconds(1)));
        _fake.FailNext(FakeAzureTranslator.Unavailable());
        var started = DateTimeOffset.UtcNow;

        var run = await Runner().RunAsync(_azure, "zh-CN", ["en", "fr"], Texts(3), NoTerms, CancellationToken.None);

        Assert.Null(run.Stopped);
        Assert.Empty(run.Failures);
        Assert.Equal(6, run.Translations.Count);
        Assert.Equal(3, run.Calls);
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromSeconds(1), "waited for Retry-After");
        Assert.Equal(3 * 13 * 2 * 3, run.CharactersSent); // every attempt is billed: 3 texts × 13 characters × 2 cultures × 3 calls
    }

    [Fact]
    public async Task A_retry_after_beyond_the_limit_or_retries_used_up_fail_the_texts_with_the_providers_words()
    {
        _fake.FailNext(FakeAzureTranslator.Throttled(429000, TimeSpan.FromSeconds(120)));
        var patient = await Runner(maxDelay: TimeSpan.FromSeconds(5)).RunAsync(_azure, "zh-CN", ["en"], Texts(2), NoTerms, CancellationToken.None);
        Assert.Equal(2, patient.Failures.Count);
        Assert.Contains("429", patient.Failures["t1"]);
        Assert.Equal(1, patient.Calls);

        _fake.FailNext(FakeAzureTranslator.ServerError(), times: 3);
        var persistent = await Runner(maxAttempts: 3).RunAsync(_azure, "zh-CN", ["en"], Texts(2), NoTerms, CancellationToken.None);
        Assert.Equal(3, persistent.Calls);
        Assert.Contains("500", persistent.Failures["t2"]);
    }

    [Fact]
    public async Task A_request_refused_as_too_long_is_split_and_only_a_text_too_long_alone_fails()
    {
        var texts = Texts(4, length: 100);
        texts.Insert(2, new ProviderText("huge", new string('长', 50_001), false));

        var run = await Runner().RunAsync(_azure, "zh-CN", ["en"], texts, NoTerms, CancellationToken.None);

        Assert.Equal(["huge"], run.Failures.Keys);
        Assert.Contains("400050", run.Failures["huge"]);
        Assert.Equal(["t1", "t2", "t3", "t4"], run.Translations.Select(t => t.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Quota_stops_the_run_and_keeps_what_was_translated_before()
    {
        // 1,000 texts fit one request; the second request meets the exhausted quota.
        var texts = Texts(1_500, length: 1);
        _fake.FailNext(FakeFailure.Slow(TimeSpan.Zero)); // the first request passes
        _fake.FailNext(FakeAzureTranslator.QuotaExceeded());

        var run = await Runner().RunAsync(_azure, "zh-CN", ["en"], texts, NoTerms, CancellationToken.None);

        Assert.Equal(ProviderFailureKind.Quota, run.Stopped!.Kind);
        Assert.Equal(1_000, run.Translations.Count);
        Assert.Equal(500, run.Failures.Count);
        Assert.Contains("403001", run.Failures["t1500"]);
        Assert.Equal(2, run.Calls);
    }

    [Fact]
    public async Task Fewer_items_than_sent_fail_that_request_only()
    {
        _fake.FailNext(FakeFailure.FewerItems());
        var run = await Runner().RunAsync(_azure, "zh-CN", ["en"], Texts(3), NoTerms, CancellationToken.None);

        Assert.Equal(3, run.Failures.Count);
        Assert.Contains("2 results for 3 texts", run.Failures["t1"]);
        Assert.Null(run.Stopped);
    }
}
