using Microsoft.Extensions.Options;

namespace ParkGlobalMedia.Sites.Analytics;

/// <summary>Writes the recorder's counts every <see cref="AnalyticsOptions.FlushInterval"/>, and once more on shutdown.</summary>
public sealed partial class PageViewFlusher(
    PageViewRecorder recorder, IOptions<AnalyticsOptions> options, TimeProvider clock, ILogger<PageViewFlusher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FlushInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushQuietlyAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync flushes what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushQuietlyAsync(cancellationToken);
    }

    /// <summary>A failed flush keeps its counts in the recorder; the next tick tries again, so the loop must go on.</summary>
    private async Task FlushQuietlyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await recorder.FlushAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogRetrying(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Page views will be written on the next flush")]
    private partial void LogRetrying(Exception exception);
}
