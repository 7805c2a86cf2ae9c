using System.IO.Compression;
using System.Text;
using ParkGlobalMedia.Assets.Packages;

namespace ParkGlobalMedia.Tests.Assets.Packages;

/// <summary>Extraction streams each file to the store, holding it to its declared size and checksum as it is read.</summary>
public sealed class H5PackageExtractionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pgm-h5-").FullName;
    private readonly List<(H5Entry Entry, byte[] Content)> _stored = [];
    private long _bytesOffered;

    [Fact]
    public async Task Every_file_reaches_the_store_whole_and_in_order()
    {
        var logo = new byte[300_000];
        new Random(3).NextBytes(logo);
        var zip = Write(TestZip.Create(archive =>
        {
            archive.CreateEntry("site/");
            TestZip.Add(archive, "site/index.html", "<h1>春节快乐</h1>"u8.ToArray());
            TestZip.Add(archive, "site/img/logo.png", logo, CompressionLevel.NoCompression);
            TestZip.Add(archive, "site/app.js", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("go();", 10_000))));
        }));

        var package = await H5PackageReader.ExtractAsync(zip, new H5PackageLimits(), Store);

        Assert.Equal("site/index.html", package.EntryPoint);
        Assert.Equal(package.Entries, _stored.Select(s => s.Entry));
        Assert.Equal("<h1>春节快乐</h1>", Encoding.UTF8.GetString(_stored[0].Content));
        Assert.Equal(logo, _stored[1].Content);
        Assert.Equal(50_000, _stored[2].Content.Length);
    }

    [Fact]
    public async Task A_header_that_lies_about_its_size_is_caught_while_reading_and_nothing_after_it_is_stored()
    {
        // 100 MB of zeros deflates to about 100 KB; the headers claim 1,000 bytes, too few for the ratio check to apply.
        var bytes = TestZip.Create(archive =>
        {
            TestZip.Add(archive, "index.html", "<p>hi</p>"u8.ToArray());
            TestZip.Add(archive, "a.js", "go()"u8.ToArray());
            TestZip.Add(archive, "bomb.bin", new byte[100 * 1024 * 1024]);
            TestZip.Add(archive, "z.js", "later()"u8.ToArray());
        });
        TestZip.DeclareUncompressedSize(bytes, "bomb.bin", 1_000);
        var zip = Write(bytes);
        Assert.Equal(1_000, H5PackageReader.Validate(zip, new H5PackageLimits()).Entries.Single(e => e.Path == "bomb.bin").Length);

        var error = await Assert.ThrowsAsync<PackageRejectedException>(() => H5PackageReader.ExtractAsync(zip, new H5PackageLimits(), Store));

        Assert.StartsWith("\"bomb.bin\" ", error.Message, StringComparison.Ordinal);
        Assert.Equal(["index.html", "a.js"], _stored.Select(s => s.Entry.Path));
        Assert.True(_bytesOffered <= 13 + 1_000, $"the store was offered {_bytesOffered:N0} bytes");
    }

    [Fact]
    public async Task A_damaged_entry_fails_its_checksum()
    {
        var bytes = TestZip.Create(archive =>
        {
            TestZip.Add(archive, "index.html", "<p>hi</p>"u8.ToArray());
            TestZip.Add(archive, "data.txt", "hello, world"u8.ToArray(), CompressionLevel.NoCompression);
        });
        bytes[bytes.AsSpan().IndexOf("hello, world"u8)] = (byte)'j';

        var error = await Assert.ThrowsAsync<PackageRejectedException>(() => H5PackageReader.ExtractAsync(Write(bytes), new H5PackageLimits(), Store));

        Assert.Equal("\"data.txt\" does not match its checksum: it is damaged, or its header lies about its size.", error.Message);
        Assert.Equal(["index.html"], _stored.Select(s => s.Entry.Path));
    }

    [Fact]
    public async Task A_store_that_swallows_the_rejection_or_stops_reading_early_does_not_get_past_it()
    {
        var bytes = TestZip.Create(("index.html", "<p>hi</p>"), ("data.txt", "hello, world"));
        TestZip.DeclareUncompressedSize(bytes, "data.txt", 5);
        var zip = Write(bytes);

        await Assert.ThrowsAsync<PackageRejectedException>(() => H5PackageReader.ExtractAsync(zip, new H5PackageLimits(), async (_, stream, ct) =>
        {
            try
            {
                await stream.CopyToAsync(Stream.Null, ct);
            }
            catch (PackageRejectedException)
            {
                // a careless store carries on
            }
        }));
        await Assert.ThrowsAsync<PackageRejectedException>(() => H5PackageReader.ExtractAsync(zip, new H5PackageLimits(), (_, stream, ct) =>
            stream.ReadAsync(new byte[1], ct).AsTask()));
    }

    private async Task Store(H5Entry entry, Stream content, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            _bytesOffered += read;
            copy.Write(buffer, 0, read);
        }

        _stored.Add((entry, copy.ToArray()));
    }

    private string Write(byte[] zip)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".zip");
        File.WriteAllBytes(path, zip);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
