namespace ParkGlobalMedia.Assets.Video;

/// <summary>
/// The output size and ffmpeg filter chain of one rendition, worked out from the displayed source size. ffmpeg turns
/// rotated sources upright before this chain runs, so everything here is in display orientation.
/// </summary>
internal sealed record RenditionPlan(int Width, int Height, string Filter)
{
    private const int WebLongestSide = 1920;
    private const int SocialShortSide = 1080;

    public static RenditionPlan For(ProbedVideo source, VideoRendition rendition, double focalX) => rendition switch
    {
        VideoRendition.Web => Web(source.Probe),
        VideoRendition.Vertical => Crop(source, 9, 16, focalX),
        VideoRendition.Square => Crop(source, 1, 1, focalX),
        _ => throw new ArgumentOutOfRangeException(nameof(rendition), rendition, null),
    };

    // H.264 in yuv420p needs even sides; flooring keeps them within the source (never a pixel of upscale).
    internal static int Even(double size)
    {
        var whole = (int)Math.Floor(size + 1e-6);
        return Math.Max(2, whole - whole % 2);
    }

    private static RenditionPlan Web(VideoProbe source)
    {
        var scale = Math.Min(1.0, WebLongestSide / (double)Math.Max(source.Width, source.Height));
        var (width, height) = (Even(source.Width * scale), Even(source.Height * scale));
        return new(width, height, $"scale={width}:{height},setsar=1");
    }

    /// <summary>
    /// The largest <paramref name="across"/>:<paramref name="down"/> window of the frame, centred vertically and on
    /// the focal point horizontally, scaled to the rendition's size class: 1080 on the short side, or the source's own
    /// short side when that is smaller (a 1280×720 source gives 720×1280) — never a class above the source's.
    /// </summary>
    private static RenditionPlan Crop(ProbedVideo source, int across, int down, double focalX)
    {
        var (width, height) = (source.Probe.Width, source.Probe.Height);
        var (cropWidth, cropHeight) = (long)width * down > (long)height * across
            ? ((int)Math.Round(height * across / (double)down), height)
            : (width, (int)Math.Round(width * down / (double)across));
        cropWidth = Math.Clamp(cropWidth, 1, width);
        cropHeight = Math.Clamp(cropHeight, 1, height);

        var focus = double.IsFinite(focalX) ? Math.Clamp(focalX, 0, 1) : 0.5;
        var x = Math.Clamp((int)Math.Round(focus * width - cropWidth / 2.0), 0, width - cropWidth);
        var y = (height - cropHeight) / 2;

        // The smallest exact, even 9:16 size is 18×32; an exact 1:1 only needs an even side.
        var step = 2 * across;
        var shortSide = Math.Max(step, Math.Min(SocialShortSide, Math.Min(width, height)) / step * step);
        var (outWidth, outHeight) = (shortSide, shortSide / across * down);

        // Cropping counts pixels, so non-square pixels are first stretched to the displayed size.
        var squarePixels = source.SquarePixels ? "" : $"scale={width}:{height},setsar=1,";
        return new(outWidth, outHeight, $"{squarePixels}crop={cropWidth}:{cropHeight}:{x}:{y},scale={outWidth}:{outHeight},setsar=1");
    }
}
