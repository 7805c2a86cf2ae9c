using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Icc;
using MetadataExtractor.Formats.Iptc;
using MetadataExtractor.Formats.Xmp;
using Microsoft.Extensions.Options;
using ParkGlobalMedia.Assets.Imaging;

namespace ParkGlobalMedia.Tests.Assets.Imaging;

/// <summary>
/// Public renditions carry nothing from the source — no GPS, camera, XMP, IPTC — only the copyright when given.
/// Read back with MetadataExtractor, an independent parser.
/// </summary>
public sealed class MetadataTests : IDisposable
{
    private const string Copyright = "© 2026 Park Global Media (HN)";

    // EXIF strings are ASCII: libvips transliterates the © sign. The brackets at the end survive.
    private const string ExifCopyright = "(C) 2026 Park Global Media (HN)";
    private readonly TestImages _images = new();
    private readonly VipsImageProcessor _processor = new(Options.Create(new ImagingOptions()));
    private readonly string _source;

    public MetadataTests()
    {
        var plain = _images.WithMarker("plain.jpg", 640, 480, 0, 0, 10, "[strip]");
        _source = _images.InsertSegments(plain, "camera.jpg",
            JpegSegments.Exif("Canon", "EOS R5", gps: true), JpegSegments.Xmp("Jane Photographer"), JpegSegments.Iptc("Jane Photographer"));
    }

    [Fact]
    public void The_source_really_carries_gps_camera_xmp_and_iptc()
    {
        var directories = ImageMetadataReader.ReadMetadata(_source);

        Assert.Equal("Canon", directories.OfType<ExifIfd0Directory>().Single().GetString(ExifDirectoryBase.TagMake));
        Assert.Equal("EOS R5", directories.OfType<ExifIfd0Directory>().Single().GetString(ExifDirectoryBase.TagModel));
        Assert.NotNull(directories.OfType<GpsDirectory>().Single().GetGeoLocation());
        Assert.Contains("Jane Photographer", directories.OfType<XmpDirectory>().Single().XmpMeta!.GetPropertyString("http://purl.org/dc/elements/1.1/", "creator[1]"));
        Assert.Equal("Jane Photographer", directories.OfType<IptcDirectory>().Single().GetString(IptcDirectory.TagByLine));
    }

    [Theory]
    [InlineData(ImageFormat.Jpeg)]
    [InlineData(ImageFormat.WebP)]
    public async Task A_rendition_with_a_copyright_carries_only_the_copyright(ImageFormat format)
    {
        var directories = await RenderAndReadAsync(format, Copyright);

        var ifd0 = directories.OfType<ExifIfd0Directory>().Single();
        Assert.Equal(ExifCopyright, ifd0.GetString(ExifDirectoryBase.TagCopyright));
        Assert.False(ifd0.ContainsTag(ExifDirectoryBase.TagMake));
        Assert.False(ifd0.ContainsTag(ExifDirectoryBase.TagModel));
        Assert.Empty(directories.OfType<GpsDirectory>());
        Assert.Empty(directories.OfType<XmpDirectory>());
        Assert.Empty(directories.OfType<IptcDirectory>());
    }

    [Fact]
    public async Task An_avif_rendition_carries_the_copyright_and_not_the_camera()
    {
        // MetadataExtractor 2.4.3 does not read AVIF: look for the EXIF strings in the file itself.
        using var output = new MemoryStream();
        await _processor.RenderAsync(_source, new RenditionRequest(320, 240, ImageFit.Cover, ImageFormat.Avif, FocalPoint.Centre, Copyright: Copyright), output);

        var bytes = output.ToArray();
        Assert.True(bytes.AsSpan().IndexOf("Exif\0\0"u8) >= 0, "an EXIF item");
        Assert.True(bytes.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(ExifCopyright + "\0")) >= 0, "the copyright, NUL-terminated");
        Assert.True(bytes.AsSpan().IndexOf("Canon"u8) < 0 && bytes.AsSpan().IndexOf("Jane"u8) < 0, "nothing from the camera or the desk");
    }

    [Fact]
    public async Task A_jpeg_rendition_without_a_copyright_carries_no_metadata_at_all()
    {
        var directories = await RenderAndReadAsync(ImageFormat.Jpeg, copyright: null);

        Assert.Empty(directories.OfType<ExifDirectoryBase>());
        Assert.Empty(directories.OfType<GpsDirectory>());
        Assert.Empty(directories.OfType<XmpDirectory>());
        Assert.Empty(directories.OfType<IptcDirectory>());
        Assert.Empty(directories.OfType<IccDirectory>());
    }

    [Fact]
    public async Task A_webp_rendition_without_a_copyright_carries_nothing_from_the_source()
    {
        var directories = await RenderAndReadAsync(ImageFormat.WebP, copyright: null);

        // libvips 8.14.1's webpsave ignores strip (libvips#3340) and writes the minimal EXIF block it makes for an
        // image without metadata: resolution, pixel size, orientation 1. Nothing in it comes from the source.
        Assert.All(directories.OfType<ExifDirectoryBase>(), d => Assert.DoesNotContain(d.Tags, t =>
            t.Type is ExifDirectoryBase.TagMake or ExifDirectoryBase.TagModel or ExifDirectoryBase.TagCopyright or ExifDirectoryBase.TagDateTimeOriginal));
        Assert.Empty(directories.OfType<GpsDirectory>());
        Assert.Empty(directories.OfType<XmpDirectory>());
        Assert.Empty(directories.OfType<IptcDirectory>());
        Assert.Empty(directories.OfType<IccDirectory>());
    }

    public void Dispose()
    {
        _processor.Dispose();
        _images.Dispose();
    }

    private async Task<IReadOnlyList<MetadataExtractor.Directory>> RenderAndReadAsync(ImageFormat format, string? copyright)
    {
        using var output = new MemoryStream();
        await _processor.RenderAsync(_source, new RenditionRequest(320, 240, ImageFit.Cover, format, FocalPoint.Centre, Copyright: copyright), output);
        output.Position = 0;
        return ImageMetadataReader.ReadMetadata(output);
    }
}
