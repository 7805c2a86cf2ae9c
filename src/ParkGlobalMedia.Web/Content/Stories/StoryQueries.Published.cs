using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ParkGlobalMedia.Content.Enterprises;
using ParkGlobalMedia.Markdown;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Cultures;

namespace ParkGlobalMedia.Content.Stories;

/// <summary>What readers get: a published variant, rendered, found by id and culture (with fallback) or by public URL.</summary>
public sealed partial class StoryQueries
{
    /// <summary>
    /// The published variant in <paramref name="requestedCulture"/>, or — walking the enterprise's fallback chain —
    /// in the first culture that has one. <see cref="PublishedStory.Culture"/> tells which was served.
    /// </summary>
    public async Task<Outcome<PublishedStory>> GetPublishedAsync(Guid storyId, string requestedCulture, bool fallback, CancellationToken cancellationToken = default)
    {
        // A reader may ask for any real culture (es-MX); the fallback chain maps it onto the ones the site has.
        var requested = Culture.Normalize(requestedCulture);
        if (requested is null)
        {
            return Failure.Invalid("culture", $"'{requestedCulture}' is not a valid culture code (BCP 47, like en, zh-CN or es-MX).");
        }

        // Three narrow queries: the live cultures (titles and slugs only), the story's header, then the one body
        // served. Loading every variant's full body to serve one was most of a read's cost (bench/RESULTS.md).
        var live = await db.StoryVariants.AsNoTracking()
            .Where(v => v.StoryId == storyId && v.PublishedVersionId != null && v.State != WorkflowState.Archived)
            .Select(v => new { v.Culture, VersionId = v.PublishedVersionId!.Value, v.PublishedAt, v.FirstPublishedAt, v.PublishedVersion!.Slug, v.PublishedVersion.Title })
            .ToListAsync(cancellationToken);
        if (live.Count == 0)
        {
            return Failure.NotFound($"Story {storyId} is not published.");
        }

        var header = await HeaderAsync(storyId, cancellationToken);
        var site = new Enterprise { Slug = header!.Enterprise, DefaultCulture = header.DefaultCulture, FallbackChain = header.FallbackChain };
        var chain = fallback ? CultureFallback.Chain(site, requested) : [requested];
        var variant = chain.Select(c => live.FirstOrDefault(v => string.Equals(v.Culture, c, StringComparison.OrdinalIgnoreCase)))
            .FirstOrDefault(v => v is not null);
        if (variant is null)
        {
            return Failure.NotFound(
                $"Story {storyId} is not published in {requested}{(fallback ? $" nor in its fallbacks ({string.Join(" → ", chain)})" : "")}. " +
                $"Published in: {string.Join(", ", live.Select(v => v.Culture))}.");
        }

        var version = await db.StoryVersions.AsNoTracking().FirstAsync(v => v.Id == variant.VersionId, cancellationToken);
        return await ForReadersAsync(header, version, variant.Culture, requested, variant.PublishedAt!.Value, variant.FirstPublishedAt ?? variant.PublishedAt!.Value,
            live.OrderBy(v => v.Culture, StringComparer.Ordinal)
                .Select(v => new CultureLink(v.Culture, v.Slug, v.Title, $"/api/v1/stories/{storyId}/{v.Culture}"))
                .ToList(), cancellationToken);
    }

