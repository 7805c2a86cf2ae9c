using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Markdown;
using ParkGlobalMedia.Platform;

namespace ParkGlobalMedia.Content.Stories;

/// <summary>
/// The asset bank's say on which assets a story may newly use (its own library, the approved shared bank within
/// licence, nothing expired or withdrawn). Stories ask it through this interface and never read the asset tables.
/// </summary>
public interface IStoryAssetPolicy
{
    /// <summary>Null when the enterprise may newly use the asset; otherwise a reason precise enough to show the editor.</summary>
    Task<string?> WhyNotUsableAsync(Guid enterpriseId, string assetId, CancellationToken cancellationToken);
}

/// <summary>For hosts without an asset bank: every reference is allowed (and renders as missing).</summary>
public sealed class AllowAllStoryAssets : IStoryAssetPolicy
{
    public Task<string?> WhyNotUsableAsync(Guid enterpriseId, string assetId, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}

/// <summary>The assets a story uses, as other capabilities (usage tracking) need to know them.</summary>
public sealed record StoryAssetUse(Guid StoryId, Guid EnterpriseId, string Label, string? Cover, IReadOnlySet<string> Body);

public sealed partial class StoryService
{
    /// <summary>Checks only references that are new compared with <paramref name="previous"/>: an asset that expired later stays where it is (and is reported there).</summary>
    private async Task CheckNewAssetsAsync(Guid enterpriseId, IEnumerable<string> references, IEnumerable<string> previous, string field, ValidationErrors errors, CancellationToken cancellationToken)
    {
        foreach (var id in references.Except(previous, StringComparer.OrdinalIgnoreCase))
        {
            if (await assetPolicy.WhyNotUsableAsync(enterpriseId, id, cancellationToken) is { } reason)
            {
                errors.Add(field, reason);
            }
        }
    }

    private static IEnumerable<string> ClassificationCover(Classification classification) =>
        classification.CoverAssetId is { } cover ? [cover] : [];

    private async Task<IReadOnlySet<string>> CurrentBodyReferencesAsync(StoryVariant? variant, CancellationToken cancellationToken)
    {
        if (variant is null)
        {
            return new HashSet<string>();
        }

        var bodies = await db.StoryVersions.AsNoTracking()
            .Where(v => v.Id == variant.DraftVersionId || v.Id == variant.PublishedVersionId)
            .Select(v => v.Body).ToListAsync(cancellationToken);
        return bodies.SelectMany(AssetReferences.Find).ToHashSet(StringComparer.Ordinal);
    }
}

public sealed partial class StoryQueries
{
    /// <summary>The cover and every asset referenced by a draft or published body of any culture, for usage tracking.</summary>
    public async Task<StoryAssetUse?> AssetUseAsync(Guid storyId, CancellationToken cancellationToken = default)
    {
        var story = await db.Stories.AsNoTracking().Where(s => s.Id == storyId)
            .Select(s => new { s.Id, s.EnterpriseId, s.SourceCulture, s.CoverAssetId }).FirstOrDefaultAsync(cancellationToken);
        if (story is null)
        {
            return null;
        }

        var variants = await db.StoryVariants.AsNoTracking().Where(v => v.StoryId == storyId)
            .Select(v => new { v.Culture, v.DraftVersionId, v.PublishedVersionId }).ToListAsync(cancellationToken);
        var ids = variants.SelectMany(v => new[] { v.DraftVersionId, v.PublishedVersionId }).OfType<Guid>().ToList();
        var cultureOf = variants.SelectMany(v => new[] { (v.DraftVersionId, v.Culture), (v.PublishedVersionId, v.Culture) })
            .Where(p => p.Item1 is not null).ToDictionary(p => p.Item1!.Value, p => p.Culture);
        var versions = (await db.StoryVersions.AsNoTracking().Where(version => ids.Contains(version.Id))
                .Select(version => new { version.Id, version.Title, version.Body }).ToListAsync(cancellationToken))
            .Select(version => new { Culture = cultureOf[version.Id], version.Title, version.Body }).ToList();
        var label = versions.FirstOrDefault(v => v.Culture == story.SourceCulture)?.Title ?? versions.FirstOrDefault()?.Title ?? storyId.ToString();
        return new StoryAssetUse(story.Id, story.EnterpriseId, label, story.CoverAssetId?.ToLowerInvariant(),
            versions.SelectMany(v => AssetReferences.Find(v.Body)).ToHashSet(StringComparer.Ordinal));
    }
}
