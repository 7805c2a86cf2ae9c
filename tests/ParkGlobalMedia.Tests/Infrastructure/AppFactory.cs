using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Tests.Infrastructure;

/// <summary>
/// The real app, in process, on a fresh real database with the default recipe applied and a small cast of people:
/// two enterprises, an editor and a reviewer in A, an editor in B, a language reviewer for fr in A, and an admin.
/// </summary>
public class AppFactory(DatabaseProvider provider) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Correct-Horse-42";

    private TestDatabase? _database;

    public DatabaseProvider Provider => provider;
    public TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");
    public Seed Seed { get; private set; } = null!;

    /// <summary>Extra configuration for a derived fixture (e.g. first-start recipes).</summary>
    protected virtual IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await BeforeStartAsync();
        StartServer(); // builds the host: migrations and first-start recipes run here
        await using var scope = Services.CreateAsyncScope();
        Seed = await Seed.CreateAsync(scope.ServiceProvider);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        await AfterStopAsync();
    }

    /// <summary>For fixtures that need a server of their own (an S3 store) running before the app starts.</summary>
    protected virtual Task BeforeStartAsync() => Task.CompletedTask;

    protected virtual Task AfterStopAsync() => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(configuration =>
        {
            var settings = new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider.ToString(),
                ["Database:ConnectionString"] = Database.ConnectionString,
                ["Platform:DataFolder"] = Database.Folder,
                ["Platform:FirstStartRecipes:0"] = "default",
                ["Scheduler:Enabled"] = "false",
                // Tests drive asset processing step by step (AssetProcessor.ProcessAllAsync) instead of racing a worker.
                ["AssetProcessing:Enabled"] = "false",
                // Tests flush page views themselves (PageViewRecorder.FlushAsync) instead of waiting for the flusher.
                ["Analytics:Enabled"] = "false",
                ["Logging:LogLevel:Default"] = "Warning",
            };
            foreach (var (key, value) in ExtraSettings)
            {
                settings[key] = value;
            }

            configuration.AddInMemoryCollection(settings);
        });
    }

    /// <summary>Where clients send requests: the in-memory test server, or the Kestrel socket in <see cref="KestrelAppFactory"/>.</summary>
    protected virtual Uri ApiBaseAddress => new("http://localhost");

    /// <summary>An HTTP client carrying a bearer token (or none for an anonymous reader).</summary>
    public HttpClient Api(string? token = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ApiBaseAddress });
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public async Task<CallerContext> CallerAsync(Guid userId) =>
        await WithScopeAsync(services => services.GetRequiredService<CallerResolver>().ForUserAsync(userId, null, CancellationToken.None));
}

/// <summary>Fixture classes per provider, so a test class runs once on SQLite and once on PostgreSQL.</summary>
public sealed class SqliteAppFactory() : AppFactory(DatabaseProvider.Sqlite);

public sealed class PostgresAppFactory() : AppFactory(DatabaseProvider.Postgres);

/// <summary>The app on SQLite with its blobs in an S3-compatible store (s3rver on loopback, started for the fixture).</summary>
public sealed class S3AppFactory() : AppFactory(DatabaseProvider.Sqlite)
{
    private readonly S3rverFixture _s3 = new();

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "S3",
        ["Storage:S3:ServiceUrl"] = _s3.ServiceUrl,
        ["Storage:S3:Bucket"] = S3rverFixture.Bucket,
        ["Storage:S3:AccessKey"] = S3rverFixture.AccessKey,
        ["Storage:S3:SecretKey"] = S3rverFixture.SecretKey,
    };

    protected override Task BeforeStartAsync() => _s3.InitializeAsync();

    protected override Task AfterStopAsync() => _s3.DisposeAsync();
}

/// <summary>The app on a real Kestrel socket (loopback, random port) so a real browser can reach it.</summary>
public sealed class KestrelAppFactory : AppFactory
{
    public KestrelAppFactory() : base(DatabaseProvider.Sqlite) => UseKestrel(0);

    public Uri BaseAddress => CreateClient().BaseAddress!;

    protected override Uri ApiBaseAddress => BaseAddress;
}

/// <summary>
/// The app with its Azure Translator adapter pointed at <see cref="Fakes.FakeAzureTranslator"/> on loopback, fast
/// retries, and a small translation budget for the second seeded enterprise (beta-rail).
/// </summary>
public abstract class TranslationAppFactory(DatabaseProvider provider) : AppFactory(provider)
{
    public const long BetaRailBudget = 40;

    public Fakes.FakeAzureTranslator Translator { get; } = new();

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Translation:Azure:Endpoint"] = Translator.BaseAddress.ToString(),
        ["Translation:Azure:Key"] = Fakes.FakeAzureTranslator.DefaultKey,
        ["Translation:Azure:Timeout"] = "00:00:10",
        ["Translation:Retry:BaseDelay"] = "00:00:00.010",
        ["Translation:Retry:MaxDelay"] = "00:00:01",
        ["Translation:Jobs:PollInterval"] = "00:00:00.200",
        [$"Translation:Budgets:Enterprises:beta-rail:azure"] = BetaRailBudget.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    protected override Task BeforeStartAsync() => Translator.InitializeAsync();

    protected override async Task AfterStopAsync() => await Translator.DisposeAsync();
}

public sealed class SqliteTranslationAppFactory() : TranslationAppFactory(DatabaseProvider.Sqlite);

public sealed class PostgresTranslationAppFactory() : TranslationAppFactory(DatabaseProvider.Postgres);
