using Microsoft.Extensions.Options;
using ParkGlobalMedia.Assets.Imaging;

namespace ParkGlobalMedia.Tests.Assets.Imaging;

/// <summary>Files the bank must refuse, and the uploader-safe reasons it gives.</summary>
public sealed class RejectionTests(RejectionTests.Bomb bomb) : IClassFixture<RejectionTests.Bomb>, IDisposable
{
    private readonly TestImages _images = new();
    private readonly VipsImageProcessor _processor = new(Options.Create(new ImagingOptions()));

    private const string BombMessage = "The image is 30,000 × 30,000 pixels (900,000,000); the bank accepts at most 120,000,000 pixels.";

    [Fact]
    public void A_30000_pixel_square_png_is_rejected_from_its_header()
    {
        Assert.True(new FileInfo(bomb.Path).Length < 2_000_000, "the bomb is small on disk");

        var error = Assert.Throws<ImageRejectedException>(() => _processor.ReadHeader(bomb.Path));

        Assert.Equal(BombMessage, error.Message);
    }

    [Fact]
    public async Task Rendering_the_bomb_is_refused_before_any_decoding()
    {
        var error = await Assert.ThrowsAsync<ImageRejectedException>(() =>
            _processor.RenderAsync(bomb.Path, new RenditionRequest(400, 0, ImageFit.Inside, ImageFormat.Jpeg, FocalPoint.Centre), Stream.Null));

        Assert.Equal(BombMessage, error.Message);
    }

    [Fact]
    public void The_pixel_limit_is_configurable()
    {
        var path = _images.WithMarker("small.png", 100, 100, 0, 0, 10);
        var strict = new VipsImageProcessor(Options.Create(new ImagingOptions { MaxPixels = 9_999 }));

        Assert.Equal(100, _processor.ReadHeader(path).Width);
        var error = Assert.Throws<ImageRejectedException>(() => strict.ReadHeader(path));
        Assert.Equal("The image is 100 × 100 pixels (10,000); the bank accepts at most 9,999 pixels.", error.Message);
    }

    [Fact]
    public async Task A_truncated_jpeg_is_rejected_instead_of_rendered_with_a_grey_bottom()
    {
        var whole = _images.Noise("whole.jpg", 1600, 1200);
        var bytes = await File.ReadAllBytesAsync(whole);
        var truncated = _images.PathOf("truncated.jpg");
        await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length * 6 / 10)]);
        var request = new RenditionRequest(400, 300, ImageFit.Cover, ImageFormat.Jpeg, FocalPoint.Centre);

        await _processor.RenderAsync(whole, request, Stream.Null);
        var error = await Assert.ThrowsAsync<ImageRejectedException>(() => _processor.RenderAsync(truncated, request, Stream.Null));

        Assert.Equal("The file could not be decoded as an image: VipsJpeg: Premature end of input file", error.Message);
    }

    [Theory]
    [InlineData("cut.png")]
    [InlineData("cut.webp")]
    [InlineData("cut.gif")]
    [InlineData("cut.tif")]
    [InlineData("cut.heic")]
    [InlineData("cut.avif")]
    public async Task A_truncated_file_of_another_format_is_rejected_too(string name)
    {
        var whole = _images.Noise("whole-" + name, 600, 400);
        var bytes = await File.ReadAllBytesAsync(whole);
        await File.WriteAllBytesAsync(_images.PathOf(name), bytes[..(bytes.Length / 2)]);

        var error = await Assert.ThrowsAsync<ImageRejectedException>(() =>
            _processor.RenderAsync(_images.PathOf(name), new RenditionRequest(300, 200, ImageFit.Inside, ImageFormat.Jpeg, FocalPoint.Centre), Stream.Null));
        Assert.DoesNotContain(_images.Folder, error.Message);
    }

    [Theory]
    [InlineData("VipsJpeg: Premature end of input file", true)]
    [InlineData("vipspng: libpng read error", true)]
    [InlineData("gifload: Unexpected end of GIF source data", true)]
    [InlineData("webp: unable to parse image", true)]
    [InlineData("/data/upload/x.heic: bad seek to 114785", true)]
    [InlineData("pdfload: unable to load page 0", true)]
    [InlineData("extract_area: bad extract area", false)]
    [InlineData("VipsImage: memory area too small --- should be 100 bytes, you passed 50", false)]
    [InlineData("jpegsave_buffer: out of memory", false)]
    public void Libvips_errors_from_decoding_are_told_apart_from_the_engines_own(string message, bool decoding) =>
        Assert.Equal(decoding, VipsImageProcessor.IsDecodeFailure(message, "/data/upload/x.heic"));

    public void Dispose()
    {
        _processor.Dispose();
        _images.Dispose();
    }

    /// <summary>A 30,000 × 30,000 black PNG: under a megabyte on disk, 900 megapixels decoded. Made once (seconds).</summary>
    public sealed class Bomb : IDisposable
    {
        private readonly TestImages _images = new();

        public Bomb()
        {
            Path = _images.PathOf("bomb.png");
            _images.Vips("black", Path, "30000", "30000");
        }

        public string Path { get; }

        public void Dispose() => _images.Dispose();
    }
}
