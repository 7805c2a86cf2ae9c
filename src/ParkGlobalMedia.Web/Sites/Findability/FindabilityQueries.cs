using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Content.Enterprises;
using ParkGlobalMedia.Content.Stories;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Sites.Findability;

/// <summary>What a site has published, per culture: how many live variants and when the newest went live.</summary>
public sealed record CultureActivity(string Culture, int LiveVariants, DateTime? NewestPublishedAt);

/// <summary>
/// Reads of published content for sitemaps and feeds. Only live variants (<see cref="StoryVariant.IsLive"/>) ever
/// leave here; the bodies come from <see cref="StoryQueries.GetPublishedAsync"/>, the same read the API serves.
/// </summary>
public sealed class FindabilityQueries(AppDbContext db, StoryQueries stories)
{
    /// <summary><see cref="StoryVariant.IsLive"/> as a query (the property itself does not translate to SQL).</summary>
    private static readonly Expression<Func<StoryVariant, bool>> IsLive =
        v => v.PublishedVersionId != null && v.State != WorkflowState.Archived;

    public async Task<List<Enterprise>> SitesAsync(CancellationToken cancellationToken) =>
        (await db.Enterprises.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(e => e.Slug, StringComparer.Ordinal).ToList();

    public Task<Enterprise?> SiteAsync(string slug, CancellationToken cancellationToken) =>
        db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Slug == slug, cancellationToken);

    /// <summary>Per enterprise and culture, one aggregate row: the sitemap index needs counts and dates, not rows.</summary>
    public async Task<ILookup<Guid, CultureActivity>> ActivityAsync(CancellationToken cancellationToken)
    {
        var rows = await db.StoryVariants.AsNoTracking().Where(IsLive)
            .GroupBy(v => new { v.EnterpriseId, v.Culture })
            .Select(g => new { g.Key.EnterpriseId, g.Key.Culture, Count = g.Count(), Newest = g.Max(v => v.PublishedAt) })
            .ToListAsync(cancellationToken);
        return rows.ToLookup(r => r.EnterpriseId, r => new CultureActivity(r.Culture, r.Count, r.Newest));
    }

    public Task<List<LiveVariant>> LiveVariantsAsync(Guid enterpriseId, CancellationToken cancellationToken) =>
        db.StoryVariants.AsNoTracking().Where(v => v.EnterpriseId == enterpriseId).Where(IsLive)
            .Select(v => new LiveVariant(v.StoryId, v.Culture, v.PublishedVersion!.Slug, v.PublishedAt!.Value, v.Story.SourceCulture))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The <paramref name="count"/> newest live stories of a site in one culture, rendered. Newest by first publication:
    /// republishing a corrected old story updates its entry without pushing a newer story out of the feed.
    /// </summary>
    public async Task<List<PublishedStory>> NewestAsync(Guid enterpriseId, string culture, int count, CancellationToken cancellationToken)
    {
        var ids = await db.StoryVariants.AsNoTracking()
            .Where(v => v.EnterpriseId == enterpriseId && v.Culture == culture).Where(IsLive)
            .OrderByDescending(v => v.FirstPublishedAt ?? v.PublishedAt).ThenByDescending(v => v.Id)
            .Select(v => v.StoryId)
            .Take(count)
            .ToListAsync(cancellationToken);

        var newest = new List<PublishedStory>(ids.Count);
        foreach (var id in ids)
        {
            // No fallback: a feed in French lists French stories only. A variant archived between the two reads is skipped.
            var story = await stories.GetPublishedAsync(id, culture, fallback: false, cancellationToken);
            if (story.Succeeded)
            {
                newest.Add(story.Value!);
            }
        }

        return newest;
    }
}
