using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ParkGlobalMedia.Tests.Infrastructure.Fakes;
using ParkGlobalMedia.Translation.Providers;
using ParkGlobalMedia.Translation.Segmentation;

namespace ParkGlobalMedia.Tests.Translation;

/// <summary>
/// The real Azure Translator adapter over HTTP against a loopback fake of the documented v3 contract: batching,
/// tags, glossary, and every failure mapped to what the job does next.
/// </summary>
public sealed class AzureTranslatorAdapterTests : IClassFixture<FakeAzureTranslator>
{
    private readonly FakeAzureTranslator _fake;

    public AzureTranslatorAdapterTests(FakeAzureTranslator fake)
    {
        _fake = fake;
        _fake.Reset();
    }

    private AzureTranslatorProvider Provider(string? key = FakeAzureTranslator.DefaultKey, TimeSpan? timeout = null) =>
        new(new HttpClient(), Options.Create(new AzureTranslatorOptions { Endpoint = _fake.BaseAddress, Key = key, Timeout = timeout ?? TimeSpan.FromSeconds(30) }),
            NullLogger<AzureTranslatorProvider>.Instance);

    private static ProviderRequest Request(IReadOnlyList<string> targets, IReadOnlyDictionary<string, IReadOnlyList<ProviderTerm>>? terms = null, params string[] markdown)
    {
        var texts = markdown.SelectMany(m => MarkdownSegmenter.Segment(m, $"d{Array.IndexOf(markdown, m)}").Segments)
            .Select(s => new ProviderText(s.Id, s.Text, s.HasTags)).ToList();
        return new ProviderRequest("zh-CN", targets, texts, terms ?? new Dictionary<string, IReadOnlyList<ProviderTerm>>());
    }

    [Fact]
    public async Task Several_texts_go_into_several_cultures_in_one_call_with_their_tags_in_place_even_when_moved()
    {
        _fake.ReverseSiblings = true;
        var segmented = MarkdownSegmenter.Segment("请阅读**年度报告**并运行 `make`。");
        var request = new ProviderRequest("zh-CN", ["en", "fr"],
            [new ProviderText(segmented.Segments[0].Id, segmented.Segments[0].Text, true), new ProviderText("title", "园区故事", false)],
            new Dictionary<string, IReadOnlyList<ProviderTerm>>());

        var results = await Provider().TranslateAsync(request, CancellationToken.None);

        var call = Assert.Single(_fake.Requests);
        Assert.Equal(["en", "fr"], call.QueryValues("to"));
        Assert.Equal("zh-Hans", call.QueryValues("from").Single());
        Assert.Equal("html", call.QueryValues("textType").Single());
        Assert.True(Guid.TryParse(call.Header("X-ClientTraceId"), out _));
        Assert.Equal(4, results.Count);
        var english = results.Single(r => r.Id == segmented.Segments[0].Id && r.Culture == "en").Text;
        var (_, problems) = TaggedText.Parse(english, segmented.Segments[0].Tags);
        Assert.Empty(problems);
        var back = MarkdownReassembler.Reassemble(segmented, new Dictionary<string, string> { [segmented.Segments[0].Id] = english });
        Assert.Empty(back.Problems);
        Assert.Contains("`make`", back.Markdown);
        Assert.Contains("**", back.Markdown);
    }

    [Fact]
    public async Task Glossary_terms_are_enforced_for_every_language_pair_and_names_are_never_translated()
    {
        var terms = new Dictionary<string, IReadOnlyList<ProviderTerm>>
        {
            ["en"] = [new("长沙高新区", "Changsha Hi-tech Zone", false), new("SANY", "SANY", true)],
            ["fr"] = [new("长沙高新区", "Zone high-tech de Changsha", false), new("SANY", "SANY", true)],
        };
        var results = await Provider().TranslateAsync(Request(["en", "fr"], terms, "SANY 在长沙高新区投资。"), CancellationToken.None);

        // English uses the dynamic dictionary; zh→fr has no English side, so the term goes in already translated.
        Assert.Contains("Changsha Hi-tech Zone", results.Single(r => r.Culture == "en").Text);
        Assert.Contains("Zone high-tech de Changsha", results.Single(r => r.Culture == "fr").Text);
        Assert.All(results, r => Assert.Contains("SANY", r.Text, StringComparison.Ordinal));
        Assert.Equal(2, _fake.Requests.Count); // a call per target culture when dictionary entries differ
    }

