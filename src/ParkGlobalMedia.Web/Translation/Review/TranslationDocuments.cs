using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Content.Stories;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Translation.Review;

/// <summary>What writing a document into its variant did: a new version, nothing (already the text), or why not.</summary>
/// <param name="Incomplete">Some segments have no translation yet, so the variant was left as it is.</param>
/// <param name="Raced">Someone saved the document at the same moment: nothing was written; try again.</param>
/// <param name="Refused">The story refused the translated text (a field over its limit): a person has to edit it.</param>
public sealed record WriteOutcome(int? WrittenVersion, string? Failure, bool Incomplete = false, bool Raced = false, bool Refused = false);

/// <summary>
/// Loads, merges and writes <see cref="TranslationDocument"/>s: the one place that turns a document into a target
/// variant's text, for jobs and the review editor alike.
/// </summary>
public sealed class TranslationDocuments(AppDbContext db, StoryService stories, TimeProvider clock)
{
    /// <summary>The source variant's working version as it is in the database now (not as any tracker remembers it).</summary>
    public async Task<StoryVersion?> SourceVersionAsync(Guid storyId, CancellationToken cancellationToken)
    {
        var source = await db.StoryVariants.AsNoTracking()
            .Where(v => v.StoryId == storyId && v.Culture == v.Story.SourceCulture)
            .Select(v => new { v.DraftVersion, v.PublishedVersion })
            .FirstOrDefaultAsync(cancellationToken);
        return source?.DraftVersion ?? source?.PublishedVersion;
    }

    public Task<TranslationDocument?> FindAsync(Guid storyId, string culture, CancellationToken cancellationToken) =>
        db.Set<TranslationDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.StoryId == storyId && d.TargetCulture == culture, cancellationToken);

    public async Task<TranslationDocument> LoadOrCreateAsync(Guid storyId, Guid enterpriseId, string sourceCulture, string culture, CancellationToken cancellationToken)
    {
        if (await FindAsync(storyId, culture, cancellationToken) is { } existing)
        {
            return existing;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new TranslationDocument
        {
            Id = Guid.CreateVersion7(), StoryId = storyId, EnterpriseId = enterpriseId, SourceCulture = sourceCulture, TargetCulture = culture,
            CreatedAt = now, UpdatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // A reviewer opened it at the same moment: theirs is as good.
        }

        db.ChangeTracker.Clear();
        return (await FindAsync(storyId, culture, cancellationToken))!;
    }

    /// <summary>
    /// Adds translations for source texts that have none. A unit that has a translation is never replaced here, so a
    /// job can never overwrite what a reviewer typed while it ran; conflicting saves are reloaded and merged again.
    /// </summary>
    public async Task MergeAsync(Guid storyId, string culture, IEnumerable<TranslationUnit> units, CancellationToken cancellationToken)
    {
        var incoming = units.ToList();
        if (incoming.Count == 0)
        {
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var document = await db.Set<TranslationDocument>().FirstAsync(d => d.StoryId == storyId && d.TargetCulture == culture, cancellationToken);
            foreach (var unit in incoming.Where(u => document.Find(u.Source)?.IsTranslated != true))
            {
                document.Put(unit);
            }

            document.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                // someone saved the document meanwhile: merge into theirs
            }
        }
    }

    /// <summary>
    /// Writes the document's translation of <paramref name="segments"/> as a new draft of the target variant, and
    /// records which versions it connects — in one transaction. Refuses when a segment is untranslated, and when the
    /// variant has text this workflow did not write, unless <paramref name="writeOverEdits"/> (a job asked to replace
    /// existing text; the review editor, whose ETag covers the variant) — the old text stays in the history.
    /// <paramref name="reviewCorrection"/>: a reviewer's save during review keeps the variant in review.
    /// </summary>
    public async Task<WriteOutcome> WriteAsync(
        CallerContext writer, Guid storyId, string culture, StorySegments segments, string? provider, bool writeOverEdits, CancellationToken cancellationToken,
        bool reviewCorrection = false, Action<TranslationDocument>? change = null)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await OwnedTransaction.BeginAsync(db, cancellationToken);
        var document = await db.Set<TranslationDocument>().FirstAsync(d => d.StoryId == storyId && d.TargetCulture == culture, cancellationToken);
        change?.Invoke(document);
        var variant = await db.StoryVariants.AsNoTracking().Include(v => v.DraftVersion).Include(v => v.PublishedVersion)
            .FirstOrDefaultAsync(v => v.StoryId == storyId && v.Culture == culture, cancellationToken);
        var content = segments.Assemble(document, variant?.Slug);
        if (content is null)
        {
            if (change is not null)
            {
                await SaveDocumentAsync(document, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            var open = segments.Untranslated(document).Count;
            return new WriteOutcome(null, $"{open} of {segments.All.Count} segments still need a translation; the {culture} variant is written once every segment has one.", Incomplete: true);
        }

        var ours = variant?.WorkingVersion is not { } working || working.Number == document.WrittenVersionNumber;
        if (ours && variant?.WorkingVersion is { } same && SameText(same, content) && document.SourceVersionNumber == segments.Version.Number)
        {
            await SaveDocumentAsync(document, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new WriteOutcome(null, null);
        }

        var written = await stories.SaveDraftAsync(writer, storyId, culture, content, new StoryService.DraftWrite(
            IfMatch: null,
            Precondition: v => v?.WorkingVersion is { } w && w.Number != document.WrittenVersionNumber && !writeOverEdits
                ? ParkGlobalMedia.Platform.Failure.Conflict(
                    $"The {culture} variant has text this translation did not write (version {w.Number} by {w.AuthorName}); it was left as it is. " +
                    "Its translation waits in the review editor; translate again with replaceExisting to write over it.")
                : null,
            ReviewCorrection: reviewCorrection,
            ReviewerMayWrite: true), cancellationToken);
        if (!written.Succeeded)
        {
            return new WriteOutcome(null, written.Failure!.Detail, Refused: written.Failure.Kind == ParkGlobalMedia.Platform.FailureKind.Validation);
        }

        // The story service's failure handling may clear the tracker; re-find the document to record the write.
        var tracked = db.Set<TranslationDocument>().Local.FirstOrDefault(d => d.Id == document.Id) ?? document;
        if (db.Entry(tracked).State == EntityState.Detached)
        {
            db.Attach(tracked);
        }

        tracked.WrittenVersionNumber = written.Value!.DraftVersion!.Number;
        tracked.SourceVersionNumber = segments.Version.Number;
        if (provider is not null)
        {
            tracked.Provider = provider;
            tracked.RequestedById = writer.UserId;
            tracked.RequestedByName = writer.Name;
            tracked.TranslatedAt = clock.GetUtcNow().UtcDateTime;
        }

        tracked.KeepOnly(segments.Sources);
        try
        {
            await SaveDocumentAsync(tracked, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new WriteOutcome(null, "Someone saved this translation at the same moment; nothing was written. Try again.", Raced: true);
        }

        await transaction.CommitAsync(cancellationToken);
        return new WriteOutcome(tracked.WrittenVersionNumber, null);
    }

    private async Task SaveDocumentAsync(TranslationDocument document, CancellationToken cancellationToken)
    {
        document.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        db.Entry(document).Property(d => d.Units).IsModified = true;
        await db.SaveChangesAsync(cancellationToken);
    }

    private static bool SameText(StoryVersion version, VariantContent content) =>
        version.Title == content.Title && version.Summary == (content.Summary ?? "") && version.Body == content.Body &&
        version.SeoTitle == content.SeoTitle && version.SeoDescription == content.SeoDescription;
}
