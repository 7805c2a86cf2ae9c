using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ParkGlobalMedia.Assets.Packages;

/// <summary>
/// Checks an uploaded H5 package (a zip of static web pages with an index.html) and unpacks it safely. Everything in
/// the zip is hostile until checked: names that climb out of the folder, links, encrypted or duplicate entries, and
/// sizes that lie.
/// </summary>
public static class H5PackageReader
{
    private const long RatioCheckedAbove = 1024 * 1024;

    /// <summary>
    /// Checks the package from its central directory alone (nothing is decompressed), so it is cheap enough to run on
    /// upload. Throws <see cref="PackageRejectedException"/> with a message for the uploader.
    /// </summary>
    public static H5Package Validate(string zipPath, H5PackageLimits limits)
    {
        CheckDeclaredEntryCount(zipPath, limits);
        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(zipPath);
        }
        catch (InvalidDataException)
        {
            throw NotAZip();
        }

        using (archive)
        {
            return Inspect(archive, limits).Package;
        }
    }

    /// <summary>
    /// Validates the package, then hands each file to <paramref name="store"/> in archive order, as a stream that holds
    /// it to its declared size and checksum while it is read: the declared sizes are never trusted for safety.
    /// </summary>
    /// <remarks>
    /// On a <see cref="PackageRejectedException"/>, every entry offered before the failing one was complete and checked,
    /// and no entry after it is offered; the failing entry's own store call sees the exception from its stream reads.
    /// The caller must delete everything it stored (the complete files and any part of the failing one): a package is
    /// published whole or not at all. <paramref name="store"/> should read its stream to the end; whatever it leaves is
    /// read here so the check still happens, and a store that catches the rejection gets it again on its next read.
    /// The stream cannot seek and has no Length: use <see cref="H5Entry.Length"/>.
    /// </remarks>
    public static async Task<H5Package> ExtractAsync(
        string zipPath, H5PackageLimits limits, Func<H5Entry, Stream, CancellationToken, Task> store, CancellationToken ct = default)
    {
        CheckDeclaredEntryCount(zipPath, limits);
        ZipArchive archive;
        try
        {
            archive = await ZipFile.OpenReadAsync(zipPath, ct);
        }
        catch (InvalidDataException)
        {
            throw NotAZip();
        }

        await using (archive)
        {
            var (package, files) = Inspect(archive, limits);
            var total = 0L;
            foreach (var (zip, entry) in files)
            {
                Stream opened;
                try
                {
                    opened = await zip.OpenAsync(ct);
                }
                catch (InvalidDataException)
                {
                    throw H5PackagePaths.Rejected(entry.Path, "is damaged or uses a compression method other than Deflate.");
                }

                await using var content = new CheckedEntryStream(opened, entry, zip.Crc32, Math.Min(limits.MaxEntryBytes, limits.MaxUncompressedBytes - total));
                await store(entry, content, ct);
                await content.DrainAsync(ct);
                total += content.BytesRead;
            }

            return package;
        }
    }

    private static (H5Package Package, List<(ZipArchiveEntry Zip, H5Entry Entry)> Files) Inspect(ZipArchive archive, H5PackageLimits limits)
    {
        IReadOnlyList<ZipArchiveEntry> all;
        try
        {
            all = archive.Entries;
        }
        catch (InvalidDataException)
        {
            throw NotAZip();
        }

        if (all.Count > limits.MaxEntries)
        {
            throw TooManyEntries(all.Count, limits);
        }

        var files = new List<(ZipArchiveEntry Zip, H5Entry Entry)>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var total = 0L;
        foreach (var zip in all)
        {
            var (path, kind) = H5PackagePaths.Normalise(zip.FullName, limits.MaxPathLength);
            var entry = CheckEntry(zip, path, kind, limits);
            if (entry is null)
            {
                continue;
            }

            // Case-insensitive (and Unicode-normalised): on most disks and in most people's heads "A.js" is "a.js".
            if (!seen.Add(path.Normalize(NormalizationForm.FormC)))
            {
                throw H5PackagePaths.Rejected(zip.FullName, "appears twice in the package (names that differ only in case count as the same).");
            }

            total += entry.Length;
            if (total > limits.MaxUncompressedBytes)
            {
                throw new PackageRejectedException($"The package unpacks to more than {limits.MaxUncompressedBytes:N0} bytes, the most allowed.");
            }

            files.Add((zip, entry));
        }

        // "a" as a file and "a/b" inside it cannot both be stored on a disk.
        var clash = files.FirstOrDefault(f => Ancestors(f.Entry.Path).Any(a => seen.Contains(a.Normalize(NormalizationForm.FormC)))).Entry;
        if (clash is not null)
        {
            throw H5PackagePaths.Rejected(clash.Path, "sits inside a folder that is also a file in the package.");
        }

        var entries = files.Select(f => f.Entry).ToList();
        return (new H5Package(EntryPoint(entries), entries, total), files);
    }

    /// <summary>The file's entry, or null for folders and litter, which are skipped.</summary>
    private static H5Entry? CheckEntry(ZipArchiveEntry zip, string path, EntryKind kind, H5PackageLimits limits)
    {
        // Unix file type bits sit in the top half of the external attributes; 0xA000 is a symbolic link, which an
        // extractor would follow outside the package.
        if (((zip.ExternalAttributes >> 16) & 0xF000) == 0xA000)
        {
            throw H5PackagePaths.Rejected(zip.FullName, "is a symbolic link; a package holds only files and folders.");
        }

        if (zip.IsEncrypted)
        {
            throw H5PackagePaths.Rejected(zip.FullName, "is encrypted; upload the package without a password.");
        }

        if (kind == EntryKind.Folder && zip.Length > 0)
        {
            throw H5PackagePaths.Rejected(zip.FullName, "is a folder entry with contents; the package is damaged.");
        }

        if (kind != EntryKind.File)
        {
            return null;
        }

        if (zip.Length > limits.MaxEntryBytes)
        {
            throw H5PackagePaths.Rejected(zip.FullName, $"is {zip.Length:N0} bytes; one file may be at most {limits.MaxEntryBytes:N0}.");
        }

        var ratio = zip.Length / Math.Max(zip.CompressedLength, 1);
        if (zip.Length > RatioCheckedAbove && ratio > limits.MaxCompressionRatio)
        {
            throw H5PackagePaths.Rejected(zip.FullName, $"is compressed {ratio:N0} to 1, more than the {limits.MaxCompressionRatio} to 1 allowed (a zip bomb?).");
        }

        var contentType = H5ContentTypes.For(path)
            ?? throw H5PackagePaths.Rejected(zip.FullName, "is a program or a server-side script; a package holds static web pages only.");
        return new H5Entry(path, zip.Length, contentType);
    }

    /// <summary>index.html at the root, or in the one folder that holds everything (what zipping a folder gives).</summary>
    private static string EntryPoint(List<H5Entry> entries)
    {
        var root = entries.FirstOrDefault(e => e.Path.Equals("index.html", StringComparison.OrdinalIgnoreCase));
        if (root is not null)
        {
            return root.Path;
        }

        var folders = entries.Select(e => e.Path.Split('/')).Select(s => s.Length > 1 ? s[0] : null).Distinct().ToList();
        var nested = folders is [{ } folder]
            ? entries.FirstOrDefault(e => e.Path.Equals($"{folder}/index.html", StringComparison.OrdinalIgnoreCase))
            : null;
        return nested?.Path ?? throw new PackageRejectedException("The package has no index.html at its root, nor inside a single top-level folder.");
    }

    private static IEnumerable<string> Ancestors(string path)
    {
        for (var slash = path.IndexOf('/'); slash > 0; slash = path.IndexOf('/', slash + 1))
        {
            yield return path[..slash];
        }
    }

    /// <summary>
    /// ZipArchive loads the whole central directory before anyone can count it, so a zip listing millions of entries
    /// would cost gigabytes before being refused. The end-of-central-directory record states the count up front (and
    /// ZipArchive refuses an archive whose directory does not match it).
    /// </summary>
    private static void CheckDeclaredEntryCount(string zipPath, H5PackageLimits limits)
    {
        using var file = new FileStream(zipPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.RandomAccess);
        var tail = new byte[(int)Math.Min(file.Length, 22 + ushort.MaxValue)]; // the record, after a comment of up to 64 KB
        file.Seek(-tail.Length, SeekOrigin.End);
        file.ReadExactly(tail);
        var end = tail.AsSpan().LastIndexOf((ReadOnlySpan<byte>)[0x50, 0x4B, 0x05, 0x06]);
        if (end < 0 || end + 22 > tail.Length)
        {
            return; // not a zip: ZipArchive says so below
        }

        // 0xFFFF means "see the ZIP64 record": left to the count after loading, as no real H5 package needs ZIP64.
        var count = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(end + 10));
        if (count != ushort.MaxValue && count > limits.MaxEntries)
        {
            throw TooManyEntries(count, limits);
        }
    }

    private static PackageRejectedException TooManyEntries(int count, H5PackageLimits limits) =>
        new($"The package has {count:N0} files and folders; at most {limits.MaxEntries:N0} are allowed.");

    private static PackageRejectedException NotAZip() => new("The file is not a zip archive, or it is damaged.");
}
