using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Sites.Analytics;

/// <summary>
/// Counts page views in memory; <see cref="PageViewFlusher"/> writes them to <c>page_view_days</c> every few seconds.
/// Stores no IP address, cookie, user agent or anything else about the reader — only (story, culture, UTC day) → count.
/// </summary>
public sealed partial class PageViewRecorder(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PageViewRecorder> logger)
{
    public const int MaxCultureLength = 35;

    private readonly record struct Key(Guid StoryId, string Culture, DateOnly Day);

    // Each count is taken out with TryRemove, which is atomic against AddOrUpdate: an increment lands either in the
    // batch being flushed or in a fresh entry for the next one, never in neither and never in both.
    private readonly ConcurrentDictionary<Key, long> _pending = new();

    /// <summary>One view of a story in a culture. No I/O: safe to call on every request.</summary>
    public void Record(Guid storyId, string culture)
    {
        if (storyId == Guid.Empty || string.IsNullOrEmpty(culture) || culture.Length > MaxCultureLength)
        {
            return;
        }

        var day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        _pending.AddOrUpdate(new Key(storyId, culture, day), 1, static (_, views) => views + 1);
    }

    /// <summary>
    /// Writes every pending count in one transaction of additive upserts. On failure the counts go back into memory
    /// for the next attempt and the exception propagates. Views of stories that no longer exist are dropped.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var batch = new List<KeyValuePair<Key, long>>();
        foreach (var key in _pending.Keys)
        {
            if (_pending.TryRemove(key, out var views))
            {
                batch.Add(new(key, views));
            }
        }

        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await WriteAsync(batch, cancellationToken);
        }
        catch (Exception exception)
        {
            // The transaction rolled back, so nothing of this batch is stored: putting it back cannot double-count.
            // (Only a commit whose reply is lost could, and that is rarer than the crash that loses the batch.)
            foreach (var (key, views) in batch)
            {
                _pending.AddOrUpdate(key, static (_, returned) => returned, static (_, pending, returned) => pending + returned, views);
            }

            LogFlushFailed(exception, batch.Count);
            throw;
        }
    }

    private async Task WriteAsync(List<KeyValuePair<Key, long>> batch, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (key, views) in batch)
        {
            // The EXISTS guard drops views of a deleted (or never existing) story instead of failing the foreign key
            // and, with it, everyone else's counts. (SQLite needs the WHERE anyway to parse INSERT … SELECT … ON CONFLICT.)
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "page_view_days" ("StoryId", "Culture", "Day", "Views")
                SELECT {key.StoryId}, {key.Culture}, {key.Day}, {views}
                WHERE EXISTS (SELECT 1 FROM "stories" WHERE "Id" = {key.StoryId})
                ON CONFLICT ("StoryId", "Culture", "Day") DO UPDATE SET "Views" = "page_view_days"."Views" + excluded."Views"
                """, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Page view flush of {Entries} entries failed; the counts are kept for the next attempt")]
    private partial void LogFlushFailed(Exception exception, int entries);
}
