namespace ParkGlobalMedia.Assets.Video;

/// <summary>
/// What ffprobe found in an accepted video. <see cref="Width"/> and <see cref="Height"/> are the size a player shows:
/// after the rotation (90/270 swaps them) and after non-square pixels are stretched out. <see cref="Rotation"/> is
/// the clockwise turn a player applies to the stored frames (0, 90, 180 or 270) — the convention of the legacy
/// 'rotate' tag that phones write. <see cref="Container"/> is a short name: mp4, mov, 3gp, webm, matroska, avi, …
/// </summary>
public sealed record VideoProbe(
    TimeSpan Duration,
    int Width,
    int Height,
    int Rotation,
    string VideoCodec,
    string? AudioCodec,
    double FrameRate,
    long BitRate,
    string Container);

/// <summary>The encodes the bank makes of a video.</summary>
public enum VideoRendition
{
    /// <summary>H.264 High/AAC MP4 with faststart, longest side at most 1920, the source's aspect.</summary>
    Web,

    /// <summary>9:16 crop for stories/reels: 1080×1920, or the source's smaller size class (720×1280, …).</summary>
    Vertical,

    /// <summary>1:1 crop: 1080×1080, or the source's smaller size class.</summary>
    Square,
}

/// <summary>Why an uploaded file is not accepted as video; the message is safe and useful to show the uploader.</summary>
public sealed class VideoRejectedException(string message) : Exception(message);
