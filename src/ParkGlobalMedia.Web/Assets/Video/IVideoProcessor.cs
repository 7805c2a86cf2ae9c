namespace ParkGlobalMedia.Assets.Video;

/// <summary>The asset bank's video engine: probe uploads, cut poster frames, encode renditions.</summary>
public interface IVideoProcessor
{
    /// <summary>Reads the file's streams; throws <see cref="VideoRejectedException"/> when the bank does not accept it as video.</summary>
    Task<VideoProbe> ProbeAsync(string path, CancellationToken ct = default);

    /// <summary>
    /// Writes one frame at <paramref name="at"/> as a JPEG at the displayed size, rotated upright. A time at or past
    /// the end takes the middle frame instead.
    /// </summary>
    Task ExtractPosterAsync(string path, TimeSpan at, string outputJpegPath, CancellationToken ct = default);

    /// <summary>
    /// Encodes <paramref name="rendition"/> to <paramref name="outputMp4Path"/>, reporting progress 0..1. The file
    /// appears under that name only when complete; cancellation stops ffmpeg and leaves nothing behind.
    /// <paramref name="focalX"/> (0 = left edge, 1 = right edge) centres the Vertical and Square crops.
    /// </summary>
    Task TranscodeAsync(string path, VideoRendition rendition, double focalX, string outputMp4Path, IProgress<double>? progress, CancellationToken ct = default);
}
