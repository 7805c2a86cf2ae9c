using Microsoft.EntityFrameworkCore;

namespace ParkGlobalMedia.Content.Stories;

/// <summary>What a public story URL points at today.</summary>
public enum PublicSlugState
{
    /// <summary>A live story under exactly this slug.</summary>
    Live,

    /// <summary>A live story that was published under this slug before: readers get a 301 to today's slug.</summary>
    Moved,

    /// <summary>An archived story: 410, so search engines drop it.</summary>
    Gone,

    None,
}

public sealed record PublicSlug(PublicSlugState State, Guid? StoryId, string? CurrentSlug);

public sealed partial class StoryQueries
{
    /// <summary>Resolves the slug part of a public story URL for the public sites.</summary>
    public async Task<PublicSlug> ResolvePublicSlugAsync(Guid enterpriseId, string culture, string slug, CancellationToken cancellationToken = default)
    {
        var variants = db.StoryVariants.AsNoTracking().Where(v => v.EnterpriseId == enterpriseId && v.Culture == culture);
        var current = await variants.Where(v => v.PublishedVersion!.Slug == slug)
            .Select(v => new { v.StoryId, v.State, Slug = v.PublishedVersion!.Slug }).FirstOrDefaultAsync(cancellationToken);
        if (current is not null)
        {
            return current.State == WorkflowState.Archived
                ? new PublicSlug(PublicSlugState.Gone, current.StoryId, null)
                : new PublicSlug(PublicSlugState.Live, current.StoryId, current.Slug);
        }

        // An older published version carried this slug: the story moved (a retitled translation keeps its links).
        var moved = await variants
            .Where(v => v.PublishedVersionId != null && db.StoryVersions.Any(old => old.VariantId == v.Id && old.Slug == slug &&
                db.WorkflowTransitions.Any(t => t.VariantId == v.Id && t.ToState == WorkflowState.Published && t.VersionNumber == old.Number)))
            .Select(v => new { v.StoryId, v.State, Slug = v.PublishedVersion!.Slug }).FirstOrDefaultAsync(cancellationToken);
        return moved switch
        {
            null => new PublicSlug(PublicSlugState.None, null, null),
            { State: WorkflowState.Archived } => new PublicSlug(PublicSlugState.Gone, moved.StoryId, null),
            _ => new PublicSlug(PublicSlugState.Moved, moved.StoryId, moved.Slug),
        };
    }
}
