using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ParkGlobalMedia.Markdown;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Benchmarks;

/// <summary>
/// <c>profile &lt;db&gt; [outDir]</c>: where the time of one list call and one single read goes. Each SQL statement is
/// timed from execute to reader close (so it includes reading the rows), Markdown rendering is timed on its own, and
/// the rest of the call is C# (EF materialisation, composition, JSON). Sequential calls, after a warm-up.
/// </summary>
public static class ProfileMode
{
    public static async Task<int> RunAsync(string databasePath, string outDir, int calls)
    {
        outDir = Path.GetFullPath(outDir);
        Directory.CreateDirectory(outDir);
        SqlTimings.Enabled = true;
        await using var app = await InProcessApp.OpenAsync(databasePath);

        var report = new StringBuilder();
        await ProfileAsync(report, "list: StoryQueries.ListAsync + JSON + ETag", app.ListServiceAsync, calls);
        await ProfileAsync(report, "single: StoryQueries.GetPublishedAsync + JSON + ETag", app.SingleServiceAsync, calls);

        // Markdown alone, on the bodies the single reads serve.
        var markdown = app.Host.Services.GetRequiredService<MarkdownRenderer>();
        await using (var scope = app.Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var bodies = await db.StoryVersions.AsNoTracking().OrderBy(v => v.Id).Take(200).Select(v => v.Body).ToListAsync();
            foreach (var body in bodies)
            {
                await markdown.RenderAsync(body, "en");
            }

            var watch = Stopwatch.StartNew();
            for (var i = 0; i < calls; i++)
            {
                await markdown.RenderAsync(bodies[i % bodies.Count], "en");
            }

            report.AppendLine(CultureInfo.InvariantCulture,
                $"MarkdownRenderer.RenderAsync alone: {watch.Elapsed.TotalMilliseconds / calls:F3} ms per body (avg of {calls}, bodies of ~3,300 chars)");
        }

        await File.WriteAllTextAsync(Path.Combine(outDir, "profile.md"), report.ToString());
        Console.WriteLine(report);
        return 0;
    }

    private static async Task ProfileAsync(StringBuilder report, string name, Func<Task<byte[]>> call, int calls)
    {
        // As many warm-up calls as measured ones, then a pause: tiered JIT has promoted the hot paths by then.
        for (var i = 0; i < calls; i++)
        {
            await call();
        }

        await Task.Delay(500);
        SqlTimings.Reset();
        var times = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await call();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        var totalMs = times.Average();
        Array.Sort(times);
        var sqlMs = 0.0;
        report.AppendLine(CultureInfo.InvariantCulture,
            $"### {name}: {totalMs:F3} ms per call (mean of {calls} sequential calls; p50 {times[calls / 2]:F3} ms)");
        report.AppendLine();
        report.AppendLine("| SQL statement (first 110 chars) | runs per call | ms per call (mean) | share of mean |");
        report.AppendLine("|---|---:|---:|---:|");
        foreach (var (sql, stat) in SqlTimings.Snapshot().OrderByDescending(s => s.Value.Ticks))
        {
            var ms = Stopwatch.GetElapsedTime(0, stat.Ticks).TotalMilliseconds / calls;
            sqlMs += ms;
            var text = string.Join(' ', sql.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| `{(text.Length > 110 ? text[..110] + "…" : text).Replace("|", "\\|", StringComparison.Ordinal)}` | {(double)stat.Count / calls:F1} | {ms:F3} | {ms / totalMs:P0} |");
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"| **all SQL** | | **{sqlMs:F3}** | **{sqlMs / totalMs:P0}** |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| everything else (EF, composition, Markdown, JSON, ETag) | | {totalMs - sqlMs:F3} | {(totalMs - sqlMs) / totalMs:P0} |");
        report.AppendLine();
        report.AppendLine("Each statement is timed from execute to reader close. The statements of a split query (the single read's " +
                          "story, tags and variants) overlap: the first reader stays open while the others run, so their times are " +
                          "not additive and \"everything else\" is then underestimated.");
        report.AppendLine();
    }
}

/// <summary>Per-statement wall time from execute to reader close, collected by <see cref="TimingInterceptor"/>.</summary>
public static class SqlTimings
{
    private static readonly ConcurrentDictionary<string, Stat> Stats = new(StringComparer.Ordinal);

    public static bool Enabled { get; set; }

    public sealed class Stat
    {
        private long _ticks;
        private long _count;

        public long Ticks => Interlocked.Read(ref _ticks);
        public long Count => Interlocked.Read(ref _count);

        public void Add(long ticks)
        {
            Interlocked.Add(ref _ticks, ticks);
            Interlocked.Increment(ref _count);
        }
    }

    public static void Add(string sql, long ticks) => Stats.GetOrAdd(sql, _ => new Stat()).Add(ticks);

    public static void Reset() => Stats.Clear();

    public static IReadOnlyList<KeyValuePair<string, Stat>> Snapshot() => [.. Stats];
}

public sealed class TimingInterceptor : DbCommandInterceptor
{
    private readonly ConditionalWeakTable<DbCommand, StrongBox<long>> _started = new();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        _started.AddOrUpdate(command, new StrongBox<long>(Stopwatch.GetTimestamp()));
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        _started.AddOrUpdate(command, new StrongBox<long>(Stopwatch.GetTimestamp()));
        return ValueTask.FromResult(result);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result,
        CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        Record(command);
        return result;
    }

    private void Record(DbCommand command)
    {
        if (SqlTimings.Enabled && _started.TryGetValue(command, out var start))
        {
            _started.Remove(command);
            SqlTimings.Add(command.CommandText, Stopwatch.GetTimestamp() - start.Value);
        }
    }
}