    [Fact]
    public async Task A_request_packed_to_the_limits_is_accepted_and_one_over_them_is_refused_as_too_long()
    {
        var provider = Provider();
        var texts = Enumerable.Range(1, 1_200).Select(i => new ProviderText($"t{i}", $"第{i}段", false)).ToList();
        var plan = ProviderBatches.Plan("zh-CN", ["en", "fr"], texts, provider.Limits);
        Assert.Equal(2, plan.Count);
        foreach (var request in plan)
        {
            Assert.Equal(request.Texts.Count * 2, (await provider.TranslateAsync(request, CancellationToken.None)).Count);
        }

        var tooLong = new ProviderRequest("zh-CN", ["en"], [new ProviderText("t", new string('长', 50_001), false)], new Dictionary<string, IReadOnlyList<ProviderTerm>>());
        var refused = await Assert.ThrowsAsync<TranslationProviderException>(() => provider.TranslateAsync(tooLong, CancellationToken.None));
        Assert.Equal(ProviderFailureKind.TooLong, refused.Kind);
        Assert.Contains("400050", refused.Message);
    }

    [Fact]
    public async Task Every_failure_is_mapped_to_what_the_job_does_next()
    {
        var request = Request(["en"], null, "园区故事。");
        async Task<TranslationProviderException> Failing(FakeFailure failure, AzureTranslatorProvider? provider = null)
        {
            _fake.FailNext(failure);
            return await Assert.ThrowsAsync<TranslationProviderException>(() => (provider ?? Provider()).TranslateAsync(request, CancellationToken.None));
        }

        var throttled = await Failing(FakeAzureTranslator.Throttled(429001, TimeSpan.FromSeconds(7)));
        Assert.Equal((ProviderFailureKind.Throttled, TimeSpan.FromSeconds(7)), (throttled.Kind, throttled.RetryAfter));
        Assert.True(throttled.IsTransient);
        Assert.NotNull(throttled.TraceId);

        Assert.Equal(ProviderFailureKind.Quota, (await Failing(FakeAzureTranslator.QuotaExceeded())).Kind);
        Assert.Equal(ProviderFailureKind.Transient, (await Failing(FakeAzureTranslator.Unavailable())).Kind);
        Assert.Equal(ProviderFailureKind.Transient, (await Failing(FakeFailure.Disconnect())).Kind);
        Assert.Equal(ProviderFailureKind.Transient, (await Failing(FakeFailure.Slow(TimeSpan.FromSeconds(5)), Provider(timeout: TimeSpan.FromMilliseconds(300)))).Kind);
        var fewer = await Failing(FakeFailure.FewerItems());
        Assert.Equal(ProviderFailureKind.BadResponse, fewer.Kind);
        Assert.Contains("0 results for 1 texts", fewer.Message);

        var wrongKey = await Assert.ThrowsAsync<TranslationProviderException>(() => Provider(key: "not-the-key").TranslateAsync(request, CancellationToken.None));
        Assert.Equal(ProviderFailureKind.Configuration, wrongKey.Kind);
        Assert.Contains("Translation:Azure", wrongKey.Message);
        Assert.DoesNotContain("not-the-key", wrongKey.Message);

        var requestsBefore = _fake.Requests.Count;
        var noKey = await Assert.ThrowsAsync<TranslationProviderException>(() => Provider(key: null).TranslateAsync(request, CancellationToken.None));
        Assert.Equal(ProviderFailureKind.Configuration, noKey.Kind);
        Assert.Equal(requestsBefore, _fake.Requests.Count); // nothing sent without a key
    }
}

