using ParkGlobalMedia.Translation.Glossary;
using ParkGlobalMedia.Translation.Quality;
using ParkGlobalMedia.Translation.Segmentation;

namespace ParkGlobalMedia.Tests.Translation;

/// <summary>The checks before approval, each on the smallest case that trips it, and a clean translation that trips none.</summary>
public sealed class QualityChecksTests
{
    private static readonly Term[] Terms =
    [
        new() { Scope = Term.SharedScope, SourceCulture = "zh-CN", Source = "链主", Targets = new() { ["en"] = "chain leader" }, Forbidden = new() { ["en"] = ["chain master"] } },
        new() { Scope = Term.SharedScope, SourceCulture = "zh-CN", Source = "SANY", DoNotTranslate = true },
    ];

    private static Segment Body(string markdown) => MarkdownSegmenter.Segment(markdown).Segments.Single();

    private static IReadOnlyList<QaFinding> Check(Segment source, string translated) => QualityChecks.Check(source, translated, "en", Terms);

    [Fact]
    public void A_faithful_translation_passes_every_check()
    {
        var source = Body("SANY 是园区的**链主**，2024 年产值 1,200 亿元，见[年报](https://example.org)。");
        var findings = Check(source, "SANY is the park's <g id=\"1\">chain leader</g>; in 2024 its output was 1200 hundred million yuan, see <g id=\"2\">the report</g>.");
        Assert.Empty(findings);
        Assert.False(QualityChecks.BlocksApproval(findings));
    }

    [Fact]
    public void Lost_or_invented_tags_and_defeated_markup_block_approval()
    {
        var source = Body("阅读[年报](https://example.org)并运行 `make`。");
        var findings = Check(source, "Read the report <x id=\"9\"/>.");
        Assert.Contains(findings, f => f.Check == "tags" && f.Message.Contains("tag 1", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Check == "tags" && f.Message.Contains("not one of the source's", StringComparison.Ordinal));
        Assert.True(QualityChecks.BlocksApproval(findings));

        var emphasis = Check(Body("这是**重点**内容。"), "This is<g id=\"1\">“key”</g>content.");
        Assert.Contains(emphasis, f => f.Check == "tags" && f.Message.Contains("emphasis", StringComparison.Ordinal));
    }

    [Fact]
    public void A_segment_left_as_the_source_is_flagged_unless_it_is_only_names()
    {
        Assert.Contains(Check(Body("Park stories"), "Park stories"), f => f.Check == "untranslated" && f.Severity == QaSeverity.Warning);
        Assert.Contains(Check(Body("园区故事"), "  "), f => f.Check == "untranslated" && f.Severity == QaSeverity.Error);
        Assert.DoesNotContain(Check(Body("SANY"), "SANY"), f => f.Check == "untranslated");
    }

    [Fact]
    public void Numbers_that_differ_are_named_and_separators_do_not_count()
    {
        Assert.DoesNotContain(Check(Body("产值 1,200 万元，增长 15.6%。"), "Output 1200 ten-thousand yuan, up 15.6%."), f => f.Check == "numbers");
        var finding = Assert.Single(Check(Body("产值 1,200 万元，增长 15.6%。"), "Output 1300 ten-thousand yuan, up 15.6%."), f => f.Check == "numbers");
        Assert.Contains("missing 1200", finding.Message);
        Assert.Contains("not in the source 1300", finding.Message);
        Assert.Equal(["3.5", "1200", "2024"], QualityChecks.Numbers("３,5 and 1.200 in 2024"));
    }

    [Fact]
    public void Required_terms_missing_names_translated_and_forbidden_terms_block_approval()
    {
        var findings = Check(Body("SANY 是链主。"), "Sany Heavy is the chain master.");
        Assert.Contains(findings, f => f.Check == "glossary" && f.Message.Contains("'chain leader'", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Check == "glossary" && f.Message.Contains("'SANY' is a name", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Check == "forbidden" && f.Message.Contains("use 'chain leader'", StringComparison.Ordinal));
        Assert.All(findings.Where(f => f.Check is "glossary" or "forbidden"), f => Assert.Equal(QaSeverity.Error, f.Severity));
    }

    [Fact]
    public void Field_lengths_are_checked_per_field_counting_characters_not_bytes()
    {
        var seoTitle = MarkdownSegmenter.Field("seoTitle", SegmentKind.SeoTitle, "标题");
        Assert.Contains(Check(seoTitle, new string('a', 65)), f => f.Check == "length" && f.Severity == QaSeverity.Warning);
        Assert.Contains(Check(seoTitle, new string('a', 71)), f => f.Check == "length" && f.Severity == QaSeverity.Error);
        Assert.DoesNotContain(Check(seoTitle, new string('长', 60)), f => f.Check == "length");

        var title = MarkdownSegmenter.Field("title", SegmentKind.Title, "标题");
        Assert.Contains(Check(title, new string('x', 201)), f => f.Check == "length" && f.Severity == QaSeverity.Error);
    }
}
