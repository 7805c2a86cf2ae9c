using System.ComponentModel.DataAnnotations;

namespace ParkGlobalMedia.Sites.Analytics;

public sealed class AnalyticsOptions
{
    public const string Section = "Analytics";

    /// <summary>
    /// Runs the background flusher. Off in tests, which call <see cref="PageViewRecorder.FlushAsync"/> themselves;
    /// views recorded while it is off stay in memory until something flushes them.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long counts may sit in memory: the most an instance can lose if it is killed (not stopped).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(5);
}
