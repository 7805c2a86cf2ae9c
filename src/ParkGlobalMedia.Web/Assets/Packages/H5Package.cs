namespace ParkGlobalMedia.Assets.Packages;

/// <summary>
/// Bounds for an H5 package (a zip of static web pages). Each guards a resource: entry count (memory for the central
/// directory, storage objects), sizes (disk and bucket space), compression ratio (zip bombs), path length (storage keys).
/// </summary>
public sealed class H5PackageLimits
{
    public const string Section = "H5Packages";

    public int MaxEntries { get; set; } = 2_000;
    public long MaxUncompressedBytes { get; set; } = 200L * 1024 * 1024;
    public long MaxEntryBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Applied to entries over 1 MB: small files (and text) legitimately compress very well.</summary>
    public int MaxCompressionRatio { get; set; } = 100;

    public int MaxPathLength { get; set; } = 240;
}

/// <summary>A file in a package.</summary>
/// <param name="Path">Relative, with forward slashes and without "." segments: usable as a storage key suffix and a URL path.</param>
/// <param name="Length">The size the zip declares; extraction holds the entry to it.</param>
/// <param name="ContentType">From the extension, by an allow-list; no charset, as pages declare their own (GBK pages exist).</param>
public sealed record H5Entry(string Path, long Length, string ContentType);

/// <param name="EntryPoint">"index.html", or "{folder}/index.html" when everything sits in one top-level folder.</param>
/// <param name="Entries">The files, in archive order; folders and OS litter (__MACOSX/, .DS_Store, Thumbs.db) are left out.</param>
/// <param name="UncompressedBytes">The sum of the entries' lengths.</param>
public sealed record H5Package(string EntryPoint, IReadOnlyList<H5Entry> Entries, long UncompressedBytes);

/// <summary>Why a package was refused; the message names the offending entry and is safe to show to the uploader.</summary>
public sealed class PackageRejectedException(string message) : Exception(message);
