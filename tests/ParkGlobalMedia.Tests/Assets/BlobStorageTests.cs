using System.Security.Cryptography;
using ParkGlobalMedia.Assets.Storage;
using ParkGlobalMedia.Tests.Infrastructure;

namespace ParkGlobalMedia.Tests.Assets;

/// <summary>The blob-storage contract, run against the file system and against a real S3-compatible server.</summary>
public abstract class BlobStorageTests
{
    protected abstract IBlobStorage Storage { get; }

    [Fact]
    public async Task Bytes_written_come_back_identical_with_their_length()
    {
        var bytes = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17);
        var key = $"originals/{Guid.NewGuid():N}/photo.jpg";
        await Storage.PutAsync(key, new MemoryStream(bytes), "image/jpeg");

        Assert.Equal(bytes.Length, (await Storage.GetInfoAsync(key))!.Length);
        await using var read = (await Storage.OpenReadAsync(key))!;
        var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(SHA256.HashData(bytes), SHA256.HashData(copy.ToArray()));
    }

    [Fact]
    public async Task A_stream_of_unknown_length_is_stored_whole()
    {
        var bytes = RandomNumberGenerator.GetBytes(200_000);
        var key = $"uploads/{Guid.NewGuid():N}.bin";
        await Storage.PutAsync(key, new ForwardOnlyStream(bytes), "application/octet-stream");
        Assert.Equal(bytes.Length, (await Storage.GetInfoAsync(key))!.Length);
    }

    [Fact]
    public async Task Writing_a_key_again_replaces_the_object_and_delete_removes_it()
    {
        var key = $"renditions/{Guid.NewGuid():N}/w640.webp";
        await Storage.PutAsync(key, new MemoryStream(new byte[10]), "image/webp");
        await Storage.PutAsync(key, new MemoryStream(new byte[25]), "image/webp");
        Assert.Equal(25, (await Storage.GetInfoAsync(key))!.Length);

        await Storage.DeleteAsync(key);
        Assert.Null(await Storage.GetInfoAsync(key));
        Assert.Null(await Storage.OpenReadAsync(key));
        await Storage.DeleteAsync(key); // deleting what is gone is fine
        await Storage.DeleteAsync($"packages/{Guid.NewGuid():N}/manifest.json"); // and so is deleting under a prefix never used
    }

    [Fact]
    public async Task Deleting_a_prefix_removes_everything_below_it_and_nothing_beside_it()
    {
        var id = Guid.NewGuid().ToString("N");
        foreach (var key in new[] { $"renditions/{id}/1/w640.webp", $"renditions/{id}/1/custom/800x600-cover.jpg", $"renditions/{id}/2/og.jpg", $"renditions/{id}x/1/thumb.jpg" })
        {
            await Storage.PutAsync(key, new MemoryStream(new byte[3]), "image/jpeg");
        }

        Assert.Equal(3, await Storage.DeletePrefixAsync($"renditions/{id}"));
        Assert.Null(await Storage.GetInfoAsync($"renditions/{id}/1/custom/800x600-cover.jpg"));
        Assert.NotNull(await Storage.GetInfoAsync($"renditions/{id}x/1/thumb.jpg"));
        Assert.Equal(0, await Storage.DeletePrefixAsync($"renditions/{Guid.NewGuid():N}"));
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("a/../../escape.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("Upper/Case.jpg")]
    [InlineData("")]
    [InlineData("a//b")]
    [InlineData("back\\slash")]
    public async Task Keys_that_could_escape_or_differ_between_stores_are_refused(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Storage.PutAsync(key, new MemoryStream([1]), "text/plain"));
        await Assert.ThrowsAsync<ArgumentException>(() => Storage.OpenReadAsync(key));
    }
}

public sealed class FileSystemBlobStorageTests : BlobStorageTests, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pgm-blobs", Guid.NewGuid().ToString("N"));

    public FileSystemBlobStorageTests() => Storage = new FileSystemBlobStorage(_root);

    protected override IBlobStorage Storage { get; }

    [Fact]
    public async Task No_partial_files_are_left_behind()
    {
        await Storage.PutAsync("a/b.txt", new MemoryStream([1, 2, 3]), "text/plain");
        Assert.Equal(["b.txt"], Directory.GetFiles(Path.Combine(_root, "a")).Select(Path.GetFileName));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}

public sealed class S3BlobStorageTests(S3rverFixture s3) : BlobStorageTests, IClassFixture<S3rverFixture>
{
    protected override IBlobStorage Storage { get; } = new S3BlobStorage(
        S3BlobStorage.CreateClient(new S3StorageOptions { ServiceUrl = s3.ServiceUrl, AccessKey = S3rverFixture.AccessKey, SecretKey = S3rverFixture.SecretKey }),
        S3rverFixture.Bucket);
}
