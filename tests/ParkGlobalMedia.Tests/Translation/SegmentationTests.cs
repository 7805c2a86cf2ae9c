using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using ParkGlobalMedia.Translation.Segmentation;

namespace ParkGlobalMedia.Tests.Translation;

/// <summary>
/// Story bodies cut into segments and put back: only words travel to translators, inline Markdown travels as tags,
/// and whatever a translation does to the words (longer, right-to-left, reordered tags), the Markdown written back
/// has the source's structure.
/// </summary>
public sealed partial class SegmentationTests
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml().UsePipeTables().UseGridTables().UseFigures().UseEmphasisExtras().UseFootnotes().UseTaskLists().Build();

    [Fact]
    public void Code_urls_asset_references_footnote_labels_and_entities_never_reach_the_translator()
    {
        var source = """
            ## 运行 `docker compose up` 即可

            详见[长沙高新区](https://www.example.cn/park "园区") &nbsp; 与脚注[^1]。

            ![园区全景](asset:0190f3a2b7c84d5e9f00112233445566 "夜景")

            <https://example.org/report.pdf>

            ```bash
            echo 不要翻译
            ```

            [^1]: 脚注正文。
            """;
        var segmented = MarkdownSegmenter.Segment(source);

        Assert.Equal(
            [
                "运行 <x id=\"1\"/> 即可",
                "详见<g id=\"1\">长沙高新区</g> <x id=\"2\"/> 与脚注<x id=\"3\"/>。",
                "<g id=\"1\">园区全景</g>",
                "脚注正文。",
            ],
            segmented.Segments.Select(s => s.Text));
        var words = string.Concat(segmented.Segments.Select(s => TaggedText.PlainText(s.Text)));
        foreach (var untouchable in new[] { "docker", "example.cn", "asset:", "nbsp", "[^1]", "echo", "report.pdf" })
        {
            Assert.DoesNotContain(untouchable, words);
        }

        var link = segmented.Segments[1].Tags[0];
        Assert.Equal(("link", "[", "](https://www.example.cn/park \"园区\")"), (link.Kind, link.Open, link.Close));
        Assert.Equal(SegmentKind.Heading, segmented.Segments[0].Kind);
    }

    [Fact]
    public void Identity_translation_gives_back_markdown_that_renders_the_same()
    {
        var source = Sample;
        var segmented = MarkdownSegmenter.Segment(source);
        var back = MarkdownReassembler.Reassemble(segmented, segmented.Segments.ToDictionary(s => s.Id, s => s.Text));

        Assert.Empty(back.Problems);
        Assert.Equal(Structure(source), Structure(back.Markdown));
        Assert.Equal(Words(Markdig.Markdown.ToHtml(source, Pipeline)), Words(Markdig.Markdown.ToHtml(back.Markdown, Pipeline)));
    }

    [Theory]
    [InlineData("pseudo")]
    [InlineData("arabic")]
    [InlineData("reordered")]
    [InlineData("syntax")]
    public void Whatever_a_translation_does_to_the_words_the_structure_comes_back(string translator)
    {
        var segmented = MarkdownSegmenter.Segment(Sample);
        var translations = segmented.Segments.ToDictionary(s => s.Id, s => Translate(s.Text, translator));
        var back = MarkdownReassembler.Reassemble(segmented, translations);

        Assert.Empty(back.Problems);
        Assert.Equal(Structure(Sample), Structure(back.Markdown));
        Assert.Contains("```bash\necho 不要翻译\n```", back.Markdown); // code blocks byte for byte
    }

    [Fact]
    public void Text_that_looks_like_markdown_stays_text()
    {
        var segmented = MarkdownSegmenter.Segment("第一段。\n\n| 指标 | 数值 |\n|---|---:|\n| 产值 | 15.6% |\n");
        var translations = new Dictionary<string, string>
        {
            // Tagged text is XML-escaped: "&amp;copy;" is the six characters, not the © sign.
            [segmented.Segments[0].Id] = "1. Not a list *nor* [a link](x) # or `code` ~sub~ &amp;copy; a|b",
            [segmented.Segments[1].Id] = "Indicator | with a pipe",
        };
        var back = MarkdownReassembler.Reassemble(segmented, translations);

        Assert.Empty(back.Problems);
        Assert.Equal(Structure(segmented.Source), Structure(back.Markdown));
        var html = Markdig.Markdown.ToHtml(back.Markdown, Pipeline);
        Assert.True(html.Contains("<p>1. Not a list *nor* [a link](x) # or `code` ~sub~ &amp;copy; a|b</p>", StringComparison.Ordinal), html);
        Assert.Contains("<th>Indicator | with a pipe</th>", html);
    }

    [Fact]
    public void A_hard_line_break_in_a_quoted_list_item_stays_inside_the_quote_and_the_item()
    {
        var source = "> - 第一行  \n>   第二行\n> - 另一项\n";
        var segmented = MarkdownSegmenter.Segment(source);
        Assert.Equal("第一行<x id=\"1\"/>第二行", segmented.Segments[0].Text);

        var back = MarkdownReassembler.Reassemble(segmented, new Dictionary<string, string>
        {
            [segmented.Segments[0].Id] = "First line<x id=\"1\"/>second line",
        });
        Assert.Equal(Structure(source), Structure(back.Markdown));
        Assert.Contains("<li>First line<br />\nsecond line</li>", Markdig.Markdown.ToHtml(back.Markdown, Pipeline));
    }

    [Fact]
    public void A_lost_or_invented_tag_is_reported_and_nothing_untranslatable_is_lost()
    {
        var segmented = MarkdownSegmenter.Segment("运行 `make` 并阅读[文档](https://example.org/docs)。");
        var segment = segmented.Segments[0];
        var back = MarkdownReassembler.Reassemble(segmented, new Dictionary<string, string>
        {
            [segment.Id] = "Run and read <g id=\"2\">the docs</g> <x id=\"7\"/>.",
        });

        Assert.Contains(back.Problems, p => p.Problem.Contains("tag 1", StringComparison.Ordinal) && p.Problem.Contains("missing", StringComparison.Ordinal));
        Assert.Contains(back.Problems, p => p.Problem.Contains("not one of the source's", StringComparison.Ordinal));
        Assert.Contains("`make`", back.Markdown);
        Assert.Contains("[the docs](https://example.org/docs)", back.Markdown);
    }

    [Fact]
    public void Translators_rewriting_tags_are_forgiven_where_the_meaning_is_clear()
    {
        var segmented = MarkdownSegmenter.Segment("请看**重点**和`代码`。");
        var back = MarkdownReassembler.Reassemble(segmented, new Dictionary<string, string>
        {
            [segmented.Segments[0].Id] = "See <G id='1'>the point</G> and < x id = \"2\" / >.",
        });

        Assert.Empty(back.Problems);
        Assert.Equal("See **the point** and `代码`.", back.Markdown);
    }

    [Fact]
    public void Segments_without_a_translation_keep_their_source_and_empty_documents_have_none()
    {
        var segmented = MarkdownSegmenter.Segment("第一段。\n\n第二段。\n");
        var back = MarkdownReassembler.Reassemble(segmented, new Dictionary<string, string> { [segmented.Segments[1].Id] = "Second." });
        Assert.Equal("第一段。\n\nSecond.\n", back.Markdown);

        Assert.Empty(MarkdownSegmenter.Segment("").Segments);
        Assert.Empty(MarkdownSegmenter.Segment("   \n\n  ").Segments);
        Assert.Empty(MarkdownSegmenter.Segment("```\n只有代码\n```\n").Segments);
    }

    private const string Sample = """
        # 湘江重工：从园区走向世界 🇨🇳

        2024年3月，**湘江重工**在*长沙国家高新技术产业开发区*投产了 1,200 MW 的新产线，产值增长 15.6%，
        被评为“专精特新”企业。详见[公司年报](https://example.com/report "年报")与脚注[^1]。

        ![园区全景](asset:0190f3a2b7c84d5e9f00112233445566)

        > 链主企业的责任：
        >
        > 1. 带动上下游 ***共同*** 发展
        >    - 园区内配套率 ~~60%~~ 75%
        >    - 运行 `make deploy` 即可 👩‍🔧
        > 2. 培养本地人才

        | 指标 | 2023 | 2024 |
        |:---|---:|:---:|
        | 产值（亿元） | 3.2 | **4.1** |
        | 员工 | 1,200 | 1,450 |

        - [x] 完成一期
        - [ ] 启动二期

        ```bash
        echo 不要翻译
        ```

        ---

        مرحبا بكم في **المنطقة** الصناعية。

        [^1]: 数据来源：企业年报。
        """;

    internal static string Translate(string tagged, string translator)
    {
        var (nodes, _) = TaggedText.Parse(tagged, [.. TagIds(tagged).Select(id => new InlineTag(id, "any", "", tagged.Contains($"<x id=\"{id}\"/>", StringComparison.Ordinal) ? null : ""))]);
        return translator switch
        {
            "pseudo" => TaggedText.Write(Map(nodes, text => text.Trim().Length == 0 ? text : $"{Lead(text)}[{new string(text.Trim().Select(c => c == 'a' ? 'á' : c).ToArray())} ~~~ lengthened]{Trail(text)}")),
            // Spaces around words are kept, as translators do: emphasis flanking depends on them.
            "arabic" => TaggedText.Write(Map(nodes, text => text.Trim().Length == 0 ? text : $"{Lead(text)}نص عربي مترجم{Trail(text)}")),
            // Tags move: the first tag of each segment goes to the end, as translators do when word order changes.
            "reordered" => TaggedText.Write(nodes.Count > 1 && nodes[0] is not TaggedNode.Text ? [.. nodes.Skip(1), nodes[0]] : nodes),
            // Words that are Markdown syntax everywhere.
            "syntax" => TaggedText.Write(Map(nodes, text => "# *a* [b](c) `d` | e ~f~ 1. <g> \\")),
            _ => throw new ArgumentOutOfRangeException(nameof(translator)),
        };
    }

    private static string Lead(string text) => text[..(text.Length - text.TrimStart().Length)];

    private static string Trail(string text) => text[text.TrimEnd().Length..];

    private static IEnumerable<int> TagIds(string tagged) =>
        TagIdPattern().Matches(tagged).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct();

    [GeneratedRegex("<[gx] id=\"(\\d+)\"")]
    private static partial Regex TagIdPattern();

    private static List<TaggedNode> Map(IEnumerable<TaggedNode> nodes, Func<string, string> words) =>
        nodes.Select(node => node switch
        {
            TaggedNode.Text text => new TaggedNode.Text(words(text.Value)),
            TaggedNode.Group group => new TaggedNode.Group(group.Id, Map(group.Children, words)),
            _ => node,
        }).ToList();

    /// <summary>Block kinds with their depth, then the counts of every inline construct a translation must keep.</summary>
    internal static string Structure(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        var blocks = document.Descendants<Block>().Select(b => $"{Depth(b)}:{b.GetType().Name}{(b is HeadingBlock h ? h.Level : "")}");
        var inlines = document.Descendants<Inline>().ToList();
        var counts = new[]
        {
            $"links={inlines.OfType<LinkInline>().Count(l => !l.IsImage)}",
            $"images={inlines.OfType<LinkInline>().Count(l => l.IsImage)}",
            // As a multiset, "_" as "*": "***x***" nests either way round, and moved tags change the order.
            $"emphasis={string.Join(",", inlines.OfType<EmphasisInline>().Select(e => $"{(e.DelimiterChar == '_' ? '*' : e.DelimiterChar)}{e.DelimiterCount}").Order(StringComparer.Ordinal))}",
            $"code={inlines.OfType<CodeInline>().Count()}",
            $"footnotes={inlines.OfType<FootnoteLink>().Count()}",
            $"breaks={inlines.OfType<LineBreakInline>().Count(b => b.IsHard)}",
            $"cells={document.Descendants<TableCell>().Count()}",
        };
        return string.Join("\n", blocks.Concat(counts));
    }

    private static int Depth(Block block)
    {
        var depth = 0;
        for (var parent = block.Parent; parent is not null; parent = parent.Parent)
        {
            depth++;
        }

        return depth;
    }

    /// <summary>The words of rendered HTML without any whitespace (soft breaks become spaces or vanish between CJK).</summary>
    private static string Words(string html) => WhitespacePattern().Replace(html, "");

    internal static string RenderedWords(string markdown) => Words(Markdig.Markdown.ToHtml(markdown, Pipeline));

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}

