using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.OpenApi;
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
        builder.AddPlatformHealthChecks();
        builder.Services.AddOpenApi("v1", options => options.AddOperationTransformer<OpenApiConventions>().AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "ParkGlobalMedia API",
                Version = "v1",
                Description = "Headless API of the ParkGlobalMedia story library. Published content needs no authentication; " +
                              "everything else takes a personal access token: Authorization: Bearer pgm_…",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            // RFC 9457 body of every error reply (see OpenApiConventions).
            document.Components.Schemas.TryAdd("ProblemDetails", new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
                    ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What was wrong, precisely enough to fix the request." },
                    ["errors"] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Description = "Messages per field, for validation errors.",
                        AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                    },
                    ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
                },
            });
            document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "Personal access token (pgm_…), issued in the admin UI or with `token issue`.",
            };
            return Task.CompletedTask;
        }));
        return builder;
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseProblemHandling();
        return app;
    }

    public static WebApplication MapPlatform(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapPlatformHealthChecks();
        return app;
    }
}
