using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Running;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ParkGlobalMedia.Content.Stories;
using ParkGlobalMedia.Identity;

namespace ParkGlobalMedia.Benchmarks;

/// <summary>
/// <c>seed &lt;db&gt;</c> · <c>inproc &lt;db&gt; [outDir]</c> (BenchmarkDotNet, then per-call latency) ·
/// <c>latency &lt;db&gt; [outDir]</c> (per-call latency only) · <c>profile &lt;db&gt; [outDir]</c> (where the time goes) · <c>serve &lt;db&gt; &lt;port&gt; [pathsFile]</c> ·
/// <c>renditions &lt;workDir&gt; [outDir]</c> (image engine against vipsthumbnail) · <c>segmentation [outDir]</c> (translation
/// segmentation of a 5,000-word story) · <c>translation &lt;workDir&gt; [outDir]</c> (what translation jobs send to Azure against
/// the minimum). See bench/README.md.
/// </summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        switch (args)
        {
            case ["seed", var db]:
                return await Seeder.RunAsync(db);
            case ["inproc", var db, .. var rest]:
                return await InProcessMode.RunAsync(db, rest.Length > 0 ? rest[0] : "bench-out", benchmarkDotNet: true);
            case ["latency", var db, .. var rest]:
                return await InProcessMode.RunAsync(db, rest.Length > 0 ? rest[0] : "bench-out", benchmarkDotNet: false);
            case ["profile", var db, .. var rest]:
                return await ProfileMode.RunAsync(db, rest.Length > 0 ? rest[0] : "bench-out", calls: 500);
            case ["segmentation", .. var rest]:
                return SegmentationBenchmarks.Run(rest.Length > 0 ? rest[0] : "bench-out");
            case ["translation", var work, .. var rest]:
                return await TranslationBench.RunAsync(work, rest.Length > 0 ? rest[0] : "bench-out");
            case ["renditions", var work, .. var rest]:
                return await RenditionBench.RunAsync(work, rest.Length > 0 ? rest[0] : "bench-out");
            case ["serve", var db, var port, .. var rest]:
                return await ServeMode.RunAsync(db, int.Parse(port, CultureInfo.InvariantCulture),
                    rest.Length > 0 ? rest[0] : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(db))!, "story-paths.txt"));
            default:
                await Console.Error.WriteLineAsync("usage: seed <db> | inproc <db> [outDir] | latency <db> [outDir] | profile <db> [outDir] | serve <db> <port> [pathsFile] | renditions <workDir> [outDir] | segmentation [outDir] | translation <workDir> [outDir]");
                return 2;
        }
    }
}

/// <summary>BenchmarkDotNet (mean/median/ratio), then per-call latency percentiles of the same operations.</summary>
public static class InProcessMode
{
    public static async Task<int> RunAsync(string databasePath, string outDir, bool benchmarkDotNet)
    {
        outDir = Path.GetFullPath(outDir);
        Directory.CreateDirectory(outDir);
        await using var app = await InProcessApp.OpenAsync(databasePath);
        InProcessApp.Current = app;
        Console.WriteLine($"list response {app.SerializeList().Length} bytes, story response {app.SerializeStory().Length} bytes, " +
                          $"{app.Targets.Count} read targets");

        if (benchmarkDotNet)
        {
            var summary = BenchmarkRunner.Run<StoryApiBenchmarks>(StoryApiBenchmarks.Config(Path.Combine(outDir, "BenchmarkDotNet.Artifacts")));
            if (summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success))
            {
                await Console.Error.WriteLineAsync("BenchmarkDotNet reported failures; see the log above.");
                return 1;
            }
        }

        var samples = int.TryParse(Environment.GetEnvironmentVariable("PGM_BENCH_SAMPLES"), out var n) ? n : 2000;
        var table = await LatencySampler.RunAsync(app, samples);
        await File.WriteAllTextAsync(Path.Combine(outDir, "inproc-latency.md"), table);
        Console.WriteLine(table);
        return 0;
    }
}

