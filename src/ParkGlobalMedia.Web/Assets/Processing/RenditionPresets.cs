using ParkGlobalMedia.Assets.Imaging;

namespace ParkGlobalMedia.Assets.Processing;

/// <summary>A named image size. Height 0 with <see cref="ImageFit.Inside"/> means "this width, natural height".</summary>
public sealed record RenditionPreset(string Name, int Width, int Height, ImageFit Fit, string Purpose);

/// <summary>
/// The sizes every image (and every video poster, PDF page and H5 preview) gets, each in JPEG and WebP. AVIF is not
/// pre-rendered: libaom encodes an order of magnitude slower than WebP on two cores, so AVIF is offered through signed
/// on-demand URLs where a site asks for it.
/// </summary>
public static class RenditionPresets
{
    /// <summary>The <c>srcset</c> widths. Only widths below the source's are rendered (never upscaled), plus the smallest.</summary>
    public static readonly int[] SrcsetWidths = [320, 640, 960, 1280, 1920];

    public static readonly RenditionPreset Thumbnail = new("thumb", 400, 400, ImageFit.Cover, "grid thumbnail");

    public static readonly IReadOnlyList<RenditionPreset> Crops =
    [
        new("og", 1200, 630, ImageFit.Cover, "Open Graph / link preview"),
        new("square", 1080, 1080, ImageFit.Cover, "social square"),
        new("portrait", 1080, 1350, ImageFit.Cover, "social portrait 4:5"),
        new("vertical", 1080, 1920, ImageFit.Cover, "stories / short video 9:16"),
    ];

    public static readonly IReadOnlyList<(string Extension, ImageFormat Format)> Formats = [("jpg", ImageFormat.Jpeg), ("webp", ImageFormat.WebP)];

    /// <summary>Every preset for a source of the given width, in the order they are rendered (thumbnail first: the grid needs it).</summary>
    public static IReadOnlyList<RenditionPreset> For(int sourceWidth)
    {
        var widths = SrcsetWidths.Where(w => w < sourceWidth).DefaultIfEmpty(SrcsetWidths[0]);
        return [Thumbnail, .. widths.Select(w => new RenditionPreset($"w{w}", w, 0, ImageFit.Inside, "web size")), .. Crops];
    }

    /// <summary>Long images ("长图") are many times taller than wide: their crops start at the top, where the title is.</summary>
    public static bool IsLong(int width, int height) => height > width * 5 / 2;
}
