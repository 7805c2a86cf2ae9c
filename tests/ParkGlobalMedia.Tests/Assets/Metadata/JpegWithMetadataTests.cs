using ParkGlobalMedia.Assets.Metadata;

namespace ParkGlobalMedia.Tests.Assets.Metadata;

/// <summary>The test-image builder that other tests trust: its JPEGs decode cleanly and carry exactly what was asked for.</summary>
public sealed class JpegWithMetadataTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pgm-jpeg-").FullName;

    [Fact]
    public async Task A_built_jpeg_decodes_without_warnings()
    {
        var path = Write("everything.jpg", JpegWithMetadata.WithEverything());

        var warnings = await VipsCli.RunAsync("vips", "copy", path, Path.Combine(_folder, "decoded.v"));

        Assert.Equal("", warnings.Trim());
    }

    [Fact]
    public void Building_on_a_jpeg_with_metadata_replaces_it()
    {
        var first = JpegWithMetadata.WithEverything();

        var rebuilt = EmbeddedMetadataReader.Read(Write("rebuilt.jpg", JpegWithMetadata.Build(first, exif: new ExifFields { Make = "Nikon" })));

        Assert.Equal(EmbeddedMetadata.Empty with { CameraMake = "Nikon", Keywords = rebuilt.Keywords }, rebuilt);
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
