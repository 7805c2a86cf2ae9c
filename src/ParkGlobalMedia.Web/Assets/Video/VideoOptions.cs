namespace ParkGlobalMedia.Assets.Video;

/// <summary>Where the ffmpeg tools live and how much video the bank takes. Bound from the "Video" section.</summary>
public sealed class VideoOptions
{
    public const string Section = "Video";

    public string FfmpegPath { get; set; } = "ffmpeg";
    public string FfprobePath { get; set; } = "ffprobe";

    /// <summary>A sane file probes in well under a second; one that takes longer is treated as hostile.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longer uploads are refused at probe time, before any transcoding is spent on them.</summary>
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Encoder threads per ffmpeg run; 0 lets ffmpeg decide (all cores).</summary>
    public int Threads { get; set; }
}
