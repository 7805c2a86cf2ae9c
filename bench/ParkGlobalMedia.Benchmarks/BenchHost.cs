using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Benchmarks;

/// <summary>
/// The real app (its own Program and composition) on a given SQLite file, as the integration tests host it.
/// Differences from a production start, all of them bench-only: environment "Benchmark", scheduler off,
/// warnings-only logging, first-start recipes off unless seeding, a mode's own settings, and one extra route
/// <c>GET /_bench/static.json</c> that answers precomputed bytes (the baseline every ratio is taken against).
/// </summary>
public sealed class BenchHost : WebApplicationFactory<Program>
{
    public const string StaticPath = "/_bench/static.json";

    private readonly string _databasePath;
    private readonly bool _applyFirstStartRecipes;
    private readonly IReadOnlyDictionary<string, string?> _extraSettings;

    /// <param name="databasePath">The SQLite file (its folder is used as the data folder).</param>
    /// <param name="kestrelPort">Serve on a real socket at 127.0.0.1:port instead of the in-memory TestServer.</param>
    /// <param name="applyFirstStartRecipes">Let a fresh database get the first-start recipes: <c>default</c> (cultures,
    /// roles, categories) from appsettings.json, plus any <paramref name="settings"/> add.</param>
    /// <param name="settings">A mode's own configuration, over the bench's.</param>
    public BenchHost(string databasePath, int? kestrelPort = null, bool applyFirstStartRecipes = false, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _databasePath = Path.GetFullPath(databasePath);
        _applyFirstStartRecipes = applyFirstStartRecipes;
        _extraSettings = settings ?? new Dictionary<string, string?>();
        Directory.CreateDirectory(DataFolder);

        // Program reads Scheduler:Enabled from builder.Configuration while it composes the services; environment
        // variables are certainly visible there (CreateBuilder reads them), so set every setting there too.
        foreach (var (key, value) in Settings())
        {
            Environment.SetEnvironmentVariable(key.Replace(":", "__", StringComparison.Ordinal), value);
        }

        // WebApplicationFactory looks for MvcTestingAppManifest.json in the *current* directory; the script runs from
        // the repository root, so name the web project's content root (appsettings.json, wwwroot) explicitly.
        const string contentRootSetting = "ASPNETCORE_TEST_CONTENTROOT_PARKGLOBALMEDIA_WEB";
        if (Environment.GetEnvironmentVariable(contentRootSetting) is null)
        {
            var manifest = Path.Combine(AppContext.BaseDirectory, "MvcTestingAppManifest.json");
            var roots = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(manifest))!;
            Environment.SetEnvironmentVariable(contentRootSetting,
                roots.Single(r => r.Key.StartsWith("ParkGlobalMedia.Web,", StringComparison.Ordinal)).Value);
        }

        if (kestrelPort is { } port)
        {
            // Loopback only: 127.0.0.1, no IPv6, no other interface.
            UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        }
    }

    public string DataFolder => Path.GetDirectoryName(_databasePath)!;

    /// <summary>The payload served by <see cref="StaticPath"/>; set once the app runs (503 until then).</summary>
    public StaticPayload Payload => Services.GetRequiredService<StaticPayload>();

    private Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={_databasePath}",
            ["Platform:DataFolder"] = DataFolder,
            ["Scheduler:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        };
        foreach (var (key, value) in _extraSettings)
        {
            settings[key] = value;
        }

        return settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Benchmark");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(Settings()));
        builder.ConfigureServices(services =>
        {
            if (!_applyFirstStartRecipes)
            {
                // Lists cannot be emptied through configuration layers (appsettings.json has ["default"]).
                services.PostConfigure<PlatformOptions>(options => options.FirstStartRecipes.Clear());
            }

            if (SqlTimings.Enabled)
            {
                // `profile` mode only: time every SQL statement.
                services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(new TimingInterceptor()));
            }

            services.AddSingleton<StaticPayload>();
            services.AddTransient<IStartupFilter, StaticBaselineStartupFilter>();
        });
    }
}

/// <summary>Precomputed bytes of a representative list response.</summary>
public sealed class StaticPayload
{
    public byte[]? Bytes { get; set; }
}

/// <summary>
/// Appends the baseline route after the app's whole pipeline: a request for it goes through the same middleware
/// as an API request (forwarded headers, exception handler, status pages, static files, authentication,
/// authorization, routing finds no endpoint) and is then answered with fixed bytes. What the API endpoints cost on top
/// of this is their own work: binding, database, Markdown, JSON, ETag.
/// </summary>
internal sealed class StaticBaselineStartupFilter(StaticPayload payload) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        app.Run(async context =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) || context.Request.Path != BenchHost.StaticPath)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            var bytes = payload.Bytes;
            if (bytes is null)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }

            // The same headers the API's ETaggedJson writes.
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.Headers.ETag = "\"bench-static\"";
            context.Response.Headers.CacheControl = "public, no-cache";
            context.Response.Headers.Vary = "Authorization";
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        });
    };
}
