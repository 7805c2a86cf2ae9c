using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using ParkGlobalMedia.Assets.Packages;
using ParkGlobalMedia.Assets.Processing;
using ParkGlobalMedia.Assets.Storage;
using ParkGlobalMedia.Assets.Library;
using ParkGlobalMedia.Platform.Caching;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Assets.Delivery;

/// <summary>What serving an asset's bytes needs: the asset (for access rules) and its renditions by name.</summary>
public sealed record MediaEntry(Asset Asset, IReadOnlyDictionary<string, AssetRendition> Renditions);

/// <summary>
/// Asset rows for the media endpoints, cached per content generation: a rendition hit then costs no query, and any
/// change that matters (withdrawal, new renditions, licence) bumps the generation on every instance.
/// </summary>
public sealed class MediaCatalog(IServiceScopeFactory scopes, ContentGeneration generation, IBlobStorage storage) : IDisposable
{
    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    public async Task<MediaEntry?> FindAsync(Guid assetId, CancellationToken cancellationToken)
    {
        var current = await generation.CurrentAsync(cancellationToken);
        if (_entries.TryGetValue((assetId, current), out MediaEntry? cached))
        {
            return cached;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var asset = await db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assetId, cancellationToken);
        MediaEntry? entry = null;
        if (asset is not null)
        {
            var renditions = await db.AssetRenditions.AsNoTracking().Where(r => r.AssetId == assetId).ToDictionaryAsync(r => r.Name, StringComparer.Ordinal, cancellationToken);
            entry = new MediaEntry(asset, renditions);
        }

        // Misses are cached too (briefly): a flood of requests for a missing id must not become a flood of queries.
        _entries.Set((assetId, current), entry, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10) });
        return entry;
    }

    /// <summary>An H5 package's manifest, read from storage once per content generation rather than once per file served.</summary>
    public async Task<PackageManifest?> ManifestAsync(Guid assetId, CancellationToken cancellationToken)
    {
        var key = (nameof(PackageManifest), assetId, await generation.CurrentAsync(cancellationToken));
        if (_entries.TryGetValue(key, out PackageManifest? cached))
        {
            return cached;
        }

        var manifest = await PackageStore.ReadManifestAsync(storage, assetId, cancellationToken);
        _entries.Set(key, manifest, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10) });
        return manifest;
    }

    public void Dispose() => _entries.Dispose();
}

/// <summary>
/// The bytes of small renditions, in memory. A rendition's storage key never gets other bytes (new renditions get new
/// versions, so new keys), so an entry can never be stale; the size limit bounds memory. Serving from memory instead
/// of opening a file or an S3 object per request is what lets a cache hit approach a static file server.
/// </summary>
public sealed class RenditionBytesCache(IOptions<AssetProcessingOptions> options) : IDisposable
{
    /// <summary>Larger renditions (videos, big web sizes) are streamed from storage instead.</summary>
    public const long MaxEntryBytes = 2 * 1024 * 1024;

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = options.Value.RenditionCacheBytes });

    public bool TryGet(string key, out byte[] bytes) => _entries.TryGetValue(key, out bytes!);

    public void Set(string key, byte[] bytes) =>
        _entries.Set(key, bytes, new MemoryCacheEntryOptions { Size = bytes.Length, SlidingExpiration = TimeSpan.FromHours(1) });

    public void Dispose() => _entries.Dispose();
}
