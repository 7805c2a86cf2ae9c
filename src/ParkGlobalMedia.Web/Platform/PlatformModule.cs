using Microsoft.AspNetCore.HttpOverrides;
using ParkGlobalMedia.Platform.Caching;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Platform.Health;
using ParkGlobalMedia.Platform.Http;
using ParkGlobalMedia.Platform.Security;

namespace ParkGlobalMedia.Platform;

/// <summary>What every capability stands on: options, logging, database, errors, health, OpenAPI.</summary>
public static class PlatformModule
{
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PlatformOptions>().BindConfiguration(PlatformOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<CultureCatalog>();

        // Structured logs: JSON lines in production (for log shippers), readable lines on a developer's console.
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(options => options.IncludeScopes = true);
        }

        builder.Services.Configure<ForwardedHeadersOptions>(options =>
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost);

        builder.AddProblemHandling();
        builder.AddPlatformData();
        builder.Services.AddOptions<PublicCacheOptions>().BindConfiguration(PublicCacheOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<ContentGeneration>();
        builder.Services.AddSingleton<PublicResponseCache>();
        builder.AddSharedDataProtection();
        builder.AddResponseCompressionForText();
        builder.AddPlatformHealthChecks();
        builder.Services.AddOpenApi("v1", options => options
            .AddOperationTransformer<OpenApiConventions>()
            .AddDocumentTransformer<OpenApiDocumentDescription>());
        return builder;
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseProblemHandling();
        app.UseResponseCompressionForText();
        return app;
    }

    public static WebApplication MapPlatform(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapPlatformHealthChecks();
        return app;
    }
}
