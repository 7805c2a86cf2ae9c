using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParkGlobalMedia.Assets.Library;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Assets.Processing;

/// <summary>
/// Runs asset processing in the background: each worker claims one pending asset with a compare-and-set and a lease
/// (so instances sharing a database never process the same asset twice, and a crashed instance's work is taken over
/// when its lease runs out), runs the pipeline for it in its own scope, and looks for the next.
/// </summary>
public sealed partial class AssetProcessor(
    IServiceScopeFactory scopes,
    AssetProcessingSignal signal,
    IOptions<AssetProcessingOptions> options,
    TimeProvider clock,
    ILogger<AssetProcessor> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return Task.CompletedTask;
        }

        return Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.Workers)).Select(_ => WorkAsync(stoppingToken)));
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await ProcessNextAsync(stoppingToken))
                {
                    await SweepAsync(stoppingToken);
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The pipeline isolates per-asset failures; this is the database being away. Back off and retry.
                LogWorkerFailed(logger, exception);
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
        }
    }

    /// <summary>Claims and processes one asset. False when nothing was waiting. Public so tests drive processing step by step.</summary>
    public async Task<bool> ProcessNextAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await db.Assets.AsNoTracking()
            .Where(a => a.Processing == ProcessingState.Pending || (a.Processing == ProcessingState.Processing && a.ProcessingLeaseUntil < now))
            .OrderBy(a => a.CreatedAt)
            .Select(a => new { a.Id, a.RenditionVersion })
            .Take(5)
            .ToListAsync(cancellationToken);
        foreach (var candidate in candidates)
        {
            var leaseUntil = now + options.Value.Lease;
            var claimed = await db.Assets
                .Where(a => a.Id == candidate.Id && a.RenditionVersion == candidate.RenditionVersion &&
                            (a.Processing == ProcessingState.Pending || (a.Processing == ProcessingState.Processing && a.ProcessingLeaseUntil < now)))
                .ExecuteUpdateAsync(set => set
                    .SetProperty(a => a.Processing, ProcessingState.Processing)
                    .SetProperty(a => a.ProcessingLeaseUntil, leaseUntil)
                    .SetProperty(a => a.ProcessingAttempts, a => a.ProcessingAttempts + 1), cancellationToken);
            if (claimed == 1)
            {
                await scope.ServiceProvider.GetRequiredService<AssetPipeline>().RunAsync(candidate.Id, candidate.RenditionVersion, cancellationToken);
                return true;
            }
        }

        return false;
    }

    /// <summary>Idle time is for housekeeping: abandoned resumable uploads are removed with their parts.</summary>
    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Uploads.UploadSessions>().SweepExpiredAsync(cancellationToken);
    }

    /// <summary>Processes until nothing is waiting (tests, the demo recipe's import).</summary>
    public async Task<int> ProcessAllAsync(CancellationToken cancellationToken = default)
    {
        var count = 0;
        while (await ProcessNextAsync(cancellationToken))
        {
            count++;
        }

        return count;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Asset processing worker failed; retrying after the poll interval")]
    private static partial void LogWorkerFailed(ILogger logger, Exception exception);
}
