using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using ParkGlobalMedia.Translation.Segmentation;

namespace ParkGlobalMedia.Benchmarks;

/// <summary>
/// Segmentation and reassembly of a 5,000-word story (issue 5), time and allocations, against Markdig parsing the
/// same text with the same pipeline (the floor: segmentation parses once and walks the tree) in the same run.
/// </summary>
public class SegmentationBenchmarks
{
    private string _story = "";
    private SegmentedMarkdown _segmented = null!;
    private Dictionary<string, string> _translations = [];

    [GlobalSetup]
    public void Setup()
    {
        _story = Story(5_000);
        _segmented = MarkdownSegmenter.Segment(_story);
        _translations = _segmented.Segments.ToDictionary(s => s.Id, s => s.Text);
    }

    /// <summary>Sample bodies (headings, lists, quotes, tables, links, emphasis, images) until the story has <paramref name="words"/> words.</summary>
    public static string Story(int words)
    {
        var random = new Random(5_000);
        var story = new System.Text.StringBuilder();
        for (var i = 0; story.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length < words; i++)
        {
            story.AppendLine(SampleText.Body("en", i, random)).AppendLine();
        }

        return story.ToString();
    }

    [Benchmark(Baseline = true, Description = "Markdig parse (same pipeline)")]
    public object Parse() => Markdig.Markdown.Parse(_story, MarkdownSegmenter.Pipeline);

    [Benchmark(Description = "segment")]
    public SegmentedMarkdown Segment() => MarkdownSegmenter.Segment(_story);

    [Benchmark(Description = "reassemble (every segment translated)")]
    public ReassembledMarkdown Reassemble() => MarkdownReassembler.Reassemble(_segmented, _translations);

    public static int Run(string outDir)
    {
        var probe = new SegmentationBenchmarks();
        probe.Setup();
        Console.WriteLine($"story: {probe._story.Length} characters, {probe._segmented.Segments.Count} segments, " +
                          $"{probe._segmented.Segments.Sum(s => s.Tags.Count)} tags");
        var summary = BenchmarkRunner.Run<SegmentationBenchmarks>(StoryApiBenchmarks.Config(Path.Combine(Path.GetFullPath(outDir), "BenchmarkDotNet.Artifacts")));
        return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success) ? 1 : 0;
    }
}
