using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Platform.Health;

public static class HealthChecks
{
    public static WebApplicationBuilder AddPlatformHealthChecks(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<DataFolderHealthCheck>("storage");
        return builder;
    }

    /// <summary>/healthz: 200 when the database answers and the data folder takes writes, 503 otherwise, with per-check detail.</summary>
    public static IEndpointRouteBuilder MapPlatformHealthChecks(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/healthz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            ResponseWriter = async (context, report) =>
            {
                context.Response.ContentType = "application/json; charset=utf-8";
                context.Response.Headers.CacheControl = "no-store";
                await context.Response.WriteAsJsonAsync(new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
                });
            },
        }).WithTags("Health");
        return routes;
    }

    private sealed class DatabaseHealthCheck(AppDbContext db, DatabaseConnection connection) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                // A real query, not just a connection: it fails when the schema is missing too.
                var cultures = await db.Cultures.CountAsync(cancellationToken);
                return HealthCheckResult.Healthy($"{connection.Provider}: reachable, {cultures} cultures");
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy($"{connection.Provider}: {exception.GetType().Name}: {exception.Message}");
            }
        }
    }

    private sealed class DataFolderHealthCheck(IOptions<PlatformOptions> options, IHostEnvironment environment) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var folder = options.Value.ResolveDataFolder(environment.ContentRootPath);
            var probe = Path.Combine(folder, $".health-{Guid.NewGuid():N}");
            try
            {
                Directory.CreateDirectory(folder);
                await File.WriteAllTextAsync(probe, "ok", cancellationToken);
                File.Delete(probe);
                return HealthCheckResult.Healthy("data folder writable");
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return HealthCheckResult.Unhealthy($"data folder not writable: {exception.Message}");
            }
        }
    }
}
