using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Assets.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Platform.Health;

public static class HealthChecks
{
    public static WebApplicationBuilder AddPlatformHealthChecks(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<StorageHealthCheck>("storage");
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

    /// <summary>Writes, reads back and deletes a small object in the configured blob storage.</summary>
    private sealed class StorageHealthCheck(IBlobStorage storage) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var key = $"health/{Guid.NewGuid():N}";
            var probe = "ok"u8.ToArray();
            try
            {
                await storage.PutAsync(key, new MemoryStream(probe), "text/plain", cancellationToken);
                var info = await storage.GetInfoAsync(key, cancellationToken);
                await storage.DeleteAsync(key, cancellationToken);
                return info?.Length == probe.Length
                    ? HealthCheckResult.Healthy($"{storage.GetType().Name}: writable")
                    : HealthCheckResult.Unhealthy($"{storage.GetType().Name}: a written probe could not be read back");
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy($"{storage.GetType().Name}: not writable: {exception.Message}");
            }
        }
    }
}
