using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Assets.Delivery;
using ParkGlobalMedia.Assets.Library;
using ParkGlobalMedia.Content;
using ParkGlobalMedia.Content.Stories;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Markdown;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Assets.Usage;

/// <summary>Parses the ids stories use for assets (<c>asset:{guid}</c>, with or without dashes).</summary>
public static class AssetIds
{
    public static Guid? Parse(string? id) => Guid.TryParse(id, out var parsed) ? parsed : null;
}

/// <summary>Keeps the usage list of every asset a story uses (cover and body, draft or published) current.</summary>
public sealed class StoryAssetUsageObserver(AppDbContext db, StoryQueries stories, TimeProvider clock) : IStoryChangeObserver
{
    public async Task OnChangedAsync(StoryChanged change, CancellationToken cancellationToken)
    {
        var use = await stories.AssetUseAsync(change.StoryId, cancellationToken);
        var wanted = new Dictionary<(Guid, string), string>();
        if (use is not null)
        {
            foreach (var id in use.Body)
            {
                if (AssetIds.Parse(id) is { } assetId)
                {
                    wanted[(assetId, "body")] = use.Label;
                }
            }

            if (AssetIds.Parse(use.Cover) is { } cover)
            {
                wanted[(cover, "cover")] = use.Label;
            }
        }

        var ids = wanted.Keys.Select(k => k.Item1).Distinct().ToList();
        var existingAssets = await db.Assets.Where(a => ids.Contains(a.Id)).Select(a => a.Id).ToListAsync(cancellationToken);
        var current = await db.AssetUsages.Where(u => u.SubjectKind == "story" && u.SubjectId == change.StoryId).ToListAsync(cancellationToken);
        db.AssetUsages.RemoveRange(current.Where(u => !wanted.ContainsKey((u.AssetId, u.Role))));
        foreach (var ((assetId, role), label) in wanted.Where(w => existingAssets.Contains(w.Key.Item1)))
        {
            var row = current.FirstOrDefault(u => u.AssetId == assetId && u.Role == role);
            if (row is null)
            {
                db.AssetUsages.Add(new AssetUsage
                {
                    AssetId = assetId, SubjectKind = "story", SubjectId = change.StoryId, EnterpriseId = change.EnterpriseId,
                    Role = role, Label = label.Length > 300 ? label[..300] : label, Since = clock.GetUtcNow().UtcDateTime,
                });
            }
            else
            {
                row.Label = label.Length > 300 ? label[..300] : label;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>The asset bank's rules for what a story may newly use (see <see cref="AssetPermissions.WhyNotUsable"/>).</summary>
public sealed class StoryAssetPolicy(AppDbContext db, TimeProvider clock) : IStoryAssetPolicy
{
    public async Task<string?> WhyNotUsableAsync(Guid enterpriseId, string assetId, CancellationToken cancellationToken)
    {
        var id = AssetIds.Parse(assetId);
        var asset = id is null ? null : await db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return asset is null
            ? $"Asset {assetId} does not exist."
            : AssetPermissions.WhyNotUsable(asset, enterpriseId, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }
}

/// <summary>
/// Resolves <c>asset:{id}</c> in published Markdown to a public rendition with the culture's alt text and the credit
/// line. Only what an anonymous reader may see resolves: a withdrawn, expired or non-public asset renders as missing.
/// </summary>
public sealed class MarkdownAssetResolver(MediaCatalog catalog, TimeProvider clock) : IAssetReferenceResolver
{
    /// <summary>The width inline images are shown at; pages ask for other sizes through srcset (see the sites).</summary>
    public const int InlineWidth = 1280;

    public async ValueTask<ResolvedAsset?> ResolveAsync(string assetId, string culture, CancellationToken cancellationToken)
    {
        if (AssetIds.Parse(assetId) is not { } id || await catalog.FindAsync(id, cancellationToken) is not { } entry ||
            !AssetPermissions.CanView(CallerContext.Anonymous, entry.Asset, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)))
        {
            return null;
        }

        var image = entry.Renditions.Values
            .Where(r => r.Name.StartsWith('w') && r.Name.EndsWith(".jpg", StringComparison.Ordinal))
            .OrderBy(r => Math.Abs(r.Width - InlineWidth)).FirstOrDefault();
        if (image is null)
        {
            return null;
        }

        var alts = entry.Asset.Texts.Where(t => t.Value.Alt is not null).ToDictionary(t => t.Key, t => t.Value.Alt!);
        return new ResolvedAsset(MediaUrls.Rendition(image), LocalizedText.Pick(alts, culture), image.Width, image.Height, entry.Asset.CreditLine,
            MediaUrls.Srcset(entry.Renditions.Values, "webp"));
    }
}
