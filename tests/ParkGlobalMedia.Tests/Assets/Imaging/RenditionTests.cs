using Microsoft.Extensions.Options;
using ParkGlobalMedia.Assets.Imaging;

namespace ParkGlobalMedia.Tests.Assets.Imaging;

/// <summary>Renditions: sized, cropped around the focal point, upright, in the asked format.</summary>
public sealed class RenditionTests : IDisposable
{
    private readonly TestImages _images = new();
    private readonly VipsImageProcessor _processor = new(Options.Create(new ImagingOptions { Concurrency = 2 }));

    [Fact]
    public async Task A_cover_crop_keeps_the_marker_under_the_focal_point()
    {
        // Red square near the top-right corner of a 1200 × 800 image.
        var source = _images.WithMarker("wide.png", 1200, 800, 1050, 50, 100);
        var onMarker = new FocalPoint(1100 / 1200.0, 100 / 800.0);

        var (focused, focusedSize) = await RenderAsync(source, new RenditionRequest(300, 300, ImageFit.Cover, ImageFormat.Jpeg, onMarker));
        var (centred, centredSize) = await RenderAsync(source, new RenditionRequest(300, 300, ImageFit.Cover, ImageFormat.Jpeg, FocalPoint.Centre));

        Assert.Equal((300, 300), focusedSize);
        Assert.Equal((300, 300), centredSize);
        Assert.True(focused.RedPixels() > 500, $"{focused.RedPixels()} red pixels with the focal point on the marker");
        Assert.Equal(0, centred.RedPixels());
    }

    [Theory]
    [InlineData(1200, 800, 300, 300)]
    [InlineData(800, 1200, 300, 300)]
    [InlineData(3001, 1999, 400, 401)]
    [InlineData(999, 333, 1200, 630)] // smaller than the box: cover enlarges
    [InlineData(1237, 611, 97, 53)]
    public async Task A_cover_rendition_has_exactly_the_asked_size(int width, int height, int boxWidth, int boxHeight)
    {
        var source = _images.WithMarker($"{width}x{height}.jpg", width, height, 0, 0, 10);

        var (pixels, size) = await RenderAsync(source, new RenditionRequest(boxWidth, boxHeight, ImageFit.Cover, ImageFormat.Jpeg, new FocalPoint(1, 1)));

        Assert.Equal((boxWidth, boxHeight), size);
        Assert.Equal((boxWidth, boxHeight), (pixels.Width, pixels.Height));
    }

    [Theory]
    [InlineData(200, 100, 800, 800, 200, 100)] // never enlarged
    [InlineData(1200, 800, 300, 300, 300, 200)]
    [InlineData(1200, 800, 600, 0, 600, 400)] // height 0: only the width constrains
    [InlineData(800, 1200, 600, 0, 600, 900)]
    public async Task An_inside_rendition_fits_the_box_and_never_enlarges(int width, int height, int boxWidth, int boxHeight, int expectedWidth, int expectedHeight)
    {
        var source = _images.WithMarker($"in-{width}x{height}.png", width, height, 0, 0, 10);

        var (_, size) = await RenderAsync(source, new RenditionRequest(boxWidth, boxHeight, ImageFit.Inside, ImageFormat.Jpeg, FocalPoint.Centre));

        Assert.Equal((expectedWidth, expectedHeight), size);
    }

    [Fact]
    public async Task An_exif_orientation_6_photo_is_rendered_upright()
    {
        // Marker in the stored top-left corner; orientation 6 means "rotate 90° clockwise to display", which moves
        // the top-left corner to the top-right.
        var plain = _images.WithMarker("stored.jpg", 300, 200, 0, 0, 60, "[strip]");
        var rotated = _images.InsertSegments(plain, "portrait.jpg", JpegSegments.Exif("Park", "Cam", orientation: 6));

        var (pixels, size) = await RenderAsync(rotated, new RenditionRequest(1000, 1000, ImageFit.Inside, ImageFormat.Jpeg, FocalPoint.Centre));

        Assert.Equal((200, 300), size);
        Assert.Equal(255, pixels[185, 15].R, tolerance: 40);
        Assert.Equal(128, pixels[15, 15].R, tolerance: 40);
    }

    [Fact]
    public async Task A_transparent_png_becomes_a_jpeg_on_white()
    {
        _images.Vips("black", _images.PathOf("clear.v"), "40", "30", "--bands", "4");
        _images.Vips("copy", _images.PathOf("clear.v"), _images.PathOf("clear.png"));

        var (pixels, _) = await RenderAsync(_images.PathOf("clear.png"), new RenditionRequest(40, 30, ImageFit.Inside, ImageFormat.Jpeg, FocalPoint.Centre));

        Assert.Equal((255, 255, 255), pixels[20, 15]);
    }

