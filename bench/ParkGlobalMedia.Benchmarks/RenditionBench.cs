using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using ParkGlobalMedia.Assets.Imaging;
using ParkGlobalMedia.Assets.Imaging.Vips;

namespace ParkGlobalMedia.Benchmarks;

/// <summary>
/// <c>renditions &lt;workDir&gt; [outDir]</c>: rendition throughput of <see cref="VipsImageProcessor"/> in-process against
/// the <c>vipsthumbnail</c> CLI, same inputs, sizes and quality, in the same run: every photo rendered 400 px wide and
/// as a 1200 × 630 centre cover crop, by the engine with 2 concurrent renders and by 2 vipsthumbnail processes at a time.
/// Alongside, a sweep of concurrent renders × libvips threads per render, which decided <see cref="ImagingOptions.ThreadsPerRender"/>.
/// </summary>
public static class RenditionBench
{
    private static readonly (string Name, RenditionRequest Request, string CliSize, string[] CliCrop)[] Kinds =
    [
        ("w400", new RenditionRequest(400, 0, ImageFit.Inside, ImageFormat.Jpeg, FocalPoint.Centre, Quality: 80), "400x", []),
        ("c1200x630", new RenditionRequest(1200, 630, ImageFit.Cover, ImageFormat.Jpeg, FocalPoint.Centre, Quality: 80), "1200x630", ["-m", "centre"]),
    ];

    private sealed record Measure(string Path, int Workers, string Threads, int Outputs, double Seconds, string Memory)
    {
        public double PerSecond => Outputs / Seconds;
    }

    public static async Task<int> RunAsync(string workDir, string outDir)
    {
        var photoCount = Env("PGM_BENCH_PHOTOS", 8);
        var rounds = Env("PGM_BENCH_ROUNDS", 3);
        var passes = Env("PGM_BENCH_PASSES", 2); // passes over the photos per measurement: short steps are noisy
        var shipped = new ImagingOptions().ThreadsPerRender; // the headline measures the engine as configured by default
        Directory.CreateDirectory(outDir);
        LibVips.Start(shipped);
        var generate = Stopwatch.StartNew();
        var photos = PhotoSet.Ensure(Path.Combine(workDir, "photos"), photoCount, 6000, 4000);
        Console.WriteLine($"{photos.Count} photos ready in {generate.Elapsed.TotalSeconds:F1} s, {photos.Average(p => new FileInfo(p).Length) / 1e6:F1} MB each");
        var jobs = photos.SelectMany(p => Kinds.Select(k => (Photo: p, Kind: k))).ToArray();
        var engineOut = Path.Combine(workDir, "out-engine");
        var cliOut = Path.Combine(workDir, "out-cli");
        Directory.CreateDirectory(engineOut);
        Directory.CreateDirectory(cliOut);

        using var engine = new VipsImageProcessor(Options.Create(new ImagingOptions { Concurrency = 64, ThreadsPerRender = shipped }));
        async Task<Measure> Engine(int workers, int threads, int times)
        {
            VipsNative.vips_concurrency_set(threads); // process-wide, read by each new pipeline
            var baseline = ResetPeak();
            var seconds = await Timed(workers, Repeat(jobs, times), async job =>
            {
                await using var output = File.Create(Path.Combine(engineOut, $"{Path.GetFileNameWithoutExtension(job.Item.Photo)}-{job.Item.Kind.Name}-p{job.Pass}.jpg"));
                await engine.RenderAsync(job.Item.Photo, job.Item.Kind.Request, output);
            });
            var extra = Status("VmHWM") - baseline;
            return new Measure("engine, in-process", workers, $"{threads}", jobs.Length * times, seconds,
                $"+{extra / 1024.0:F0} MB over {baseline / 1024.0:F0} MB ({extra / 1024.0 / workers:F0} MB per concurrent render)");
        }

        async Task<Measure> Cli(int workers, int? threads, int times)
        {
            var peaks = new ConcurrentBag<long>();
            var seconds = await Timed(workers, Repeat(jobs, times), async job => peaks.Add(await VipsThumbnailAsync(job.Item.Photo, job.Item.Kind, job.Pass, cliOut, threads)));
            return new Measure("vipsthumbnail CLI", workers, threads?.ToString(CultureInfo.InvariantCulture) ?? $"{Environment.ProcessorCount} (its default)",
                jobs.Length * times, seconds, $"max {peaks.Max() / 1024.0:F0} MB, mean {peaks.Average() / 1024.0:F0} MB per process");
        }

        // Warm-up (JIT, libvips start-up, page cache of the photos), then check both paths make the same sizes.
        await Engine(2, shipped, 1);
        await Cli(2, null, 1);
        var sameSizes = SameSizes(engineOut, cliOut);
        Console.WriteLine(sameSizes);

        // Every configuration once per round, each round starting one further along the list, so drift in the
        // machine's load spreads over all of them. The first two are the headline pair.
        var configs = new List<(string Name, Func<Task<Measure>> Run)>
        {
            ($"engine 2 × {shipped}", () => Engine(2, shipped, passes)),
            ("vipsthumbnail 2 × default", () => Cli(2, null, passes)),
        };
        foreach (var (workers, threads) in new[] { (1, 1), (1, 2), (2, 1), (2, 2), (4, 1), (4, 2), (8, 1) }.Where(c => c != (2, shipped)))
        {
            configs.Add(($"engine {workers} × {threads}", () => Engine(workers, threads, passes)));
        }

        configs.Add(("vipsthumbnail 2 × 1", () => Cli(2, 1, passes)));
        var runs = configs.ToDictionary(c => c.Name, _ => new List<Measure>());
        var load = new StringBuilder(Load());
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < configs.Count; i++)
            {
                var (name, run) = configs[(i + round) % configs.Count];
                runs[name].Add(await run());
            }