/// <summary>
/// The round-trip corpus (Translation/Corpus, see its README): two dozen tricky story bodies. Whatever a translation
/// does to the words, the Markdown written back has the source's structure, and identity gives back the same page.
/// </summary>
public sealed class SegmentationCorpusTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Translation", "Corpus");

    public static TheoryData<string, string> Cases()
    {
        using var expected = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "expected-structure.json")));
        var cases = new TheoryData<string, string>();
        foreach (var file in expected.RootElement.GetProperty("files").EnumerateObject().Select(f => f.Name))
        {
            foreach (var translator in new[] { "identity", "pseudo", "arabic", "reordered", "syntax" })
            {
                cases.Add(file, translator);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_corpus_document_keeps_its_structure_through_a_translation(string file, string translator)
    {
        var source = File.ReadAllText(Path.Combine(Folder, file));
        var segmented = MarkdownSegmenter.Segment(source);
        var translations = segmented.Segments.ToDictionary(s => s.Id, s => translator == "identity" ? s.Text : SegmentationTests.Translate(s.Text, translator));
        var back = MarkdownReassembler.Reassemble(segmented, translations);

        // Translations that keep words and spaces apart must come back whole. The adversarial ones (every word
        // replaced, punctuation gone) may defeat Markdown's emphasis rules: then the segment must be flagged, never
        // silently changed.
        if (translator is "identity" or "pseudo" or "reordered" || back.Problems.Count == 0)
        {
            Assert.Empty(back.Problems);
            Assert.Equal(SegmentationTests.Structure(source), SegmentationTests.Structure(back.Markdown));
        }
        else
        {
            Assert.All(back.Problems, p => Assert.Contains("no longer apply", p.Problem, StringComparison.Ordinal));
        }

        if (translator == "identity")
        {
            Assert.Equal(SegmentationTests.RenderedWords(source), SegmentationTests.RenderedWords(back.Markdown));
        }
    }

    [Fact]
    public void The_corpus_parses_as_its_expected_structure_says()
    {
        using var expected = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "expected-structure.json")));
        foreach (var file in expected.RootElement.GetProperty("files").EnumerateObject())
        {
            var counts = file.Value.GetProperty("counts");
            var structure = SegmentationTests.Structure(File.ReadAllText(Path.Combine(Folder, file.Name)));
            Assert.Contains($"images={counts.GetProperty("images").GetInt32()}", structure);
            Assert.Contains($"cells={counts.GetProperty("tableCells").GetInt32()}", structure);
        }
    }
}
