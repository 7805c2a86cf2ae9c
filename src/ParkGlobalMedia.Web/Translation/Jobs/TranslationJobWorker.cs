using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Translation.Jobs;

public sealed class TranslationJobOptions
{
    public const string Section = "Translation:Jobs";

    /// <summary>Run jobs in this instance. Off for instances that should only serve pages.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often to look for jobs queued by another instance (jobs queued here start at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A running job whose heartbeat is older than this lost its instance and is queued again.</summary>
    public TimeSpan AbandonedAfter { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Wakes the worker when a job is queued in this instance, so it starts without waiting for the next poll.</summary>
public sealed class TranslationJobSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _channel.Writer.TryWrite(true);

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _channel.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // the poll interval passed
        }
    }
}

/// <summary>
/// Runs queued translation jobs one at a time per instance. The jobs table is the queue, so a job survives restarts;
/// a job claimed by an instance that died is queued again once its heartbeat is older than
/// <see cref="TranslationJobOptions.AbandonedAfter"/> (its translations so far are in the documents, so the rerun
/// sends only what is still missing).
/// </summary>
public sealed partial class TranslationJobWorker(
    IServiceScopeFactory scopes, TranslationJobSignal signal, IOptions<TranslationJobOptions> options, TimeProvider clock, ILogger<TranslationJobWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await RunNextAsync(stoppingToken))
                {
                    continue;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogWorkerFailed(exception);
            }

            await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
        }
    }

    /// <summary>Claims and runs the oldest queued job; false when there was none.</summary>
    public async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        Guid? jobId;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var abandoned = clock.GetUtcNow().UtcDateTime - options.Value.AbandonedAfter;
            var stale = db.Set<TranslationJob>().Where(j => j.State == JobState.Running && j.HeartbeatAt < abandoned);
            // Read first: an idle poll must not take SQLite's write lock every few seconds.
            if (await stale.AnyAsync(cancellationToken))
            {
                await stale.ExecuteUpdateAsync(j => j.SetProperty(x => x.State, JobState.Queued).SetProperty(x => x.Revision, x => x.Revision + 1), cancellationToken);
            }

            jobId = await db.Set<TranslationJob>().AsNoTracking().Where(j => j.State == JobState.Queued)
                .OrderBy(j => j.CreatedAt).Select(j => (Guid?)j.Id).FirstOrDefaultAsync(cancellationToken);
        }

        if (jobId is not { } id)
        {
            return false;
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TranslationJobRunner>().RunAsync(id, cancellationToken);
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The translation job worker failed; it goes on with the next job")]
    private partial void LogWorkerFailed(Exception exception);
}
