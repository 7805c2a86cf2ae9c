using ParkGlobalMedia.Markdown;

namespace ParkGlobalMedia.Tests.Markdown;

public class MarkdownTextTests
{
    private const string ChineseSentence = "周建华第一次到秘鲁南部的矿区时连说话都喘"; // 20 characters, no punctuation

    [Fact]
    public void Plain_text_has_no_markup_and_collapsed_whitespace()
    {
        var plain = MarkdownRenderer.ToPlainText(
            "# Title\n\nSome *em* and **strong**   text.\n\n" +
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n" +
            "- [x] done\n\n> quoted\n\n" +
            "^^^\n![alt](https://x.example/a.png)\n^^^ caption\n\n---\n\n[link](https://example.com)");

        Assert.Equal("Title Some em and strong text. a b 1 2 done quoted alt caption link", plain);
        Assert.DoesNotContain('#', plain);
        Assert.DoesNotContain('*', plain);
        Assert.DoesNotContain('|', plain);
        Assert.DoesNotContain('<', plain);
    }

    [Fact]
    public async Task Render_returns_text_measures_with_the_html()
    {
        var markdown = "## 标题\n\n" + string.Concat(Enumerable.Repeat(ChineseSentence + "。", 50)) + "\n\nSY215C excavator";

        var rendered = await new MarkdownRenderer(new NullAssetReferenceResolver()).RenderAsync(markdown, "zh-CN");

        Assert.StartsWith("标题 周建华", rendered.PlainText, StringComparison.Ordinal);
        Assert.Equal(200, rendered.Excerpt.Length);
        Assert.Equal(2 + (50 * 20) + 2, rendered.WordCount);
        Assert.Equal(3, rendered.ReadingMinutes);
        Assert.Empty(rendered.AssetIds);
    }

    [Theory]
    [InlineData("The quick brown fox jumps over the lazy dog", 20, "The quick brown fox…")]
    [InlineData("The quick brown fox jumps over the lazy dog", 19, "The quick brown…")]
    [InlineData("Hello, world and more", 8, "Hello…")]
    [InlineData("Short text", 200, "Short text")]
    [InlineData("Supercalifragilisticexpialidocious", 10, "Supercali…")]
    public void Excerpts_of_latin_text_are_cut_between_words(string text, int maxChars, string expected)
    {
        Assert.Equal(expected, MarkdownRenderer.Excerpt(text, maxChars));
    }

    [Fact]
    public void Excerpts_of_chinese_text_are_cut_between_characters_at_the_full_length()
    {
        var text = string.Concat(Enumerable.Repeat(ChineseSentence, 10));

        var excerpt = MarkdownRenderer.Excerpt(text, 100);

        Assert.Equal(100, excerpt.Length);
        Assert.Equal(text[..99] + "…", excerpt);
    }

    [Fact]
    public void Excerpts_never_split_a_surrogate_pair()
    {
        var excerpt = MarkdownRenderer.Excerpt("中文中文😀后面", 6);

        Assert.Equal("中文中文…", excerpt);
    }

    [Fact]
    public void A_thousand_chinese_characters_take_about_three_minutes()
    {
        var text = string.Concat(Enumerable.Repeat(ChineseSentence + "，", 50));

        Assert.Equal(3, MarkdownRenderer.ReadingMinutes(text));
    }

    [Fact]
    public void Six_hundred_sixty_english_words_take_about_three_minutes()
    {
        var text = string.Join(' ', Enumerable.Repeat("The engineer's day-to-day work.", 165)); // 4 words each

        Assert.Equal(3, MarkdownRenderer.ReadingMinutes(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("One word")]
    public void Reading_time_is_at_least_one_minute(string text)
    {
        Assert.Equal(1, MarkdownRenderer.ReadingMinutes(text));
    }
}
