using ParkGlobalMedia.Content.Stories;
using ParkGlobalMedia.Tests.Infrastructure.Fakes;
using ParkGlobalMedia.Translation.Glossary;
using ParkGlobalMedia.Translation.Review;
using ParkGlobalMedia.Translation.Segmentation;

namespace ParkGlobalMedia.Benchmarks;

/// <summary>
/// The least a translation of one story version into a set of targets can send to Azure Translator, worked out from
/// the source alone — the job's own bookkeeping is not consulted:
/// <list type="bullet">
/// <item>characters: every distinct translatable text of the version (<see cref="StorySegments.Of"/>: title, summary,
/// SEO fields, body segments as tagged text) once per target; a fresh database has no memory and no earlier
/// translation, so nothing can be left out. <see cref="WordCharacters"/> is the same without any inline tags (the
/// words alone), a floor no adapter that keeps formatting can reach;</item>
/// <item>requests: Azure takes at most 1,000 elements and 50,000 characters per request, characters counted once per
/// target (<see cref="FakeAzureTranslator.MaxElements"/>, <see cref="FakeAzureTranslator.MaxCharacters"/>), and one
/// request may name every target. So at least max(1, ⌈texts ÷ 1,000⌉, ⌈characters × targets ÷ 50,000⌉) requests —
/// a lower bound (texts are indivisible, so packing may need one more). A target with translated glossary terms in
/// the story needs requests of its own: the dynamic dictionary markup carries one translation per term, which
/// differs per target. Such targets are counted with the same bound at one target each, the others share.</item>
/// </list>
/// </summary>
public sealed record TranslationMinimum(int Texts, long Characters, long WordCharacters, int TargetsWithTerms, int Requests)
{
    public static TranslationMinimum Of(StoryVersion source, Guid enterpriseId, IReadOnlyList<string> targets, IReadOnlyList<Term> terms)
    {
        var texts = StorySegments.Of(source).Sources;
        long characters = texts.Sum(t => (long)t.Length);
        long words = texts.Sum(t => (long)TaggedText.PlainText(t).Length);

        var plain = texts.Select(TaggedText.PlainText).ToList();
        var used = terms.Where(t => (t.EnterpriseId is null || t.EnterpriseId == enterpriseId) && !t.DoNotTranslate
                                    && plain.Any(p => p.Contains(t.Source, StringComparison.Ordinal)))
            .ToList();
        var withTerms = targets.Count(culture => used.Any(t => t.Targets.ContainsKey(culture)));
        var requests = Bound(texts.Count, characters, targets.Count - withTerms) + withTerms * Bound(texts.Count, characters, 1);
        return new TranslationMinimum(texts.Count, characters * targets.Count, words * targets.Count, withTerms, requests);
    }

    /// <summary>The texts that a later version has and an earlier one had not: all a re-run needs to send.</summary>
    public static IReadOnlyList<string> NewTexts(StoryVersion before, StoryVersion after)
    {
        var old = StorySegments.Of(before).Sources;
        return StorySegments.Of(after).Sources.Where(t => !old.Contains(t)).ToList();
    }

    /// <summary>
    /// Texts found in more than one of the versions, and the characters (per target) their repeats cost: what a
    /// minimum over the whole set, rather than per story, would also save. Jobs are per story, and a fresh database
    /// has no memory to carry a text from one story's job to the next (only approved translations are remembered).
    /// </summary>
    public static (int Texts, long RepeatCharacters) SharedAcross(IEnumerable<StoryVersion> versions)
    {
        var repeated = versions.SelectMany(v => StorySegments.Of(v).Sources).GroupBy(t => t, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
        return (repeated.Count, repeated.Sum(g => (long)g.Key.Length * (g.Count() - 1)));
    }

    private static int Bound(int texts, long characters, int targets) => targets == 0
        ? 0
        : (int)Math.Max(1, Math.Max(Ceiling(texts, FakeAzureTranslator.MaxElements), Ceiling(characters * targets, FakeAzureTranslator.MaxCharacters)));

    private static long Ceiling(long value, long divisor) => (value + divisor - 1) / divisor;
}
