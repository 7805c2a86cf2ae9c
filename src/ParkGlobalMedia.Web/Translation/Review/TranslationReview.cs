using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Content;
using ParkGlobalMedia.Content.Stories;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Translation.Glossary;
using ParkGlobalMedia.Translation.Memory;
using ParkGlobalMedia.Translation.Providers;
using ParkGlobalMedia.Translation.Quality;
using ParkGlobalMedia.Translation.Segmentation;

namespace ParkGlobalMedia.Translation.Review;

/// <summary>
/// Where a translation stands, in the reviewer's words. It follows the target variant's workflow (which is what
/// publishing obeys) plus the document: a variant machine-translated and not yet submitted is "MachineTranslated".
/// </summary>
public enum ReviewState
{
    /// <summary>No translation was started, and the variant (if any) was written by hand.</summary>
    NotTranslated,

    /// <summary>Some segments still lack a translation (manual translation under way, or a job that failed part-way).</summary>
    Incomplete,

    MachineTranslated,
    InReview,
    Approved,
    Published,
    Archived,
}

public sealed record GlossaryHit(string Source, string? Target, bool DoNotTranslate, IReadOnlyList<string> Forbidden, string? Note);

public sealed record ReviewSegment(
    string Id,
    SegmentKind Kind,
    string Source,
    string? Target,
    string? Origin,
    string? Provider,
    string? By,
    DateTime? At,
    IReadOnlyList<QaFinding> Findings,
    IReadOnlyList<GlossaryHit> Glossary);

/// <param name="SourceChanged">The source has changed since the variant was last written from this translation.</param>
/// <param name="EditedElsewhere">The variant has text this workflow did not write (edited in the story editor).</param>
/// <param name="ApprovedBy">The last approval of the variant: who and when.</param>
public sealed record TranslationView(
    Guid StoryId,
    string SourceCulture,
    string TargetCulture,
    bool RightToLeft,
    ReviewState State,
    string? Provider,
    bool IsTestOutput,
    string? TranslatedBy,
    DateTime? TranslatedAt,
    string? ApprovedBy,
    DateTime? ApprovedAt,
    int SourceVersion,
    int? TranslatedSourceVersion,
    int? WrittenVersion,
    bool SourceChanged,
    bool EditedElsewhere,
    int Errors,
    int Warnings,
    IReadOnlyList<ReviewSegment> Segments,
    string ETag)
{
    public int Translated => Segments.Count(s => s.Target is not null);
}

public sealed record SaveSegmentsRequest(Dictionary<string, string?>? Segments);

