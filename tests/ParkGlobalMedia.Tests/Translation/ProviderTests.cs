using ParkGlobalMedia.Translation.Providers;
using ParkGlobalMedia.Translation.Segmentation;

namespace ParkGlobalMedia.Tests.Translation;

/// <summary>What every provider shares: packing texts into requests within limits, pseudo-localization, and the HTML form of tags.</summary>
public sealed class ProviderTests
{
    private static ProviderText Text(int id, int length) => new($"t{id}", new string('字', length), false);

    [Fact]
    public void Texts_are_packed_into_the_fewest_requests_the_limits_allow_counting_characters_once_per_target()
    {
        var texts = Enumerable.Range(1, 30).Select(i => Text(i, 1_000)).ToList();
        var limits = new ProviderLimits(MaxTexts: 1_000, MaxCharacters: 50_000, MaxTargets: 25);

        var requests = ProviderBatches.Plan("zh-CN", ["en", "fr", "ar"], texts, limits);

        // 30,000 characters × 3 targets = 90,000: two requests of at most 50,000 is the minimum.
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.True(ProviderBatches.Characters(r.Texts, r.TargetCultures.Count) <= 50_000));
        Assert.Equal(texts.Select(t => t.Id), requests.SelectMany(r => r.Texts).Select(t => t.Id));
        Assert.All(requests, r => Assert.Equal(["en", "fr", "ar"], r.TargetCultures));
    }

    [Fact]
    public void Element_and_target_limits_split_requests_and_an_oversized_text_goes_alone()
    {
        var many = Enumerable.Range(1, 2_500).Select(i => Text(i, 1)).ToList();
        Assert.Equal([1_000, 1_000, 500], ProviderBatches.Plan("zh-CN", ["en"], many, new ProviderLimits(1_000, 50_000, 25)).Select(r => r.Texts.Count));

        var perTarget = ProviderBatches.Plan("zh-CN", ["en", "fr", "ar"], [Text(1, 10)], new ProviderLimits(50, 128_000, MaxTargets: 1));
        Assert.Equal(["en", "fr", "ar"], perTarget.Select(r => r.TargetCultures.Single()));

        var huge = ProviderBatches.Plan("zh-CN", ["en"], [Text(1, 10), Text(2, 60_000), Text(3, 10)], new ProviderLimits(1_000, 50_000, 25));
        Assert.Equal([["t1"], ["t2"], ["t3"]], huge.Select(r => r.Texts.Select(t => t.Id).ToArray()));
    }

    [Fact]
    public async Task Pseudo_localization_is_accented_longer_bracketed_keeps_tags_and_is_never_for_publishing()
    {
        var provider = new PseudoLocalizationProvider();
        var segmented = MarkdownSegmenter.Segment("Read **the annual report** and run `make`.");
        var segment = segmented.Segments.Single();
        var results = await provider.TranslateAsync(
            new ProviderRequest("en", ["fr", "ar"], [new ProviderText(segment.Id, segment.Text, segment.HasTags)], new Dictionary<string, IReadOnlyList<ProviderTerm>>()),
            CancellationToken.None);

        Assert.Equal(["fr", "ar"], results.Select(r => r.Culture));
        var french = results[0].Text;
        Assert.StartsWith("[fr: ", french);
        Assert.EndsWith("]", french);
        Assert.Contains("Ŕéáð <g id=\"1\">ţĥé áññûáļ ŕéþöŕţ</g> áñð ŕûñ <x id=\"2\"/>.", french);
        Assert.True(TaggedText.PlainText(french).Length > TaggedText.PlainText(segment.Text).Length * 1.3);
        Assert.True(provider.IsForTesting);
        Assert.False(provider.IsPaid);

        var back = MarkdownReassembler.Reassemble(segmented, new Dictionary<string, string> { [segment.Id] = french });
        Assert.Empty(back.Problems);
        Assert.Contains("**ţĥé áññûáļ ŕéþöŕţ**", back.Markdown);
        Assert.Contains("`make`", back.Markdown);
    }

    [Fact]
    public void Tags_travel_to_azure_as_spans_it_keeps_and_come_back_as_tags_even_when_moved()
    {
        const string tagged = "详见<g id=\"1\">长沙高新区</g>与<x id=\"2\"/> &amp; 三一重工。";
        var terms = new[] { new ProviderTerm("长沙高新区", "Changsha Hi-tech Zone", false), new ProviderTerm("三一重工", "SANY", true) };
        var html = AzureTranslatorProvider.ToHtml(tagged, terms);

        Assert.Equal(
            "详见<span data-g=\"1\"><mstrans:dictionary translation=\"Changsha Hi-tech Zone\">长沙高新区</mstrans:dictionary></span>与" +
            "<span class=\"notranslate\" translate=\"no\" data-x=\"2\">#2</span> &amp; <span class=\"notranslate\" translate=\"no\">三一重工</span>。",
            html);

        // As the service might answer: words translated and reordered, the placeholder before the group, markup kept.
        var answer = "See <span class=\"notranslate\" translate=\"no\" data-x=\"2\">#2</span> and <span data-g=\"1\">Changsha Hi-tech Zone</span> &amp; " +
                     "<span class=\"notranslate\" translate=\"no\">三一重工</span>.";
        Assert.Equal("See <x id=\"2\"/> and <g id=\"1\">Changsha Hi-tech Zone</g> &amp; 三一重工.", AzureTranslatorProvider.FromHtml(answer));
    }

    [Theory]
    [InlineData("zh-CN", "zh-Hans")]
    [InlineData("zh-TW", "zh-Hant")]
    [InlineData("en", "en")]
    [InlineData("es-MX", "es")]
    [InlineData("pt-PT", "pt-pt")]
    [InlineData("ar", "ar")]
    public void Cultures_map_to_azure_language_codes(string culture, string code) => Assert.Equal(code, AzureTranslatorProvider.LanguageCode(culture));
}
