using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Sites.Analytics;

/// <summary>Reads of the stored counts. Callers check who may see them; these methods only count.</summary>
public sealed class PageViewQueries(AppDbContext db)
{
    /// <summary>Views per story over the inclusive day range, summed over cultures; every requested id is present (0 if none).</summary>
    public async Task<IReadOnlyDictionary<Guid, long>> TotalsAsync(
        IEnumerable<Guid> storyIds, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var ids = storyIds.Distinct().ToList();
        var totals = ids.ToDictionary(id => id, _ => 0L);
        if (ids.Count == 0)
        {
            return totals;
        }

        var rows = await db.PageViewDays.AsNoTracking()
            .Where(v => ids.Contains(v.StoryId) && v.Day >= from && v.Day <= to)
            .GroupBy(v => v.StoryId)
            .Select(g => new { StoryId = g.Key, Views = g.Sum(v => v.Views) })
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            totals[row.StoryId] = row.Views;
        }

        return totals;
    }

    /// <summary>One story's counts per day and culture over the inclusive range, oldest day first.</summary>
    public async Task<IReadOnlyList<(DateOnly Day, string Culture, long Views)>> DailyAsync(
        Guid storyId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var rows = await db.PageViewDays.AsNoTracking()
            .Where(v => v.StoryId == storyId && v.Day >= from && v.Day <= to)
            .Select(v => new { v.Day, v.Culture, v.Views })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Day).ThenBy(r => r.Culture, StringComparer.Ordinal)
            .Select(r => (r.Day, r.Culture, r.Views)).ToList();
    }
}