            load.Append(" → ").Append(Load());
            Console.WriteLine($"round {round + 1}: {string.Join(", ", runs.Select(r => $"{r.Key} {r.Value[^1].PerSecond:F2}/s"))}");
        }

        var startup = await CliStartupAsync(workDir);
        var report = Report(photos, rounds, passes, configs.Select(c => runs[c.Name]).ToList(), sameSizes, startup, load.ToString());
        await File.WriteAllTextAsync(Path.Combine(outDir, "renditions.md"), report);
        Console.WriteLine(report);
        return 0;
    }

    /// <summary>What one vipsthumbnail process costs before any real work: a 64 × 64 input, 10 runs, mean seconds.</summary>
    private static async Task<double> CliStartupAsync(string workDir)
    {
        var tiny = Path.Combine(workDir, "tiny.jpg");
        using (var black = VipsOperation.Create("black").Set("width", 64).Set("height", 64).Set("bands", 3).Build())
        using (var image = black.GetImage("out"))
        using (var save = VipsOperation.Create("jpegsave").Set("in", image).Set("filename", tiny))
        {
            save.Build();
        }

        var kind = Kinds[0];
        await VipsThumbnailAsync(tiny, kind, 0, workDir, null);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 10; i++)
        {
            await VipsThumbnailAsync(tiny, kind, 0, workDir, null);
        }

        return clock.Elapsed.TotalSeconds / 10;
    }

    private static async Task<long> VipsThumbnailAsync(string photo, (string Name, RenditionRequest Request, string CliSize, string[] CliCrop) kind, int pass, string outDir, int? threads)
    {
        var peakFile = Path.GetTempFileName();
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardError = true };
        string[] arguments = ["-f", "%M", "-o", peakFile, "vipsthumbnail", photo, "-s", kind.CliSize, .. kind.CliCrop,
            "-o", Path.Combine(outDir, $"%s-{kind.Name}-p{pass}.jpg[Q={kind.Request.Quality},optimize_coding,strip]")];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (threads is { } n)
        {
            start.Environment["VIPS_CONCURRENCY"] = n.ToString(CultureInfo.InvariantCulture);
        }

        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var peak = await File.ReadAllTextAsync(peakFile);
        File.Delete(peakFile);
        return process.ExitCode == 0 ? long.Parse(peak.Trim(), CultureInfo.InvariantCulture) : throw new InvalidOperationException($"vipsthumbnail failed: {stderr}");
    }

    private static async Task<double> Timed<T>(int workers, IEnumerable<T> items, Func<T, Task> work)
    {
        var queue = new ConcurrentQueue<T>(items);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var item))
            {
                await work(item);
            }
        })));
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Every item once per pass, tagged with the pass so concurrent workers never write the same file.</summary>
    private static IEnumerable<(T Item, int Pass)> Repeat<T>(T[] items, int times) => Enumerable.Range(0, times).SelectMany(p => items.Select(i => (i, p)));

    /// <summary>Resets this process's peak RSS to its current RSS (Linux clear_refs 5) and returns it in kB.</summary>
    private static long ResetPeak()
    {
        GC.Collect();
        File.WriteAllText("/proc/self/clear_refs", "5");
        return Status("VmRSS");
    }

    private static long Status(string field) => long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal))
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    private static string Load() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static string SameSizes(string engineOut, string cliOut)
    {
        var differences = Directory.GetFiles(engineOut).Select(f => (Engine: f, Cli: Path.Combine(cliOut, Path.GetFileName(f))))
            .Where(p => Dimensions(p.Engine) != Dimensions(p.Cli)).Select(p => Path.GetFileName(p.Engine)).ToList();
        var bytes = Directory.GetFiles(engineOut).Sum(f => new FileInfo(f).Length) / (double)Directory.GetFiles(cliOut).Sum(f => new FileInfo(f).Length);
        return differences.Count == 0
            ? $"Both paths made the same {Directory.GetFiles(engineOut).Length} output sizes (e.g. 400 × {Dimensions(Directory.GetFiles(engineOut).First(f => f.Contains("w400", StringComparison.Ordinal))).Height}); engine bytes ÷ vipsthumbnail bytes = {bytes:F3}."
            : $"Output sizes differ for {string.Join(", ", differences)}.";
    }

    private static (int Width, int Height) Dimensions(string jpeg)
    {
        // The first SOF0/SOF2 marker holds height then width.
        var b = File.ReadAllBytes(jpeg);
        for (var i = 2; i + 9 < b.Length; i += 2 + (b[i + 2] << 8 | b[i + 3]))
        {
            if (b[i + 1] is 0xC0 or 0xC2)
            {
                return (b[i + 7] << 8 | b[i + 8], b[i + 5] << 8 | b[i + 6]);
            }
        }

        return (0, 0);
    }

    private static int Env(string name, int fallback) => int.TryParse(Environment.GetEnvironmentVariable(name), out var v) ? v : fallback;

    private static string Report(IReadOnlyList<string> photos, int rounds, int passes, List<List<Measure>> configs, string sameSizes, double startup, string load)
    {
        var totals = configs.Select(runs => runs[0] with
        {
            Outputs = runs.Sum(m => m.Outputs),
            Seconds = runs.Sum(m => m.Seconds),
            Memory = runs.MaxBy(m => MemoryValue(m.Memory))!.Memory, // the worst round
        }).ToList();
        var (engine, cli) = (totals[0], totals[1]);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Inputs: {photos.Count} JPEGs 6000 × 4000 (24 MP, Q85, {photos.Average(p => new FileInfo(p).Length) / 1e6:F1} MB each). " +
            $"Outputs per photo: 400 px wide (Inside) and 1200 × 630 (Cover, centre), JPEG Q80, Huffman-optimised, no metadata. " +
            $"{rounds} rounds; each round runs every configuration once over all {photos.Count * Kinds.Length} outputs × {passes} passes, starting one further along the list. " +
            $"libvips {LibVips.Version}, {Environment.ProcessorCount} cores, load average (1/5/15 min) per round: {load}.");
        text.AppendLine();
        text.AppendLine("| path | concurrent | libvips threads each | outputs | seconds | outputs/s | ÷ vipsthumbnail | peak memory (worst round) |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var (m, i) in totals.Select((m, i) => (m, i)))
        {
            var bold = i < 2 ? "**" : "";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {m.Path} | {m.Workers} | {m.Threads} | {m.Outputs} | {m.Seconds:F2} | {bold}{m.PerSecond:F2}{bold} | {bold}{m.PerSecond / cli.PerSecond:F2}{bold} | {m.Memory} |");
        }

        text.AppendLine();
        var ratio = engine.PerSecond / cli.PerSecond;
        text.AppendLine(CultureInfo.InvariantCulture, $"Goal ≥ 0.90 × vipsthumbnail: **{(ratio >= 0.9 ? "met" : "not met")}** ({ratio:F2} ×).");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Headline pair per round (outputs/s): engine {Rates(configs[0])}; vipsthumbnail {Rates(configs[1])}. " +
            $"One vipsthumbnail process on a 64 × 64 JPEG takes {startup * 1000:F0} ms: start-up the in-process engine pays once. {sameSizes} " +
            $"Engine memory is this process's VmHWM over its RSS just before the step (clear_refs), divided by the concurrent renders; " +
            $"vipsthumbnail's is each process's maximum RSS (/usr/bin/time %M).");
        return text.ToString();
    }

    private static string Rates(List<Measure> runs) => string.Join(", ", runs.Select(m => m.PerSecond.ToString("F2", CultureInfo.InvariantCulture)));

    private static double MemoryValue(string memory) =>
        double.Parse(new string(memory.SkipWhile(c => !char.IsDigit(c)).TakeWhile(char.IsDigit).ToArray()), CultureInfo.InvariantCulture);
}
