using System.Security.Cryptography;
using System.Text;
using ParkGlobalMedia.Assets.Uploads;
using ParkGlobalMedia.Tests.Infrastructure;

namespace ParkGlobalMedia.Tests.Assets;

/// <summary>Uploads are typed by their bytes, bounded while read, hashed, and never kept whole in memory.</summary>
public sealed class UploadTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pgm-uploads", Guid.NewGuid().ToString("N"));

    public static TheoryData<string, string?> Headers => new()
    {
        { "FF D8 FF E0 00 10 4A 46 49 46", "image/jpeg" },
        { "89 50 4E 47 0D 0A 1A 0A 00 00 00 0D", "image/png" },
        { "47 49 46 38 39 61 01 00", "image/gif" },
        { "52 49 46 46 24 00 00 00 57 45 42 50 56 50 38 20", "image/webp" },
        { "52 49 46 46 24 00 00 00 57 41 56 45 66 6D 74 20", null }, // RIFF but WAVE audio
        { "49 49 2A 00 08 00 00 00", "image/tiff" },
        { "4D 4D 00 2A 00 00 00 08", "image/tiff" },
        { "00 00 00 18 66 74 79 70 68 65 69 63 00 00 00 00", "image/heic" },
        { "00 00 00 1C 66 74 79 70 61 76 69 66 00 00 00 00", "image/avif" },
        { "00 00 00 20 66 74 79 70 69 73 6F 6D 00 00 02 00", "video/mp4" },
        { "00 00 00 14 66 74 79 70 71 74 20 20 00 00 00 00", "video/quicktime" },
        { "1A 45 DF A3 9F 42 86 81 01", "video/webm" },
        { "25 50 44 46 2D 31 2E 37", "application/pdf" },
        { "50 4B 03 04 14 00 00 00", "application/zip" },
        { "3C 21 44 4F 43 54 59 50 45 20 68 74 6D 6C 3E", null }, // <!DOCTYPE html> renamed to .jpg
        { "3C 73 76 67 20 78 6D 6C 6E 73 3D", null }, // <svg: scriptable, refused
        { "4D 5A 90 00 03 00", null }, // a Windows executable
        { "", null },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public void The_type_is_decided_by_the_first_bytes(string hex, string? contentType) =>
        Assert.Equal(contentType, MediaTypes.Detect(Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal)))?.ContentType);

    [Fact]
    public async Task A_received_file_is_spooled_with_its_sha256_even_when_the_header_trickles_in()
    {
        var bytes = Png(500_000);
        await using var upload = await UploadSpooler.ReceiveAsync(new ForwardOnlyStream(bytes, maxChunk: 3), new UploadLimits(), _folder);

        Assert.Equal(MediaTypes.Png, upload.Type);
        Assert.Equal(bytes.Length, upload.Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), upload.Sha256);
        await using var stored = upload.OpenRead();
        Assert.Equal(bytes.Length, stored.Length);
    }

    [Fact]
    public async Task An_oversized_file_is_cut_off_with_413_and_leaves_nothing_behind()
    {
        var limits = new UploadLimits { ImageBytes = 100_000 };
        var error = await Assert.ThrowsAsync<UploadRejectedException>(() => UploadSpooler.ReceiveAsync(new MemoryStream(Png(100_001)), limits, _folder));
        Assert.Equal(413, error.StatusCode);
        Assert.Contains("100,000", error.Message);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task A_disguised_file_is_refused_with_415_and_leaves_nothing_behind()
    {
        var html = Encoding.UTF8.GetBytes("<!DOCTYPE html><script>alert(document.cookie)</script>");
        var error = await Assert.ThrowsAsync<UploadRejectedException>(() => UploadSpooler.ReceiveAsync(new MemoryStream(html), new UploadLimits(), _folder));
        Assert.Equal(415, error.StatusCode);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static byte[] Png(int length)
    {
        var bytes = RandomNumberGenerator.GetBytes(length);
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        return bytes;
    }
}