/// <summary>
/// The review side of a translation: the side-by-side view with provenance, glossary hits and QA per segment, and
/// saving a reviewer's segments (into the memory at once, and into the variant as one new version per save).
/// </summary>
public sealed class TranslationReview(
    AppDbContext db,
    StoryService stories,
    TranslationDocuments documents,
    TranslationMemory memory,
    Termbase termbase,
    CultureCatalog cultures,
    IEnumerable<ITranslationProvider> providers,
    TimeProvider clock)
{
    /// <summary>The side-by-side view of one target culture, translated or not yet.</summary>
    public async Task<Outcome<TranslationView>> GetAsync(CallerContext caller, Guid storyId, string culture, CancellationToken cancellationToken)
    {
        var (story, target, failure) = await OpenAsync(caller, storyId, culture, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        return await ViewAsync(story!, target!, cancellationToken);
    }

    /// <summary>
    /// Saves translations for segments (by id, as the view lists them). Each goes into the memory as reviewed; when
    /// every segment has one, the variant gets one new version (a review correction while it is in review).
    /// </summary>
    public async Task<Outcome<TranslationView>> SaveAsync(CallerContext caller, Guid storyId, string culture, SaveSegmentsRequest request, string? ifMatch, CancellationToken cancellationToken)
    {
        var (story, target, failure) = await OpenAsync(caller, storyId, culture, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var variant = story!.Variants.FirstOrDefault(v => v.Culture == target);
        if (!ContentPermissions.CanEdit(caller, story.EnterpriseId) && !ContentPermissions.CanReview(caller, story.EnterpriseId, target!))
        {
            return Failure.Forbidden($"Translating into {target} needs the EnterpriseEditor role, or to be a reviewer for {target} in this enterprise.");
        }

        var source = await documents.SourceVersionAsync(storyId, cancellationToken);
        var segments = StorySegments.Of(source!);
        var errors = new ValidationErrors();
        var edits = new List<(Segment Segment, string Target)>();
        if (request.Segments is not { Count: > 0 })
        {
            errors.Add("segments", "Send at least one segment: an object from segment id to its translation.");
        }

        foreach (var (id, text) in request.Segments ?? [])
        {
            var segment = segments.All.FirstOrDefault(s => s.Id == id);
            if (segment is null)
            {
                errors.Add($"segments.{id}", $"The source has no segment '{id}' (it may have changed since you loaded it: reload).");
            }
            else if (string.IsNullOrWhiteSpace(text))
            {
                errors.Add($"segments.{id}", "A translation cannot be empty.");
            }
            else if (text.Length > StoryLimits.BodyLength)
            {
                errors.Add($"segments.{id}", $"A translation of {text.Length:N0} characters is longer than a whole story may be ({StoryLimits.BodyLength:N0}).");
            }
            else
            {
                edits.Add((segment, text.Trim()));
            }
        }

        if (!errors.IsEmpty)
        {
            return errors.ToFailure();
        }

        var document = await documents.LoadOrCreateAsync(storyId, story.EnterpriseId, story.SourceCulture, target!, cancellationToken);
        if (StoryETags.CheckIfMatch(ifMatch, ETagOf(document, variant), "translation") is { } stale)
        {
            return stale;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var units = edits.Select(e => new TranslationUnit(e.Segment.Text, e.Target, UnitOrigins.Human, null, caller.UserId, caller.Name, now)).ToList();
        // A person's translation goes into the memory unless QA blocks it (a lost tag, a required term missing): the
        // memory feeds later stories without a provider, so it must not spread an error.
        var terms = await termbase.UsedInAsync(story.EnterpriseId, story.SourceCulture, edits.Select(e => e.Segment.Text), cancellationToken);
        foreach (var (segment, text) in edits.Where(e => !QualityChecks.BlocksApproval(QualityChecks.Check(e.Segment, e.Target, target!, terms))))
        {
            await memory.RememberAsync(story.EnterpriseId, story.SourceCulture, target!, segment.Text, text, UnitOrigins.Reviewed, cancellationToken);
        }

        // Into the memory first, whatever happens to the variant: a person's translation is worth keeping on its own.
        await db.SaveChangesAsync(cancellationToken);

        var written = await documents.WriteAsync(caller, storyId, target!, segments, provider: null, writeOverEdits: true, cancellationToken,
            reviewCorrection: true, change: d => units.ForEach(d.Put));
        if (written is { Failure: not null, Incomplete: false })
        {
            return written.Raced ? Failure.Stale(written.Failure) : Failure.Conflict(written.Failure);
        }

        return await GetAsync(caller, storyId, target!, cancellationToken);
    }

    /// <summary>Fuzzy memory matches for one segment, best first, with the difference to its source.</summary>
    public async Task<Outcome<IReadOnlyList<MemoryMatch>>> SuggestionsAsync(CallerContext caller, Guid storyId, string culture, string segmentId, CancellationToken cancellationToken)
    {
        var (story, target, failure) = await OpenAsync(caller, storyId, culture, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var source = await documents.SourceVersionAsync(storyId, cancellationToken);
        var segment = StorySegments.Of(source!).All.FirstOrDefault(s => s.Id == segmentId);
        if (segment is null)
        {
            return Failure.NotFound($"The source has no segment '{segmentId}'.");
        }

        var matches = await memory.FuzzyAsync(story!.EnterpriseId, story.SourceCulture, target!, segment.Text, cancellationToken: cancellationToken);
        return Outcome<IReadOnlyList<MemoryMatch>>.Success(matches);
    }

    private async Task<TranslationView> ViewAsync(Story story, string target, CancellationToken cancellationToken)
    {
        var variant = story.Variants.FirstOrDefault(v => v.Culture == target);
        var document = await documents.FindAsync(story.Id, target, cancellationToken)
                       ?? new TranslationDocument { SourceCulture = story.SourceCulture, TargetCulture = target };
        var source = await documents.SourceVersionAsync(story.Id, cancellationToken);
        var segments = StorySegments.Of(source!);
        var terms = await termbase.UsedInAsync(story.EnterpriseId, story.SourceCulture, segments.Sources, cancellationToken);
        var rows = segments.All.Select(segment =>
        {
            var unit = document.Find(segment.Text);
            var plain = TaggedText.PlainText(segment.Text);
            var hits = terms.Where(t => plain.Contains(t.Source, StringComparison.Ordinal))
                .Select(t => new GlossaryHit(t.Source, t.DoNotTranslate ? t.Source : t.Targets.GetValueOrDefault(target), t.DoNotTranslate, t.Forbidden.GetValueOrDefault(target) ?? [], t.Note))
                .ToList();
            var findings = unit?.Target is { } text ? QualityChecks.Check(segment, text, target, terms) : [];
            return new ReviewSegment(segment.Id, segment.Kind, segment.Text, unit?.Target, unit?.Origin, unit?.Provider, unit?.ByName, unit?.At, findings, hits);
        }).ToList();

        var editedElsewhere = variant?.WorkingVersion is { } working && working.Number != document.WrittenVersionNumber;
        var approval = variant is null ? null : await db.WorkflowTransitions.AsNoTracking()
            .Where(t => t.VariantId == variant.Id && t.Action == StoryWorkflow.Approve)
            .OrderByDescending(t => t.At).FirstOrDefaultAsync(cancellationToken);
        var known = await cultures.FindAsync(target, cancellationToken);
        return new TranslationView(
            story.Id, story.SourceCulture, target, known?.IsRightToLeft ?? false,
            StateOf(variant, document, rows, editedElsewhere),
            document.Provider, TranslationRelease.IsTestOutput(document, segments, providers), document.RequestedByName, document.TranslatedAt,
            approval?.ActorName, approval?.At,
            source!.Number, document.SourceVersionNumber, document.WrittenVersionNumber,
            document.SourceVersionNumber is { } translatedFrom && translatedFrom != source.Number,
            editedElsewhere,
            rows.Sum(r => r.Findings.Count(f => f.Severity == QaSeverity.Error)),
            rows.Sum(r => r.Findings.Count(f => f.Severity == QaSeverity.Warning)),
            rows,
            ETagOf(document, variant));
    }

    private static ReviewState StateOf(StoryVariant? variant, TranslationDocument document, List<ReviewSegment> rows, bool editedElsewhere)
    {
        if (document.WrittenVersionNumber is null && rows.Any(r => r.Target is not null))
        {
            return ReviewState.Incomplete;
        }

        if (variant is null || (document.WrittenVersionNumber is null && editedElsewhere) || document.Units.Count == 0)
        {
            return ReviewState.NotTranslated;
        }

        return variant.State switch
        {
            WorkflowState.Draft => rows.Any(r => r.Target is null) ? ReviewState.Incomplete : ReviewState.MachineTranslated,
            WorkflowState.InReview => ReviewState.InReview,
            WorkflowState.Approved => ReviewState.Approved,
            WorkflowState.Published => ReviewState.Published,
            _ => ReviewState.Archived,
        };
    }

    /// <summary>Both the document and the variant: a save must not rest on a stale view of either.</summary>
    public static string ETagOf(TranslationDocument document, StoryVariant? variant) => $"\"t{document.Revision}.{variant?.Revision ?? 0}\"";

    private async Task<(Story? Story, string? Target, Failure? Failure)> OpenAsync(CallerContext caller, Guid storyId, string culture, CancellationToken cancellationToken)
    {
        var story = await stories.LoadStoryAsync(caller, storyId, cancellationToken);
        if (story is null)
        {
            return (null, null, StoryService.StoryNotFound(storyId));
        }

        var enterpriseCultures = await db.Enterprises.AsNoTracking().Where(e => e.Id == story.EnterpriseId).Select(e => e.Cultures).FirstAsync(cancellationToken);
        var target = enterpriseCultures.FirstOrDefault(c => string.Equals(c, Culture.Normalize(culture), StringComparison.OrdinalIgnoreCase));
        if (target is null || target == story.SourceCulture)
        {
            return (story, null, Failure.NotFound(
                $"'{culture}' is not a culture this story can be translated into: the enterprise's cultures other than the source ({story.SourceCulture}) are {string.Join(", ", enterpriseCultures.Where(c => c != story.SourceCulture))}."));
        }

        return (story, target, null);
    }
}
