using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using static ParkGlobalMedia.Benchmarks.TranslationBench;

namespace ParkGlobalMedia.Benchmarks;

/// <summary>The <c>translation</c> mode's Markdown: the issue's two goals first, then the figures per story and per target.</summary>
public static class TranslationReport
{
    private const double Goal = 1.10;

    public static string Write(
        IReadOnlyList<string> targets, IReadOnlyList<string> added, int terms, IReadOnlyList<DemoStory> stories, IReadOnlyList<StoryRun> runs,
        ParagraphEdit edit, StoryRun rerun)
    {
        var md = new StringBuilder();
        var minRequests = stories.Sum(s => s.Minimum.Requests);
        var minCharacters = stories.Sum(s => s.Minimum.Characters);
        var words = stories.Sum(s => s.Minimum.WordCharacters);
        var wireCalls = runs.Sum(r => r.WireCalls);
        var wireCharacters = runs.Sum(r => r.WireCharacters);
        var jobCalls = runs.Sum(r => r.Calls);
        var jobCharacters = runs.Sum(r => r.Characters);

        Line(md, $"{stories.Count} demo stories ({stories.Sum(s => s.Minimum.Texts):N0} distinct source texts), Chinese (zh-CN) source into {string.Join(", ", targets)}: " +
                 $"one job per story, `replaceExisting: true` ({stories.Sum(s => s.HandWritten.Count)} of the {stories.Count * targets.Count} target variants are the demo's hand translations). " +
                 $"Enterprise cultures added for the run: {(added.Count == 0 ? "none" : string.Join("; ", added))}. " +
                 $"Termbase terms in the database: {terms}; {TermNote(stories)}. Jobs: {string.Join(", ", runs.GroupBy(r => r.State).Select(g => $"{g.Count()} {g.Key}"))}; " +
                 $"requests the fake refused: {runs.Sum(r => r.WireErrors)}.");
        Line(md);
        Line(md, "**First translation** (fresh database, no memory, no earlier translation):");
        Line(md);
        Line(md, "| measure | sent | minimum | sent ÷ minimum | goal ≤ 1.10 |");
        Line(md, "|---|---:|---:|---:|---|");
        Row(md, "HTTP requests Azure received (fake)", wireCalls, minRequests);
        Row(md, "calls the jobs counted (`calls`)", jobCalls, minRequests);
        Row(md, "characters the jobs metered (`charactersSent`: segment text × targets)", jobCharacters, minCharacters);
        Row(md, "characters on the wire (fake: code points of the HTML sent × targets)", wireCharacters, minCharacters);
        var first = runs.SelectMany(r => r.Targets).ToList();
        var shared = TranslationMinimum.SharedAcross(stories.Select(s => s.Source));
        Line(md);
        Line(md, $"Targets: {first.Count} ({string.Join(", ", first.GroupBy(t => Text(t, "state")).Select(g => $"{g.Count()} {g.Key}"))}); segments {first.Sum(t => Number(t, "segments")):N0}, " +
                 $"kept {first.Sum(t => Number(t, "kept"))}, from memory {first.Sum(t => Number(t, "fromMemory"))}, machine {first.Sum(t => Number(t, "machine")):N0}. " +
                 $"The words alone, without inline tags, are {words:N0} characters × targets; the wire carries {Ratio(wireCharacters, words)}× that, " +
                 $"the jobs' metered count {Ratio(jobCharacters, words)}×. " +
                 $"Texts in more than one story: {shared.Texts} ({shared.RepeatCharacters:N0} characters per target in their repeats) — the minimum is per story, as jobs are.");
        Line(md);

        var bound = (long)edit.Length * targets.Count;
        Line(md, $"**After a one-paragraph edit** of `{edit.Story}` (segment `{edit.SegmentId}`, {edit.LengthBefore} → {edit.Length} characters; " +
                 $"texts the edit made new: {edit.NewTexts.Count}, {edit.NewTexts.Sum(t => t.Length)} characters), the job again into the same {targets.Count} cultures:");
        Line(md);
        Line(md, "| measure | re-sent | bound: paragraph × targets | within? |");
        Line(md, "|---|---:|---:|---|");
        Line(md, $"| characters the job metered | {rerun.Characters:N0} | {bound:N0} | {(rerun.Characters <= bound ? "**yes**" : "**no**")} |");
        Line(md, $"| characters on the wire (fake) | {rerun.WireCharacters:N0} | {bound:N0} | {(rerun.WireCharacters <= bound ? "**yes**" : "**no**")} |");
        Line(md, $"| HTTP requests (fake / job `calls`) | {rerun.WireCalls} / {rerun.Calls} | 1 | {(rerun.WireCalls <= 1 && rerun.Calls <= 1 ? "yes" : "no")} |");
        Line(md);
        Line(md, "Per target: " + string.Join("; ", rerun.Targets.Select(t =>
            $"{Text(t, "culture")} {Text(t, "state")}, kept {Number(t, "kept")} of {Number(t, "segments")}, memory {Number(t, "fromMemory")}, machine {Number(t, "machine")}")) +
            $". Requests: {string.Join("; ", rerun.WireShapes)}.");
        Line(md);

        Line(md, "Per story (first translation):");
        Line(md);
        Line(md, "| story | texts | minimum characters (× targets) | job characters | wire characters | wire ÷ minimum | minimum requests | requests (fake / job) | request shapes |");
        Line(md, "|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var run in runs)
        {
            var story = run.Story!;
            Line(md, $"| {story.Name} | {story.Minimum.Texts} | {story.Minimum.Characters:N0} | {run.Characters:N0} | {run.WireCharacters:N0} | " +
                     $"{Ratio(run.WireCharacters, story.Minimum.Characters)} | {story.Minimum.Requests} | {run.WireCalls} / {run.Calls} | {string.Join("; ", run.WireShapes)} |");
        }

        Line(md, $"| **total** | {stories.Sum(s => s.Minimum.Texts):N0} | {minCharacters:N0} | {jobCharacters:N0} | {wireCharacters:N0} | {Ratio(wireCharacters, minCharacters)} | {minRequests} | {wireCalls} / {jobCalls} | |");
        return md.ToString();
    }

    private static string TermNote(IReadOnlyList<DemoStory> stories)
    {
        var withTerms = stories.Sum(s => s.Minimum.TargetsWithTerms);
        return withTerms == 0
            ? "no target has translated terms in any story, so none needs a request of its own"
            : $"{withTerms} story × target pairs have translated terms, each counted as needing requests of its own";
    }

    private static void Row(StringBuilder md, string measure, long sent, long minimum)
    {
        var ratio = (double)sent / minimum;
        Line(md, $"| {measure} | {sent:N0} | {minimum:N0} | {ratio.ToString("F3", CultureInfo.InvariantCulture)} | {(ratio <= Goal ? "**met**" : "**not met**")} |");
    }

    private static string Ratio(long value, long of) => ((double)value / of).ToString("F3", CultureInfo.InvariantCulture);

    private static string Text(JsonNode node, string name) => node[name]!.GetValue<string>();

    private static long Number(JsonNode node, string name) => node[name]!.GetValue<long>();

    private static void Line(StringBuilder md, string text = "") => md.Append(text).Append('\n');
}
