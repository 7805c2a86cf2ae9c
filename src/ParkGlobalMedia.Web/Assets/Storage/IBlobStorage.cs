using System.Text.RegularExpressions;

namespace ParkGlobalMedia.Assets.Storage;

/// <summary>What is known about a stored object without reading it.</summary>
public sealed record BlobInfo(string Key, long Length, DateTimeOffset LastModified);

/// <summary>
/// Where asset bytes (originals, renditions, packages) live: the data folder on one machine, an S3-compatible bucket
/// when several instances share them. Callers stream; nothing here holds a whole object in memory.
/// </summary>
public interface IBlobStorage
{
    /// <summary>Stores <paramref name="content"/> under <paramref name="key"/>, replacing what was there, atomically for readers.</summary>
    Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken = default);

    /// <summary>The object's bytes, or null when there is none. The caller disposes the stream.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default);

    Task<BlobInfo?> GetInfoAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Removes the object; removing a missing one is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Removes every object under the folder-like <paramref name="prefix"/> ("renditions/{id}"); returns how many.</summary>
    Task<int> DeletePrefixAsync(string prefix, CancellationToken cancellationToken = default);
}

/// <summary>Keys are relative, lower-case paths ("originals/ab/cd/….jpg"): no traversal, no absolute paths, same on every store.</summary>
public static partial class BlobKey
{
    public const int MaxLength = 512;

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*$")]
    private static partial Regex Pattern();

    public static bool IsValid(string? key) =>
        key is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(key) && !key.Split('/').Any(segment => segment is "." or "..");

    public static string Require(string? key) =>
        IsValid(key) ? key! : throw new ArgumentException($"'{key}' is not a blob key: lower-case letters, digits, '.', '_', '-' in '/'-separated segments, no '..', at most {MaxLength} characters.", nameof(key));
}
