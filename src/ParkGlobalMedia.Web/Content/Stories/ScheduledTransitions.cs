using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Platform.Data;
using Quartz;

namespace ParkGlobalMedia.Content.Stories;

/// <summary>
/// Publishes and archives variants whose scheduled time has come. The schedule itself lives in the story tables, so
/// it survives restarts without a job store; the per-variant compare-and-set in
/// <see cref="StoryService.RunScheduledAsync"/> keeps concurrent instances from acting twice.
/// </summary>
public sealed partial class ScheduledTransitions(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ScheduledTransitions> logger)
{
    public const int BatchSize = 200;

    public sealed record TickResult(int Published, int Archived, int Failed);

    /// <summary>One pass over everything due now. Each variant runs in its own scope: one failure never blocks the rest.</summary>
    public async Task<TickResult> RunDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            due = await db.StoryVariants.AsNoTracking()
                .Where(v => (v.State == WorkflowState.Approved && v.PublishAt <= now) ||
                            (v.ArchiveAt <= now && v.PublishedVersionId != null && v.State != WorkflowState.Archived))
                .OrderBy(v => v.PublishAt ?? v.ArchiveAt)
                .Select(v => v.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
        }

        int published = 0, archived = 0, failed = 0;
        foreach (var variantId in due)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var stories = scope.ServiceProvider.GetRequiredService<StoryService>();
                switch (await stories.RunScheduledAsync(variantId, cancellationToken))
                {
                    case StoryWorkflow.Publish:
                        published++;
                        break;
                    case StoryWorkflow.Archive:
                        archived++;
                        break;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                failed++;
                LogFailed(exception, variantId);
            }
        }

        if (due.Count > 0)
        {
            LogTick(published, archived, failed);
        }

        return new TickResult(published, archived, failed);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled transition of variant {VariantId} failed; the others go on")]
    private partial void LogFailed(Exception exception, Guid variantId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduler: {Published} published, {Archived} archived, {Failed} failed")]
    private partial void LogTick(int published, int archived, int failed);
}

/// <summary>The Quartz job that triggers <see cref="ScheduledTransitions"/>; never two at once in one instance.</summary>
[DisallowConcurrentExecution]
public sealed class ScheduledTransitionsJob(ScheduledTransitions transitions) : IJob
{
    public static readonly JobKey Key = new("scheduled-transitions", "content");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await transitions.RunDueAsync(cancellationToken);
}
