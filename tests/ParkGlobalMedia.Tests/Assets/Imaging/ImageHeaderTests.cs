using Microsoft.Extensions.Options;
using ParkGlobalMedia.Assets.Imaging;

namespace ParkGlobalMedia.Tests.Assets.Imaging;

/// <summary>Headers are read without decoding pixels, upright, and refuse what the bank must not decode.</summary>
public sealed class ImageHeaderTests : IDisposable
{
    private readonly TestImages _images = new();
    private readonly VipsImageProcessor _processor = new(Options.Create(new ImagingOptions()));

    [Theory]
    [InlineData("photo.jpg", "jpegload", false)]
    [InlineData("photo.png", "pngload", false)]
    [InlineData("photo.gif", "gifload", true)] // libnsgif always decodes to RGBA
    [InlineData("photo.webp", "webpload", false)]
    [InlineData("photo.tif", "tiffload", false)]
    [InlineData("photo.heic", "heifload", false)]
    [InlineData("photo.avif", "heifload", false)]
    public void Each_accepted_format_reports_its_size_and_loader(string name, string loader, bool hasAlpha)
    {
        var path = _images.WithMarker(name, 320, 200, 10, 10, 20);

        var header = _processor.ReadHeader(path);

        Assert.Equal(new ImageHeader(320, 200, 1, loader, hasAlpha), header);
    }

    [Fact]
    public void A_pdf_is_measured_on_its_first_page_at_the_configured_resolution()
    {
        var path = _images.Pdf("brochure.pdf", pages: 2);

        var header = new VipsImageProcessor(Options.Create(new ImagingOptions { PdfDpi = 150 })).ReadHeader(path);

        // 144 × 72 pt at 150 dpi; pdfload always renders with an alpha channel.
        Assert.Equal(new ImageHeader(300, 150, 2, "pdfload", HasAlpha: true), header);
    }

    [Fact]
    public void An_animated_gif_reports_one_frame_and_its_frame_count()
    {
        _images.Vips("black", _images.PathOf("strip.v"), "60", "300", "--bands", "3");
        _images.Vips("copy", _images.PathOf("strip.v"), _images.PathOf("anim.gif") + "[page_height=100]");

        var header = _processor.ReadHeader(_images.PathOf("anim.gif"));

        Assert.Equal((60, 100, 3), (header.Width, header.Height, header.Pages));
    }

    [Fact]
    public void A_png_with_transparency_says_so()
    {
        _images.Vips("black", _images.PathOf("clear.v"), "40", "30", "--bands", "4");
        _images.Vips("copy", _images.PathOf("clear.v"), _images.PathOf("clear.png"));

        Assert.True(_processor.ReadHeader(_images.PathOf("clear.png")).HasAlpha);
    }

    [Fact]
    public void Exif_orientation_6_swaps_width_and_height()
    {
        var plain = _images.WithMarker("plain.jpg", 300, 200, 0, 0, 40, "[strip]");
        var rotated = _images.InsertSegments(plain, "rotated.jpg", JpegSegments.Exif("Park", "Cam", orientation: 6));

        Assert.Equal((300, 200), (_processor.ReadHeader(plain).Width, _processor.ReadHeader(plain).Height));
        Assert.Equal((200, 300), (_processor.ReadHeader(rotated).Width, _processor.ReadHeader(rotated).Height));
    }

    [Fact]
    public void An_html_file_named_jpg_is_rejected_with_a_reason_for_the_uploader()
    {
        var path = _images.PathOf("holiday.jpg");
        File.WriteAllText(path, "<!DOCTYPE html><html><script>alert(1)</script></html>");

        var error = Assert.Throws<ImageRejectedException>(() => _processor.ReadHeader(path));

        Assert.Equal("The file could not be decoded as an image: not a readable JPEG, PNG, GIF, WebP, TIFF, HEIC, AVIF or PDF file", error.Message);
    }

    [Fact]
    public void An_svg_is_rejected_because_only_the_banks_loaders_may_run()
    {
        var path = _images.PathOf("logo.svg");
        File.WriteAllText(path, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>");

        var error = Assert.Throws<ImageRejectedException>(() => _processor.ReadHeader(path));
        Assert.EndsWith("not a readable JPEG, PNG, GIF, WebP, TIFF, HEIC, AVIF or PDF file", error.Message);
    }

    [Fact]
    public void A_missing_file_is_the_callers_problem_not_the_uploaders()
    {
        Assert.Throws<FileNotFoundException>(() => _processor.ReadHeader(_images.PathOf("gone.jpg")));
    }

    public void Dispose()
    {
        _processor.Dispose();
        _images.Dispose();
    }
}
