using System.Text.Json;
using ParkGlobalMedia.Assets.Storage;

namespace ParkGlobalMedia.Assets.Packages;

/// <summary>Where an extracted package's file lives in storage.</summary>
public sealed record StoredPackageEntry(string Path, string Key, string ContentType, long Length);

/// <summary>What is stored of an extracted H5 package: its entry point and a path → storage key map.</summary>
public sealed record PackageManifest(string EntryPoint, IReadOnlyList<StoredPackageEntry> Entries)
{
    public StoredPackageEntry? Find(string path) => Entries.FirstOrDefault(e => string.Equals(e.Path, path, StringComparison.Ordinal));
}

/// <summary>
/// Extracts H5 packages into blob storage. Entry paths are the package author's (mixed case, any characters), so each
/// file is stored under a numbered key and a manifest maps paths to keys; the manifest is written last, so a package
/// whose extraction failed half-way is never served.
/// </summary>
public static class PackageStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Prefix(Guid assetId) => $"packages/{assetId:N}";

    public static string ManifestKey(Guid assetId) => $"{Prefix(assetId)}/manifest.json";

    public static async Task<H5Package> ExtractAsync(IBlobStorage storage, Guid assetId, string zipPath, H5PackageLimits limits, CancellationToken cancellationToken)
    {
        var stored = new List<StoredPackageEntry>();
        try
        {
            var package = await H5PackageReader.ExtractAsync(zipPath, limits, async (entry, content, token) =>
            {
                var key = $"{Prefix(assetId)}/{stored.Count:D5}";
                await storage.PutAsync(key, content, entry.ContentType, token);
                stored.Add(new StoredPackageEntry(entry.Path, key, entry.ContentType, entry.Length));
            }, cancellationToken);

            using var manifest = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(new PackageManifest(package.EntryPoint, stored), Json));
            await storage.PutAsync(ManifestKey(assetId), manifest, "application/json", cancellationToken);
            return package;
        }
        catch
        {
            foreach (var entry in stored)
            {
                await storage.DeleteAsync(entry.Key, CancellationToken.None);
            }

            throw;
        }
    }

    public static async Task<PackageManifest?> ReadManifestAsync(IBlobStorage storage, Guid assetId, CancellationToken cancellationToken)
    {
        await using var stream = await storage.OpenReadAsync(ManifestKey(assetId), cancellationToken);
        return stream is null ? null : await JsonSerializer.DeserializeAsync<PackageManifest>(stream, Json, cancellationToken);
    }

    public static async Task<Stream?> OpenEntryAsync(IBlobStorage storage, Guid assetId, string path, CancellationToken cancellationToken)
    {
        var manifest = await ReadManifestAsync(storage, assetId, cancellationToken);
        return manifest?.Find(path) is { } entry ? await storage.OpenReadAsync(entry.Key, cancellationToken) : null;
    }

    public static async Task DeleteAsync(IBlobStorage storage, Guid assetId, CancellationToken cancellationToken)
    {
        var manifest = await ReadManifestAsync(storage, assetId, cancellationToken);
        await storage.DeleteAsync(ManifestKey(assetId), cancellationToken);
        foreach (var entry in manifest?.Entries ?? [])
        {
            await storage.DeleteAsync(entry.Key, cancellationToken);
        }
    }
}
