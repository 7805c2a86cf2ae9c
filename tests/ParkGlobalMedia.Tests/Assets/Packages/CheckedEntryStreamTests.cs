using ParkGlobalMedia.Assets.Packages;

namespace ParkGlobalMedia.Tests.Assets.Packages;

/// <summary>
/// The count is the guard that does not depend on the zip library stopping at the declared size (today's .NET does):
/// fed more bytes than declared, the stream refuses before handing them over.
/// </summary>
public sealed class CheckedEntryStreamTests
{
    [Theory]
    [InlineData(1_000, 10_000, "unpacks to more than the 1,000 bytes its header declares")]
    [InlineData(5_000, 1_500, "unpacks past the size limit")]
    public async Task Bytes_beyond_the_declared_size_or_the_allowance_are_never_handed_over(long declared, long allowance, string reason)
    {
        var inflated = new byte[5_000];
        var entry = new H5Entry("bomb.bin", declared, "application/octet-stream");
        await using var stream = new CheckedEntryStream(new MemoryStream(inflated), entry, Crc32.Append(0, inflated), allowance);
        var received = new MemoryStream();

        var error = await Assert.ThrowsAsync<PackageRejectedException>(() => stream.CopyToAsync(received, 256));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.True(received.Length <= Math.Min(declared, allowance), $"{received.Length:N0} bytes were handed over");
    }

    [Fact]
    public void The_checksum_is_the_zip_crc32() =>
        Assert.Equal(0xCBF43926u, Crc32.Append(Crc32.Append(0, "1234"u8), "56789"u8)); // the standard check value, in two parts
}
