namespace ParkGlobalMedia.Assets.Processing;

/// <summary>
/// Wakes the background processor as soon as an upload or edit leaves work, instead of waiting for its next poll.
/// The poll still runs: another instance may have queued the work, and a wake-up may arrive while workers are busy.
/// </summary>
public sealed class AssetProcessingSignal
{
    private readonly SemaphoreSlim _signal = new(0, int.MaxValue);

    public void Wake()
    {
        if (_signal.CurrentCount < 8)
        {
            _signal.Release();
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}

/// <summary>How the background processing runs.</summary>
public sealed class AssetProcessingOptions
{
    public const string Section = "AssetProcessing";

    /// <summary>Off in instances that only serve (and in tests that drive processing by hand).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Assets processed at once per instance. libvips and ffmpeg use several threads each already.</summary>
    public int Workers { get; set; } = 2;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a worker owns an asset before another instance may assume it died and take over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Transient failures (storage, I/O) are retried this many times; a bad file fails at once.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Memory for the bytes of small renditions served most (see <c>RenditionBytesCache</c>); 0 turns it off.</summary>
    public long RenditionCacheBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>Where originals are copied for libvips and ffmpeg, which read files. Default: the system temp folder.</summary>
    public string? WorkFolder { get; set; }
}
