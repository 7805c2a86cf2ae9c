using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Assets.Library;

/// <summary>Names the API uses for libraries and campaigns, resolved to ids (and back, for views).</summary>
public sealed class AssetLookup(AppDbContext db)
{
    /// <summary>The owner id for a library name: an enterprise slug, or null/"centre" for the centre's own library.</summary>
    public async Task<Outcome<Guid?>> ResolveLibraryAsync(string? enterprise, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(enterprise) || enterprise == Asset.CentreLibrary)
        {
            return (Guid?)null;
        }

        var id = await db.Enterprises.Where(e => e.Slug == enterprise).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(cancellationToken);
        return id is null ? Failure.Invalid("enterprise", $"Enterprise '{enterprise}' does not exist.") : id;
    }

    /// <summary>Enterprise id → slug for every enterprise (a few dozen club members): views name owners by slug.</summary>
    public async Task<Dictionary<Guid, string>> EnterpriseSlugsAsync(CancellationToken cancellationToken) =>
        await db.Enterprises.AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.Slug, cancellationToken);

    public static string OwnerName(Asset asset, IReadOnlyDictionary<Guid, string> slugs) =>
        asset.OwnerEnterpriseId is { } id && slugs.TryGetValue(id, out var slug) ? slug : Asset.CentreLibrary;
}

/// <summary>What search looks in: every culture's texts, tags, collections, file name and credits, lower-cased.</summary>
public static class AssetSearchText
{
    public static string Build(Asset asset)
    {
        var parts = new List<string?> { asset.FileName, asset.Creator, asset.CreditLine, asset.Copyright, asset.Kind.ToString() };
        foreach (var text in asset.Texts.Values)
        {
            parts.Add(text.Title);
            parts.Add(text.Caption);
            parts.Add(text.Alt);
        }

        parts.AddRange(asset.Tags.Select(t => t.Tag));
        parts.AddRange(asset.Collections.Select(c => c.Collection));
        return string.Join('\n', parts.Where(p => !string.IsNullOrWhiteSpace(p))).ToLowerInvariant();
    }
}
