using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace ParkGlobalMedia.Assets.Storage;

/// <summary>
/// Blobs in an S3-compatible bucket (AWS, MinIO, Ceph, s3rver in tests), addressed path-style. Streams of unknown
/// length are spooled to a temporary file first: S3 needs the length up front, and memory must stay flat.
/// </summary>
public sealed class S3BlobStorage(IAmazonS3 client, string bucket) : IBlobStorage
{
    public static IAmazonS3 CreateClient(S3StorageOptions options) =>
        new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), new AmazonS3Config
        {
            ServiceURL = options.ServiceUrl,
            ForcePathStyle = true,
            AuthenticationRegion = options.Region,
            // Many S3-compatible stores do not implement the newer flexible checksums; send them only when required.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        BlobKey.Require(key);
        if (content.CanSeek)
        {
            await PutSeekableAsync(key, content, contentType, cancellationToken);
            return;
        }

        var spool = Path.Combine(Path.GetTempPath(), $"pgm-s3-{Guid.NewGuid():N}");
        await using var file = new FileStream(spool, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        await content.CopyToAsync(file, cancellationToken);
        file.Position = 0;
        await PutSeekableAsync(key, file, contentType, cancellationToken);
    }

    private Task PutSeekableAsync(string key, Stream content, string contentType, CancellationToken cancellationToken) =>
        client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket,
            Key = key,
            InputStream = content,
            ContentType = contentType,
            AutoCloseStream = false,
            UseChunkEncoding = false,
        }, cancellationToken);

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        BlobKey.Require(key);
        try
        {
            var response = await client.GetObjectAsync(bucket, key, cancellationToken);
            return new ResponseOwningStream(response);
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<BlobInfo?> GetInfoAsync(string key, CancellationToken cancellationToken = default)
    {
        BlobKey.Require(key);
        try
        {
            var metadata = await client.GetObjectMetadataAsync(bucket, key, cancellationToken);
            return new BlobInfo(key, metadata.ContentLength, metadata.LastModified is { } modified ? new DateTimeOffset(modified.ToUniversalTime()) : DateTimeOffset.MinValue);
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken = default) =>
        await client.DeleteObjectAsync(bucket, BlobKey.Require(key), cancellationToken);

    /// <summary>The response body, disposing the response (and its connection) with the stream.</summary>
    private sealed class ResponseOwningStream(GetObjectResponse response) : Stream
    {
        private readonly Stream _inner = response.ResponseStream;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => response.ContentLength;
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _inner.ReadAsync(buffer, cancellationToken);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _inner.ReadAsync(buffer, offset, count, cancellationToken);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                response.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    public async Task<int> DeletePrefixAsync(string prefix, CancellationToken cancellationToken = default)
    {
        // "renditions/ab" must not take "renditions/abc/…" with it: list below the folder, with its slash.
        var folder = BlobKey.Require(prefix) + "/";
        var count = 0;
        string? continuation = null;
        do
        {
            var page = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = folder, ContinuationToken = continuation }, cancellationToken);
            var keys = page.S3Objects ?? [];
            if (keys.Count > 0)
            {
                await client.DeleteObjectsAsync(new DeleteObjectsRequest
                {
                    BucketName = bucket,
                    Objects = keys.Select(o => new KeyVersion { Key = o.Key }).ToList(),
                }, cancellationToken);
                count += keys.Count;
            }

            continuation = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (continuation is not null);

        return count;
    }
}
