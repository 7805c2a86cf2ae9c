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
    /// <summary>
    /// Resolves the slug part of a public story URL for the public sites. Every step is an index lookup (measured in
    /// bench/sites.sh: a scan of the site's variants was most of an uncached page's time).
    /// </summary>
    public async Task<PublicSlug> ResolvePublicSlugAsync(Guid enterpriseId, string culture, string slug, CancellationToken cancellationToken = default)
    {
        var variants = db.StoryVariants.AsNoTracking().Where(v => v.EnterpriseId == enterpriseId && v.Culture == culture);

        // Usually the variant's own slug (its newest version's, unique per site and culture) is the published one.
        var current = await variants.Where(v => v.Slug == slug && v.PublishedVersion!.Slug == slug)
            .Select(v => new { v.StoryId, v.State, Slug = v.PublishedVersion!.Slug }).FirstOrDefaultAsync(cancellationToken);

        // Unless a draft renamed it: then find the published version by its slug.
        current ??= await (
                from version in db.StoryVersions.AsNoTracking()
                where version.Slug == slug
                join v in variants on version.Id equals v.PublishedVersionId
                select new { v.StoryId, v.State, version.Slug })
            .FirstOrDefaultAsync(cancellationToken);
        if (current is not null)
        {
            return current.State == WorkflowState.Archived
                ? new PublicSlug(PublicSlugState.Gone, current.StoryId, null)
                : new PublicSlug(PublicSlugState.Live, current.StoryId, current.Slug);
        }

        // An older published version carried this slug: the story moved (a retitled translation keeps its links).
        var moved = await (
                from old in db.StoryVersions.AsNoTracking()
                where old.Slug == slug
                join v in variants on old.VariantId equals v.Id
                where v.PublishedVersionId != null &&
                      db.WorkflowTransitions.Any(t => t.VariantId == v.Id && t.ToState == WorkflowState.Published && t.VersionNumber == old.Number)
                select new { v.StoryId, v.State, Slug = v.PublishedVersion!.Slug })
            .FirstOrDefaultAsync(cancellationToken);
        return moved switch
        {
            null => new PublicSlug(PublicSlugState.None, null, null),
            { State: WorkflowState.Archived } => new PublicSlug(PublicSlugState.Gone, moved.StoryId, null),
            _ => new PublicSlug(PublicSlugState.Moved, moved.StoryId, moved.Slug),
        };
    }
}
