using ParkGlobalMedia.Content.Stories;
using static ParkGlobalMedia.Content.Stories.DiffLineKind;

namespace ParkGlobalMedia.Tests.Content.Stories;

public class TextDiffTests
{
    /// <summary>The diff in unified-diff shorthand ("  kept", "+ added", "- removed"), easy to read in a failure.</summary>
    private static string[] Render(IEnumerable<DiffLine> diff) =>
        diff.Select(line => (line.Kind switch { Added => "+ ", Removed => "- ", _ => "  " }) + line.Text).ToArray();

    [Fact]
    public void Identical_texts_are_all_unchanged_with_both_line_numbers()
    {
        var diff = TextDiff.Lines("a\nb\nc", "a\nb\nc");

        Assert.Equal(["  a", "  b", "  c"], Render(diff));
        Assert.Equal([(1, 1), (2, 2), (3, 3)], diff.Select(line => (line.OldLineNumber!.Value, line.NewLineNumber!.Value)));
    }

    [Fact]
    public void Inserted_lines_are_added_with_only_a_new_line_number()
    {
        var diff = TextDiff.Lines("a\nd", "a\nb\nc\nd");

        Assert.Equal(["  a", "+ b", "+ c", "  d"], Render(diff));
        Assert.Equal(new DiffLine(Added, "b", null, 2), diff[1]);
        Assert.Equal(new DiffLine(Unchanged, "d", 2, 4), diff[3]);
    }

    [Fact]
    public void Deleted_lines_are_removed_with_only_an_old_line_number()
    {
        var diff = TextDiff.Lines("a\nb\nc\nd", "a\nd");

        Assert.Equal(["  a", "- b", "- c", "  d"], Render(diff));
        Assert.Equal(new DiffLine(Removed, "c", 3, null), diff[2]);
    }

    [Fact]
    public void A_changed_line_in_the_middle_is_removed_then_added()
    {
        var diff = TextDiff.Lines("one\ntwo\nthree\nfour", "one\nTWO\nthree\nfour");

        Assert.Equal(["  one", "- two", "+ TWO", "  three", "  four"], Render(diff));
        Assert.Equal(new DiffLine(Unchanged, "three", 3, 3), diff[3]);
    }

    [Fact]
    public void Scattered_edits_keep_every_common_line()
    {
        var diff = TextDiff.Lines("a\nb\nc\nd\ne\nf", "a\nx\nc\nd\nf\ny");

        Assert.Equal(["  a", "- b", "+ x", "  c", "  d", "- e", "  f", "+ y"], Render(diff));
    }

    [Theory]
    [InlineData("", "a\nb", new[] { "+ a", "+ b" })]
    [InlineData("a\nb", "", new[] { "- a", "- b" })]
    [InlineData("", "", new string[0])]
    public void Empty_texts_diff_to_pure_additions_or_removals(string oldText, string newText, string[] expected)
    {
        Assert.Equal(expected, Render(TextDiff.Lines(oldText, newText)));
    }

    [Fact]
    public void Windows_line_endings_and_a_final_newline_are_not_changes()
    {
        var diff = TextDiff.Lines("a\r\nb\r\n", "a\nb");

        Assert.All(diff, line => Assert.Equal(Unchanged, line.Kind));
        Assert.Equal(2, diff.Count);
    }

    [Fact]
    public void Chinese_lines_are_compared_whole()
    {
        var diff = TextDiff.Lines(
            "## 海拔四千米的“家”\n周建华第一次到秘鲁。\n那是2019年。",
            "## 海拔四千米的“家”\n周建华第一次到秘鲁南部。\n那是2019年。\n四年过去。");

        Assert.Equal(
            ["  ## 海拔四千米的“家”", "- 周建华第一次到秘鲁。", "+ 周建华第一次到秘鲁南部。", "  那是2019年。", "+ 四年过去。"],
            Render(diff));
    }

    [Fact]
    public void A_complete_rewrite_of_a_long_body_finishes_and_lists_every_line()
    {
        var oldText = string.Join('\n', Enumerable.Range(0, 5_000).Select(i => $"old {i}"));
        var newText = string.Join('\n', Enumerable.Range(0, 5_000).Select(i => $"new {i}"));

        var diff = TextDiff.Lines(oldText, newText);

        Assert.Equal(5_000, diff.Count(line => line.Kind == Removed));
        Assert.Equal(5_000, diff.Count(line => line.Kind == Added));
    }

    [Fact]
    public void Applying_the_diff_reproduces_both_texts()
    {
        var random = new Random(42);
        var oldLines = Enumerable.Range(0, 300).Select(_ => random.Next(20).ToString()).ToArray();
        var newLines = Enumerable.Range(0, 280).Select(_ => random.Next(20).ToString()).ToArray();

        var diff = TextDiff.Lines(string.Join('\n', oldLines), string.Join('\n', newLines));

        Assert.Equal(oldLines, diff.Where(line => line.Kind != Added).Select(line => line.Text));
        Assert.Equal(newLines, diff.Where(line => line.Kind != Removed).Select(line => line.Text));
        Assert.Equal(
            Enumerable.Range(1, oldLines.Length),
            diff.Where(line => line.Kind != Added).Select(line => line.OldLineNumber!.Value));
        Assert.Equal(
            Enumerable.Range(1, newLines.Length),
            diff.Where(line => line.Kind != Removed).Select(line => line.NewLineNumber!.Value));
    }
}