/// <summary>
/// Sequential calls, one at a time, each timed: p50/p90/p99 per call, which BenchmarkDotNet (means of iterations)
/// does not give. Ratios are p50 over the p50 of the baseline of the same level, measured in the same run.
/// </summary>
public static class LatencySampler
{
    private sealed record Op(string Name, string Baseline, Func<Task> Call);

    public static async Task<string> RunAsync(InProcessApp app, int samples)
    {
        var ops = new List<Op>
        {
            new("list: serialise precomputed page (baseline)", "", () => { app.SerializeList(); return Task.CompletedTask; }),
            new("list: StoryQueries.ListAsync + JSON + ETag", "list: serialise precomputed page (baseline)", app.ListServiceAsync),
            new("single: serialise precomputed story (baseline)", "", () => { app.SerializeStory(); return Task.CompletedTask; }),
            new("single: StoryQueries.GetPublishedAsync + JSON + ETag", "single: serialise precomputed story (baseline)", app.SingleServiceAsync),
            new("http: GET /_bench/static.json (baseline)", "", app.StaticHttpAsync),
            new("http: GET list", "http: GET /_bench/static.json (baseline)", app.ListHttpAsync),
            new("http: GET single story", "http: GET /_bench/static.json (baseline)", app.SingleHttpAsync),
        };

        var p50s = new Dictionary<string, double>();
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"In-process per-call latency, {samples} sequential calls each after a warm-up of at least {samples / 10} calls and 1 s (ms)");
        table.AppendLine();
        table.AppendLine("| operation | p50 | p90 | p99 | max | mean | p50 ratio to baseline |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var op in ops)
        {
            // Warm-up: at least a tenth of the samples and at least a second, so tiered JIT has optimised the path
            // even when this mode runs without BenchmarkDotNet before it.
            var warmup = Stopwatch.StartNew();
            for (var i = 0; i < 50_000 && (i < samples / 10 || warmup.Elapsed < TimeSpan.FromSeconds(1)); i++)
            {
                await op.Call();
            }

            var times = new double[samples];
            for (var i = 0; i < samples; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await op.Call();
                times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }

            Array.Sort(times);
            var p50 = Percentile(times, 0.50);
            p50s[op.Name] = p50;
            var ratio = op.Baseline.Length == 0 ? "1.00" : (p50 / p50s[op.Baseline]).ToString("F2", CultureInfo.InvariantCulture);
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {op.Name} | {p50:F3} | {Percentile(times, 0.90):F3} | {Percentile(times, 0.99):F3} | {times[^1]:F3} | {times.Average():F3} | {ratio} |");
        }

        return table.ToString();
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

/// <summary>
/// The app on Kestrel at 127.0.0.1:port against the seeded database, for wrk. Writes the single-read paths (one per
/// line) for the wrk script and answers until SIGTERM/SIGINT.
/// </summary>
public static class ServeMode
{
    public static async Task<int> RunAsync(string databasePath, int port, string pathsFile)
    {
        await using var host = new BenchHost(databasePath, kestrelPort: port);
        host.StartServer();

        var json = host.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var page = await scope.ServiceProvider.GetRequiredService<StoryQueries>().ListAsync(CallerContext.Anonymous, BenchData.ListQuery);
            host.Payload.Bytes = JsonSerializer.SerializeToUtf8Bytes(page.Value ?? throw new InvalidOperationException("list failed: seeded?"), json);
        }

        var targets = await BenchData.ReadTargetsAsync(host.Services);
        await File.WriteAllLinesAsync(pathsFile, targets.Select(t => BenchData.ReadPath(t.StoryId, t.Culture)));

        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.TrySetResult(); });
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.TrySetResult(); });
        using var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => stop.TrySetResult());

        Console.WriteLine($"READY http://127.0.0.1:{port} static={host.Payload.Bytes.Length} bytes, {targets.Count} read paths in {pathsFile}");
        await stop.Task;
        Console.WriteLine("stopping");
        return 0;
    }
}
