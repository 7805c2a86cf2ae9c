using System.Globalization;

namespace ParkGlobalMedia.Assets.Video;

/// <summary>
/// Turns ffmpeg's <c>-progress</c> lines into 0..1 against the probed duration. Reports only rise: ffmpeg's clock can
/// step back (audio priming, B-frames) and a progress bar must not.
/// </summary>
internal sealed class ProgressReporter(IProgress<double>? progress, TimeSpan duration)
{
    private double _last = -1;

    public void OnLine(string line)
    {
        const string Key = "out_time_us=";
        if (progress is null || duration <= TimeSpan.Zero || !line.StartsWith(Key, StringComparison.Ordinal)
            || !long.TryParse(line.AsSpan(Key.Length), NumberStyles.Integer, CultureInfo.InvariantCulture, out var microseconds))
        {
            return;
        }

        // Below 0 while audio priming is encoded. 1 is kept for the moment the finished file is in place: ffmpeg's
        // last report may already reach the duration.
        Report(Math.Clamp(microseconds / (duration.TotalMilliseconds * 1000), 0, 0.999));
    }

    public void Report(double value)
    {
        if (progress is null || !(value > _last))
        {
            return;
        }

        _last = value;
        progress.Report(value);
    }
}