    /// <summary>
    /// The working version (the draft, else the published one) of one variant, rendered exactly as readers would get
    /// it once published, without translations. For signed preview links: the link is the permission, checked by
    /// whoever holds it (Sites), so there is no caller here. Dates not yet set are those of the version.
    /// </summary>
    public async Task<Outcome<PublishedStory>> GetPreviewAsync(Guid storyId, string culture, CancellationToken cancellationToken = default)
    {
        var variant = await db.StoryVariants.AsNoTracking()
            .Where(v => v.StoryId == storyId && v.Culture == culture)
            .Select(v => new { VersionId = v.DraftVersionId ?? v.PublishedVersionId, v.PublishedAt, v.FirstPublishedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (variant?.VersionId is not { } versionId || await HeaderAsync(storyId, cancellationToken) is not { } header)
        {
            return Failure.NotFound($"Story {storyId} has no {culture} variant.");
        }

        var version = await db.StoryVersions.AsNoTracking().FirstAsync(v => v.Id == versionId, cancellationToken);
        return await ForReadersAsync(header, version, culture, culture, variant.PublishedAt ?? version.CreatedAt,
            variant.FirstPublishedAt ?? variant.PublishedAt ?? version.CreatedAt, [], cancellationToken);
    }

    /// <summary>What a story's variants share: its site, classification and cover.</summary>
    private sealed record StoryHeader(
        Guid StoryId, string Enterprise, string DefaultCulture, Dictionary<string, List<string>> FallbackChain,
        string? CoverAssetId, List<string> Tags, string Category, string? Campaign);

    private async Task<StoryHeader?> HeaderAsync(Guid storyId, CancellationToken cancellationToken)
    {
        var header = await db.Stories.AsNoTracking()
            .Where(s => s.Id == storyId)
            .Select(s => new
            {
                s.CoverAssetId,
                Tags = s.Tags.Select(t => t.Tag).ToList(),
                Category = db.Categories.Where(c => c.Id == s.CategoryId).Select(c => c.Key).First(),
                Campaign = db.Campaigns.Where(c => c.Id == s.CampaignId).Select(c => c.Key).FirstOrDefault(),
                Enterprise = db.Enterprises.Where(e => e.Id == s.EnterpriseId).Select(e => new { e.Slug, e.DefaultCulture, e.FallbackChain }).First(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return header is null
            ? null
            : new StoryHeader(storyId, header.Enterprise.Slug, header.Enterprise.DefaultCulture, header.Enterprise.FallbackChain,
                header.CoverAssetId, header.Tags, header.Category, header.Campaign);
    }

    private async Task<PublishedStory> ForReadersAsync(
        StoryHeader header, StoryVersion version, string culture, string requested, DateTime publishedAt, DateTime firstPublishedAt,
        IReadOnlyList<CultureLink> translations, CancellationToken cancellationToken)
    {
        var rendered = await RenderAsync(version, culture, cancellationToken);
        return new PublishedStory(
            header.StoryId,
            header.Enterprise,
            culture,
            requested,
            version.Title,
            version.Slug,
            version.Summary,
            version.Body,
            rendered.Html,
            string.IsNullOrWhiteSpace(version.Summary) ? rendered.Excerpt : version.Summary,
            rendered.ReadingMinutes,
            version.SeoTitle,
            version.SeoDescription,
            header.Category,
            header.Tags.Order(StringComparer.Ordinal).ToList(),
            header.Campaign,
            header.CoverAssetId,
            publishedAt,
            firstPublishedAt,
            version.Number,
            translations);
    }

    /// <summary>
    /// Renders a version's body once per content generation: the Markdown of a version never changes, but the assets it
    /// references do (alt text, renditions, withdrawal), and every such change bumps the generation on every instance.
    /// </summary>
    private async Task<RenderedMarkdown> RenderAsync(StoryVersion version, string culture, CancellationToken cancellationToken) =>
        await renderings.GetOrCreateAsync((version.Id, culture, await generation.CurrentAsync(cancellationToken)), async entry =>
        {
            var rendered = await markdown.RenderAsync(version.Body, culture, cancellationToken);
            entry.Size = rendered.Html.Length + rendered.PlainText.Length;
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            return rendered;
        }) ?? throw new InvalidOperationException("rendering cache returned nothing");

    /// <summary>Finds the live story behind a public URL (enterprise, culture, slug).</summary>
    public async Task<Guid?> FindPublishedBySlugAsync(string enterpriseSlug, string culture, string slug, CancellationToken cancellationToken = default) =>
        await db.StoryVariants.AsNoTracking()
            .Where(v => v.Culture == culture && v.PublishedVersion!.Slug == slug && v.State != WorkflowState.Archived)
            .Where(v => db.Enterprises.Any(e => e.Id == v.EnterpriseId && e.Slug == enterpriseSlug))
            .Select(v => (Guid?)v.StoryId)
            .FirstOrDefaultAsync(cancellationToken);
}
