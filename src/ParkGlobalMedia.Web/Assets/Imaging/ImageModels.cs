namespace ParkGlobalMedia.Assets.Imaging;

public enum ImageFormat
{
    Jpeg,
    WebP,
    Avif,
}

/// <summary>
/// <see cref="Cover"/> fills Width × Height exactly, cropping around the focal point (it enlarges a small source);
/// <see cref="Inside"/> fits within Width × Height keeping the aspect ratio (Height 0: only the width constrains) and
/// never enlarges.
/// </summary>
public enum ImageFit
{
    Cover,
    Inside,
}

/// <summary>0..1 from the top-left corner, in the auto-oriented image.</summary>
public readonly record struct FocalPoint(double X, double Y)
{
    public static readonly FocalPoint Centre = new(0.5, 0.5);
}

/// <summary>
/// What the header says, before any pixel is decoded. Width and Height are after auto-orientation (EXIF orientation
/// 5–8 swaps them); a PDF is measured at <see cref="ImagingOptions.PdfDpi"/>. Format is the libvips loader nickname
/// ("jpegload", "pngload", "heifload", "pdfload", …).
/// </summary>
public sealed record ImageHeader(int Width, int Height, int Pages, string Format, bool HasAlpha);

public sealed record RenditionRequest(int Width, int Height, ImageFit Fit, ImageFormat Format, FocalPoint Focus, int Quality = 80, string? Copyright = null);

public sealed record RenderedImage(int Width, int Height, long Length, string ContentType);

/// <summary>The file is not an image the bank accepts. The message is precise and safe to show to the uploader.</summary>
public sealed class ImageRejectedException(string message) : Exception(message);

/// <summary>The image engine of the asset bank: header checks and renditions, libvips in-process.</summary>
public interface IImageProcessor
{
    /// <summary>Whether this libvips + libheif can encode AVIF (probed once with a 16 × 16 image).</summary>
    bool SupportsAvif { get; }

    /// <summary>
    /// Reads the header only. Throws <see cref="ImageRejectedException"/> for files that cannot be decoded and for
    /// images over <see cref="ImagingOptions.MaxPixels"/>: the decompression-bomb check happens before decoding.
    /// </summary>
    ImageHeader ReadHeader(string path);

    /// <summary>
    /// Checks the header as <see cref="ReadHeader"/> does, then renders the first page/frame, upright, in sRGB, with
    /// no metadata from the source (only <see cref="RenditionRequest.Copyright"/> when given), into
    /// <paramref name="output"/>.
    /// </summary>
    Task<RenderedImage> RenderAsync(string sourcePath, RenditionRequest request, Stream output, CancellationToken cancellationToken = default);
}
