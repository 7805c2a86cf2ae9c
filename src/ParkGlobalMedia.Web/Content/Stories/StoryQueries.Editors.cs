using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform;

namespace ParkGlobalMedia.Content.Stories;

/// <summary>What editors get: the working copy, versions, diffs and the workflow log — all 404 to callers who may not see drafts.</summary>
public sealed partial class StoryQueries
{
    public async Task<Outcome<WorkingStory>> GetWorkingAsync(CallerContext caller, Guid storyId, string culture, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadForEditorsAsync(caller, storyId, culture, cancellationToken);
        if (!loaded.Succeeded)
        {
            return loaded.Failure!;
        }

        var (story, variant) = loaded.Value;
        var version = variant.WorkingVersion!;
        var names = await ClassificationNamesAsync(story, cancellationToken);
        return new WorkingStory(
            story.Id,
            variant.Id,
            await db.Enterprises.Where(e => e.Id == story.EnterpriseId).Select(e => e.Slug).FirstAsync(cancellationToken),
            variant.Culture,
            story.SourceCulture,
            variant.State.ToString(),
            new VariantContent(version.Title, version.Slug, version.Summary, version.Body, version.SeoTitle, version.SeoDescription),
            version.Number,
            variant.PublishedVersion?.Number,
            variant.DraftVersionId is not null,
            names.Category,
            story.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal).ToList(),
            names.Campaign,
            story.CoverAssetId,
            variant.PublishAt,
            variant.ArchiveAt,
            variant.PublishedAt,
            variant.UpdatedAt,
            StoryWorkflow.Available(variant, caller).Select(a => a.Name).ToList(),
            story.Variants.OrderBy(v => v.Culture, StringComparer.Ordinal)
                .Select(v => new VariantStatus(v.Culture, v.State.ToString(), v.IsLive, v.WorkingVersion?.Title ?? "")).ToList(),
            StoryETags.Working(story, variant));
    }

    public async Task<Outcome<StorySummary>> GetSummaryAsync(CallerContext caller, Guid storyId, CancellationToken cancellationToken = default)
    {
        var story = await LoadStoryAsync(storyId, cancellationToken);
        var canSeeDrafts = story is not null && ContentPermissions.CanReadDrafts(caller, story.EnterpriseId);
        var visible = story?.Variants.Where(v => canSeeDrafts || v.IsLive).ToList() ?? [];
        if (story is null || visible.Count == 0)
        {
            return StoryService.StoryNotFound(storyId);
        }

        var names = await ClassificationNamesAsync(story, cancellationToken);
        return new StorySummary(
            story.Id,
            await db.Enterprises.Where(e => e.Id == story.EnterpriseId).Select(e => e.Slug).FirstAsync(cancellationToken),
            story.SourceCulture,
            names.Category,
            story.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal).ToList(),
            names.Campaign,
            story.CoverAssetId,
            visible.OrderBy(v => v.Culture, StringComparer.Ordinal).Select(v => canSeeDrafts
                ? new VariantStatus(v.Culture, v.State.ToString(), v.IsLive, v.WorkingVersion?.Title ?? "")
                : new VariantStatus(v.Culture, WorkflowState.Published.ToString(), true, v.PublishedVersion!.Title)).ToList(),
            StoryETags.Story(story));
    }

    public async Task<Outcome<IReadOnlyList<VersionInfo>>> VersionsAsync(CallerContext caller, Guid storyId, string culture, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadForEditorsAsync(caller, storyId, culture, cancellationToken);
        if (!loaded.Succeeded)
        {
            return loaded.Failure!;
        }

        var variant = loaded.Value.Variant;
        var versions = await db.StoryVersions.AsNoTracking().Where(v => v.VariantId == variant.Id)
            .OrderByDescending(v => v.Number)
            .Select(v => new VersionInfo(v.Number, v.Title, v.Slug, v.AuthorName, v.CreatedAt, v.RestoredFromNumber,
                v.Id == variant.PublishedVersionId, v.Id == variant.DraftVersionId))
            .ToListAsync(cancellationToken);
        return versions;
    }

    public async Task<Outcome<VersionDetail>> VersionAsync(CallerContext caller, Guid storyId, string culture, int number, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadForEditorsAsync(caller, storyId, culture, cancellationToken);
        if (!loaded.Succeeded)
        {
            return loaded.Failure!;
        }

        var version = await db.StoryVersions.AsNoTracking()
            .FirstOrDefaultAsync(v => v.VariantId == loaded.Value.Variant.Id && v.Number == number, cancellationToken);
        return version is null
            ? Failure.NotFound($"The {culture} variant has no version {number}.")
            : new VersionDetail(version.Number, ContentOf(version), version.AuthorName, version.CreatedAt, version.RestoredFromNumber);
    }

    public async Task<Outcome<VersionDiff>> DiffAsync(CallerContext caller, Guid storyId, string culture, int from, int to, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadForEditorsAsync(caller, storyId, culture, cancellationToken);
        if (!loaded.Succeeded)
        {
            return loaded.Failure!;
        }

        var versions = await db.StoryVersions.AsNoTracking()
            .Where(v => v.VariantId == loaded.Value.Variant.Id && (v.Number == from || v.Number == to))
            .ToListAsync(cancellationToken);
        var old = versions.FirstOrDefault(v => v.Number == from);
        var current = versions.FirstOrDefault(v => v.Number == to);
        if (old is null || current is null)
        {
            return Failure.NotFound($"The {culture} variant has no version {(old is null ? from : to)}.");
        }

        var fields = new List<FieldDiff>();
        void Compare(string field, string? a, string? b)
        {
            if (!string.Equals(a ?? "", b ?? "", StringComparison.Ordinal))
            {
                fields.Add(new FieldDiff(field, a, b));
            }
        }

        Compare("title", old.Title, current.Title);
        Compare("slug", old.Slug, current.Slug);
        Compare("summary", old.Summary, current.Summary);
        Compare("seoTitle", old.SeoTitle, current.SeoTitle);
        Compare("seoDescription", old.SeoDescription, current.SeoDescription);
        var body = TextDiff.Lines(old.Body, current.Body)
            .Select(l => new DiffLineView(l.Kind.ToString().ToLowerInvariant(), l.Text, l.OldLineNumber, l.NewLineNumber)).ToList();
        return new VersionDiff(from, to, fields, body);
    }

    public async Task<Outcome<IReadOnlyList<TransitionInfo>>> HistoryAsync(CallerContext caller, Guid storyId, string culture, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadForEditorsAsync(caller, storyId, culture, cancellationToken);
        if (!loaded.Succeeded)
        {
            return loaded.Failure!;
        }

        var variantId = loaded.Value.Variant.Id;
        var rows = await db.WorkflowTransitions.AsNoTracking().Where(t => t.VariantId == variantId)
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(t => t.At).ThenByDescending(t => t.Id)
            .Select(t => new TransitionInfo(t.Action, t.FromState.ToString(), t.ToState.ToString(), t.ActorName, t.Comment, t.VersionNumber, t.At))
            .ToList();
    }

    private static VariantContent ContentOf(StoryVersion v) => new(v.Title, v.Slug, v.Summary, v.Body, v.SeoTitle, v.SeoDescription);

    private Task<Story?> LoadStoryAsync(Guid storyId, CancellationToken cancellationToken) =>
        db.Stories.AsNoTracking()
            .Include(s => s.Tags)
            .Include(s => s.Variants).ThenInclude(v => v.DraftVersion)
            .Include(s => s.Variants).ThenInclude(v => v.PublishedVersion)
            .AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Id == storyId, cancellationToken);

    private async Task<Outcome<(Story Story, StoryVariant Variant)>> LoadForEditorsAsync(CallerContext caller, Guid storyId, string culture, CancellationToken cancellationToken)
    {
        var story = await LoadStoryAsync(storyId, cancellationToken);
        if (story is null || !ContentPermissions.CanReadDrafts(caller, story.EnterpriseId))
        {
            return StoryService.StoryNotFound(storyId);
        }

        var (variant, missing) = StoryService.FindVariant(story, culture);
        return missing is not null ? missing : (story, variant!);
    }

    private async Task<(string Category, string? Campaign)> ClassificationNamesAsync(Story story, CancellationToken cancellationToken)
    {
        var category = await db.Categories.Where(c => c.Id == story.CategoryId).Select(c => c.Key).FirstAsync(cancellationToken);
        var campaign = story.CampaignId is null
            ? null
            : await db.Campaigns.Where(c => c.Id == story.CampaignId).Select(c => c.Key).FirstOrDefaultAsync(cancellationToken);
        return (category, campaign);
    }
}
