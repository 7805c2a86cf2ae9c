namespace ParkGlobalMedia.Assets.Imaging;

/// <summary>The arithmetic of a rendition, apart from libvips so it can be checked on its own.</summary>
internal static class RenditionGeometry
{
    /// <summary>libvips' largest coordinate: "no limit" for the height of a width-constrained thumbnail.</summary>
    public const int Unbounded = 10_000_000;

    /// <summary>
    /// The box to ask vips_thumbnail for so the result covers width × height: the source scaled by the larger of the
    /// two ratios, rounded up. Fitting inside that box lands on the covering scale, never below it.
    /// </summary>
    public static (int Width, int Height) CoverBox(int sourceWidth, int sourceHeight, int width, int height)
    {
        var scale = Math.Max((double)width / sourceWidth, (double)height / sourceHeight);
        return (Math.Max(width, (int)Math.Ceiling(sourceWidth * scale - 1e-9)), Math.Max(height, (int)Math.Ceiling(sourceHeight * scale - 1e-9)));
    }

    /// <summary>
    /// The top-left corner of the width × height window whose centre is as close as possible to the focal point,
    /// kept inside the image.
    /// </summary>
    public static (int Left, int Top) CropWindow(int imageWidth, int imageHeight, int width, int height, FocalPoint focus) =>
        (Offset(imageWidth, width, focus.X), Offset(imageHeight, height, focus.Y));

    private static int Offset(int extent, int window, double focus)
    {
        var centre = Math.Clamp(double.IsFinite(focus) ? focus : 0.5, 0, 1) * extent;
        return Math.Clamp((int)Math.Round(centre - window / 2.0, MidpointRounding.AwayFromZero), 0, Math.Max(0, extent - window));
    }
}
