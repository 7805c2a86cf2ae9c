using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ParkGlobalMedia.Benchmarks;

/// <summary>
/// BenchmarkDotNet over <see cref="InProcessApp"/>. Three groups, each with its own baseline measured in the same run,
/// so the Ratio column is machine-independent: list (service level), single read (service level), and the HTTP
/// pipeline on TestServer (baseline: the static JSON route).
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class StoryApiBenchmarks
{
    private static InProcessApp App => InProcessApp.Current ?? throw new InvalidOperationException("InProcessApp.Current is not set.");

    [Benchmark(Baseline = true, Description = "list: serialise precomputed page")]
    [BenchmarkCategory("1-list")]
    public byte[] ListBaseline() => App.SerializeList();

    [Benchmark(Description = "list: StoryQueries.ListAsync + JSON + ETag")]
    [BenchmarkCategory("1-list")]
    public Task<byte[]> ListService() => App.ListServiceAsync();

    [Benchmark(Baseline = true, Description = "single: serialise precomputed story")]
    [BenchmarkCategory("2-single")]
    public byte[] SingleBaseline() => App.SerializeStory();

    [Benchmark(Description = "single: StoryQueries.GetPublishedAsync + JSON + ETag")]
    [BenchmarkCategory("2-single")]
    public Task<byte[]> SingleService() => App.SingleServiceAsync();

    [Benchmark(Baseline = true, Description = "http: GET /_bench/static.json")]
    [BenchmarkCategory("3-http")]
    public Task<byte[]> StaticHttp() => App.StaticHttpAsync();

    [Benchmark(Description = "http: GET list")]
    [BenchmarkCategory("3-http")]
    public Task<byte[]> ListHttp() => App.ListHttpAsync();

    [Benchmark(Description = "http: GET single story")]
    [BenchmarkCategory("3-http")]
    public Task<byte[]> SingleHttp() => App.SingleHttpAsync();

    /// <summary>
    /// In-process toolchain (the app is already running in this process; a generated child project would also fight
    /// the repository's central package management), 1 launch, 3 warm-up and 10 measured iterations: about a minute.
    /// </summary>
    public static IConfig Config(string artifacts) => ManualConfig.CreateEmpty()
        .AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithId("InProcess"))
        .AddColumnProvider(DefaultColumnProviders.Instance)
        .AddColumn(StatisticColumn.Median, StatisticColumn.P95)
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddLogger(ConsoleLogger.Default)
        .AddExporter(MarkdownExporter.GitHub)
        .WithArtifactsPath(artifacts)
        .WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
}
