using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Content.Stories;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Translation.Glossary;
using ParkGlobalMedia.Translation.Memory;
using ParkGlobalMedia.Translation.Providers;
using ParkGlobalMedia.Translation.Quality;

namespace ParkGlobalMedia.Translation.Review;

/// <summary>
/// What the translation workflow says before a variant it wrote is approved or published: blocking QA findings and
/// pseudo-localized test output refuse the move. After an approval, every segment of the approved text goes into
/// the translation memory: approved translations are what later stories should reuse.
/// </summary>
/// <remarks>It depends on nothing that depends on the story service: the story service depends on it.</remarks>
public sealed class TranslationRelease(AppDbContext db, Termbase termbase, TranslationMemory memory, IEnumerable<ITranslationProvider> providers)
    : IVariantReleaseCheck, IStoryChangeObserver
{
    /// <summary>Named in refusals; the rest are in the review editor.</summary>
    private const int FindingsNamed = 3;

    public async Task<Failure?> CheckAsync(Story story, StoryVariant variant, string action, CancellationToken cancellationToken)
    {
        if (await ReleaseCheckAsync(story, variant, cancellationToken) is not var (findings, testOutput))
        {
            return null;
        }

        if (testOutput)
        {
            return Failure.Conflict(
                $"The {variant.Culture} text contains pseudo-localized test output, which is never published. Translate it with a real " +
                "provider, or replace those segments in the review editor.");
        }

        var errors = findings.Where(f => f.Severity == QaSeverity.Error).ToList();
        return errors.Count == 0
            ? null
            : new Failure(FailureKind.Conflict, "Translation QA found blocking errors",
                $"{errors.Count} blocking QA error{(errors.Count == 1 ? "" : "s")} in the {variant.Culture} translation must be fixed before it can be {(action == StoryWorkflow.Approve ? "approved" : "published")}: " +
                string.Join(" ", errors.Take(FindingsNamed).Select(f => $"[{f.SegmentId}] {f.Message}")) +
                (errors.Count > FindingsNamed ? $" …and {errors.Count - FindingsNamed} more in the review editor." : ""));
    }

    public async Task OnChangedAsync(StoryChanged change, CancellationToken cancellationToken)
    {
        if (change.Change != StoryWorkflow.Approve)
        {
            return;
        }

        var document = await FindAsync(change.StoryId, change.Culture, cancellationToken);
        var sourceCulture = document?.SourceCulture;
        if (document?.SourceVersionNumber is null || sourceCulture is null)
        {
            return;
        }

        foreach (var unit in document.Units.Where(u => u.Target is not null))
        {
            await memory.RememberAsync(change.EnterpriseId, sourceCulture, change.Culture, unit.Source, unit.Target!, UnitOrigins.Reviewed, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// QA of what the variant was last written from, and whether it is test output. Null when the variant's text did
    /// not come from this workflow (edited elsewhere since, or never translated): nothing of ours to check.
    /// </summary>
    public async Task<(IReadOnlyList<QaFinding> Findings, bool TestOutput)?> ReleaseCheckAsync(Story story, StoryVariant variant, CancellationToken cancellationToken)
    {
        var document = await FindAsync(story.Id, variant.Culture, cancellationToken);
        if (document?.WrittenVersionNumber is not { } written || variant.WorkingVersion?.Number != written || document.SourceVersionNumber is not { } sourceNumber)
        {
            return null;
        }

        var sourceVersion = await db.StoryVersions.AsNoTracking()
            .Where(v => v.Number == sourceNumber && db.StoryVariants.Any(sv => sv.Id == v.VariantId && sv.StoryId == story.Id && sv.Culture == story.SourceCulture))
            .FirstOrDefaultAsync(cancellationToken);
        if (sourceVersion is null)
        {
            return null;
        }

        var segments = StorySegments.Of(sourceVersion);
        var terms = await termbase.UsedInAsync(story.EnterpriseId, story.SourceCulture, segments.Sources, cancellationToken);
        var findings = segments.All.SelectMany(s => document.Find(s.Text)?.Target is { } t ? QualityChecks.Check(s, t, variant.Culture, terms) : []).ToList();
        return (findings, IsTestOutput(document, segments, providers));
    }

    /// <summary>Whether any segment's text is still the output of a test-only provider (pseudo-localization).</summary>
    public static bool IsTestOutput(TranslationDocument document, StorySegments segments, IEnumerable<ITranslationProvider> providers)
    {
        var testing = providers.Where(p => p.IsForTesting).Select(p => p.Name).ToHashSet();
        return segments.All.Any(s => document.Find(s.Text) is { Origin: UnitOrigins.Machine, Provider: { } p } && testing.Contains(p));
    }

    private Task<TranslationDocument?> FindAsync(Guid storyId, string culture, CancellationToken cancellationToken) =>
        db.Set<TranslationDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.StoryId == storyId && d.TargetCulture == culture, cancellationToken);
}
