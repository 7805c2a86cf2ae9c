using System.Buffers;
using System.Security.Cryptography;

namespace ParkGlobalMedia.Assets.Uploads;

/// <summary>Per-kind upload limits. Video is large (aerial footage); everything else is bounded tightly.</summary>
public sealed class UploadLimits
{
    public const string Section = "Uploads";

    public long ImageBytes { get; set; } = 50L * 1024 * 1024;
    public long VideoBytes { get; set; } = 4L * 1024 * 1024 * 1024;
    public long DocumentBytes { get; set; } = 100L * 1024 * 1024;
    public long H5PackageBytes { get; set; } = 100L * 1024 * 1024;

    public long For(AssetKind kind) => kind switch
    {
        AssetKind.Image => ImageBytes,
        AssetKind.Video => VideoBytes,
        AssetKind.Document => DocumentBytes,
        _ => H5PackageBytes,
    };
}

/// <summary>A received file, spooled to a temporary file that is deleted when this is disposed.</summary>
public sealed class SpooledUpload(string path, MediaType type, long length, string sha256) : IAsyncDisposable
{
    public string Path { get; } = path;
    public MediaType Type { get; } = type;
    public long Length { get; } = length;

    /// <summary>Lower-case hex SHA-256 of the bytes: the bank's de-duplication key.</summary>
    public string Sha256 { get; } = sha256;

    public Stream OpenRead() => new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);

    public ValueTask DisposeAsync()
    {
        File.Delete(Path);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Why an upload was refused; the message is safe to show to the uploader.</summary>
public sealed class UploadRejectedException(string message, int statusCode)
    : Platform.Http.RequestRejectedException("Upload refused", message, statusCode);

/// <summary>
/// Receives an upload as a stream: decides its type from the first bytes, enforces that type's size limit while
/// reading (an oversized file is cut off, not read to the end), hashes it, and spools it to a temporary file —
/// never holding the whole file in memory.
/// </summary>
public static class UploadSpooler
{
    public static async Task<SpooledUpload> ReceiveAsync(Stream body, UploadLimits limits, string temporaryFolder, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(temporaryFolder);
        var path = Path.Combine(temporaryFolder, $"upload-{Guid.NewGuid():N}");
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);

            // Fill the header before deciding anything: a network stream may deliver it in several small reads.
            var headerLength = 0;
            while (headerLength < MediaTypes.HeaderLength)
            {
                var read = await body.ReadAsync(buffer.AsMemory(headerLength, MediaTypes.HeaderLength - headerLength), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                headerLength += read;
            }

            if (headerLength == 0)
            {
                throw new UploadRejectedException("The upload is empty: send the file's bytes as the request body.", StatusCodes.Status400BadRequest);
            }

            var type = MediaTypes.Detect(buffer.AsSpan(0, headerLength))
                       ?? throw new UploadRejectedException(
                           $"The file is not a format the asset bank accepts ({string.Join(", ", MediaTypes.All.Select(t => t.Name))}); its type is decided from its content, not its name.",
                           StatusCodes.Status415UnsupportedMediaType);
            var limit = limits.For(type.Kind);
            long length = headerLength;
            hash.AppendData(buffer, 0, headerLength);
            await file.WriteAsync(buffer.AsMemory(0, headerLength), cancellationToken);

            int count;
            while ((count = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                length += count;
                if (length > limit)
                {
                    throw new UploadRejectedException(
                        $"{type.Name} files may be at most {limit:N0} bytes; this one is larger.", StatusCodes.Status413PayloadTooLarge);
                }

                hash.AppendData(buffer, 0, count);
                await file.WriteAsync(buffer.AsMemory(0, count), cancellationToken);
            }

            return new SpooledUpload(path, type, length, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
