namespace ParkGlobalMedia.Assets.Storage;

/// <summary>
/// Blobs as files under a root folder (by default {data folder}/blobs). Writes go to a temporary file in the same
/// folder and are moved into place, so a reader sees the old object or the new one, never half of one.
/// The content type is not stored: the asset records keep it.
/// </summary>
public sealed class FileSystemBlobStorage(string root) : IBlobStorage
{
    public string Root { get; } = Path.GetFullPath(root);

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.partial";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, cancellationToken);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        try
        {
            return Task.FromResult<Stream?>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous));
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<BlobInfo?> GetInfoAsync(string key, CancellationToken cancellationToken = default)
    {
        var file = new FileInfo(PathOf(key));
        return Task.FromResult(file.Exists ? new BlobInfo(key, file.Length, file.LastWriteTimeUtc) : null);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        try
        {
            File.Delete(PathOf(key));
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was ever stored under this prefix: deleting what is not there is not an error (as on S3).
        }

        return Task.CompletedTask;
    }

    public Task<int> DeletePrefixAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var folder = PathOf(prefix);
        if (!Directory.Exists(folder))
        {
            return Task.FromResult(0);
        }

        var count = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count();
        Directory.Delete(folder, recursive: true);
        return Task.FromResult(count);
    }

    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(Root, BlobKey.Require(key)));
        // BlobKey already forbids traversal; this second check keeps the promise even if the rules change.
        return path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new ArgumentException($"'{key}' leaves the storage root.", nameof(key));
    }
}