    [Fact]
    public async Task A_pdf_renders_its_first_page()
    {
        var pdf = _images.Pdf("brochure.pdf", pages: 2);

        var (pixels, size) = await RenderAsync(pdf, new RenditionRequest(150, 0, ImageFit.Inside, ImageFormat.Jpeg, FocalPoint.Centre));

        Assert.Equal((150, 75), size);
        Assert.True(pixels[30, 40].R > 200 && pixels[30, 40].G < 60, "the red rectangle fills the left half");
        Assert.Equal((255, 255, 255), pixels[120, 40]);
    }

    [Fact]
    public async Task An_animated_gif_renders_its_first_frame()
    {
        // Three 60 × 100 frames stacked; only the first has the marker.
        _images.WithMarker("frames.v", 60, 300, 10, 10, 40);
        _images.Vips("copy", _images.PathOf("frames.v"), _images.PathOf("anim.gif") + "[page_height=100]");

        var (pixels, size) = await RenderAsync(_images.PathOf("anim.gif"), new RenditionRequest(60, 100, ImageFit.Inside, ImageFormat.WebP, FocalPoint.Centre));

        Assert.Equal((60, 100), size);
        Assert.True(pixels.RedPixels() > 1000);
    }

    [Theory]
    [InlineData(ImageFormat.Jpeg, "image/jpeg")]
    [InlineData(ImageFormat.WebP, "image/webp")]
    [InlineData(ImageFormat.Avif, "image/avif")]
    public async Task Each_output_format_has_its_content_type_and_magic_bytes(ImageFormat format, string contentType)
    {
        Assert.True(_processor.SupportsAvif, "libheif here encodes AV1 (aom), so AVIF must be offered");
        var source = _images.WithMarker("magic.jpg", 640, 480, 0, 0, 10);
        using var output = new MemoryStream();

        var rendered = await _processor.RenderAsync(source, new RenditionRequest(320, 240, ImageFit.Cover, format, FocalPoint.Centre), output);

        var bytes = output.ToArray();
        Assert.Equal(new RenderedImage(320, 240, bytes.Length, contentType), rendered);
        var magic = format switch
        {
            ImageFormat.Jpeg => bytes.AsSpan(0, 3).SequenceEqual(new byte[] { 0xFF, 0xD8, 0xFF }),
            ImageFormat.WebP => "RIFF"u8.SequenceEqual(bytes.AsSpan(0, 4)) && "WEBP"u8.SequenceEqual(bytes.AsSpan(8, 4)),
            _ => "ftypavif"u8.SequenceEqual(bytes.AsSpan(4, 8)),
        };
        Assert.True(magic, Convert.ToHexString(bytes.AsSpan(0, 16)));
    }

    [Fact]
    public async Task Eight_concurrent_renders_all_succeed()
    {
        var sources = Enumerable.Range(0, 4).Select(i => _images.Noise($"noise{i}.jpg", 1600, 1200)).ToArray();

        var renders = Enumerable.Range(0, 8).Select(async i =>
        {
            using var output = new MemoryStream();
            var fit = i % 2 == 0 ? ImageFit.Cover : ImageFit.Inside;
            var rendered = await _processor.RenderAsync(sources[i % 4], new RenditionRequest(400, 300, fit, ImageFormat.Jpeg, FocalPoint.Centre), output);
            return (rendered.Width, rendered.Height, output.Length > 1000);
        });

        var results = await Task.WhenAll(renders);

        Assert.All(results.Where((_, i) => i % 2 == 0), r => Assert.Equal((400, 300, true), r));
        Assert.All(results.Where((_, i) => i % 2 == 1), r => Assert.Equal((400, 300, true), r));
    }

    [Fact]
    public async Task A_cancelled_render_stops_with_operation_cancelled()
    {
        var source = _images.WithMarker("cancel.jpg", 300, 200, 0, 0, 10);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _processor.RenderAsync(source, new RenditionRequest(100, 100, ImageFit.Cover, ImageFormat.Jpeg, FocalPoint.Centre), Stream.Null, new CancellationToken(true)));
    }

    public void Dispose()
    {
        _processor.Dispose();
        _images.Dispose();
    }

    private async Task<(Rgb Pixels, (int Width, int Height) Size)> RenderAsync(string source, RenditionRequest request)
    {
        var extension = request.Format switch { ImageFormat.Jpeg => ".jpg", ImageFormat.WebP => ".webp", _ => ".avif" };
        var path = _images.PathOf($"out-{Guid.NewGuid():N}{extension}");
        RenderedImage rendered;
        await using (var output = File.Create(path))
        {
            rendered = await _processor.RenderAsync(source, request, output);
        }

        Assert.Equal(new FileInfo(path).Length, rendered.Length);
        return (_images.Decode(path), (rendered.Width, rendered.Height));
    }
}