/// <summary>The real DeepL adapter over HTTP against a loopback fake of the documented v2 contract.</summary>
public sealed class DeepLAdapterTests : IClassFixture<FakeDeepL>
{
    private readonly FakeDeepL _fake;

    public DeepLAdapterTests(FakeDeepL fake)
    {
        _fake = fake;
        _fake.Reset();
    }

    private DeepLProvider Provider(string? key = FakeDeepL.DefaultKey) =>
        new(new HttpClient(), Options.Create(new DeepLOptions { Endpoint = _fake.BaseAddress, Key = key }), NullLogger<DeepLProvider>.Instance);

    [Fact]
    public async Task Tags_travel_as_xml_one_culture_per_call_and_come_back_where_the_words_put_them()
    {
        _fake.ReverseSiblings = true;
        var segmented = MarkdownSegmenter.Segment("请阅读[年度报告](https://example.org/r)并运行 `make`。");
        var segment = segmented.Segments[0];
        var results = await Provider().TranslateAsync(
            new ProviderRequest("zh-CN", ["en", "ar"], [new ProviderText(segment.Id, segment.Text, true)], new Dictionary<string, IReadOnlyList<ProviderTerm>>()),
            CancellationToken.None);

        Assert.Equal(2, _fake.Requests.Count(r => r.Path == "/v2/translate"));
        Assert.Equal(["EN-US", "AR"], results.Select(r => r.Culture == "en" ? "EN-US" : "AR"));
        foreach (var result in results)
        {
            var back = MarkdownReassembler.Reassemble(segmented, new Dictionary<string, string> { [segment.Id] = result.Text });
            Assert.Empty(back.Problems);
            Assert.Contains("](https://example.org/r)", back.Markdown);
            Assert.Contains("`make`", back.Markdown);
        }
    }

    [Fact]
    public async Task A_glossary_is_created_once_per_term_list_and_applied_and_names_stay_as_written()
    {
        var terms = new Dictionary<string, IReadOnlyList<ProviderTerm>>
        {
            ["en"] = [new("链主", "chain leader", false), new("三一重工", "SANY", true)],
        };
        var request = new ProviderRequest("zh-CN", ["en"], [new ProviderText("t", "三一重工是链主企业。", false)], terms);

        var first = await Provider().TranslateAsync(request, CancellationToken.None);
        var second = await Provider().TranslateAsync(request, CancellationToken.None);

        Assert.Contains("chain leader", first.Single().Text);
        Assert.Contains("三一重工", first.Single().Text);
        Assert.Equal(first.Single().Text, second.Single().Text);
        Assert.Single(_fake.Requests, r => r.Path == "/v2/glossaries" && r.Method == "POST");
    }

    [Fact]
    public async Task Quota_key_and_throttling_replies_are_mapped_and_the_quota_is_real()
    {
        var request = new ProviderRequest("zh-CN", ["en"], [new ProviderText("t", "园区故事。", false)], new Dictionary<string, IReadOnlyList<ProviderTerm>>());

        _fake.CharacterLimit = 3;
        var quota = await Assert.ThrowsAsync<TranslationProviderException>(() => Provider().TranslateAsync(request, CancellationToken.None));
        Assert.Equal(ProviderFailureKind.Quota, quota.Kind);
        Assert.Contains("456", quota.Message);
        _fake.CharacterLimit = FakeDeepL.DefaultCharacterLimit;

        _fake.FailNext(FakeDeepL.TooManyRequests(TimeSpan.FromSeconds(3)));
        var throttled = await Assert.ThrowsAsync<TranslationProviderException>(() => Provider().TranslateAsync(request, CancellationToken.None));
        Assert.Equal((ProviderFailureKind.Throttled, TimeSpan.FromSeconds(3)), (throttled.Kind, throttled.RetryAfter));

        var wrongKey = await Assert.ThrowsAsync<TranslationProviderException>(() => Provider(key: "wrong").TranslateAsync(request, CancellationToken.None));
        Assert.Equal(ProviderFailureKind.Configuration, wrongKey.Kind);
        Assert.DoesNotContain("wrong", wrongKey.Message.Replace("refused", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
