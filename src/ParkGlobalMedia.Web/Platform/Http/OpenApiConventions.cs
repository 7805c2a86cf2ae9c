using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ParkGlobalMedia.Identity;

namespace ParkGlobalMedia.Platform.Http;

/// <summary>
/// Makes the OpenAPI document say what every route can answer besides success: the ProblemDetails statuses, and for
/// routes that need a token, the bearer requirement with its scope and the 401/403 replies.
/// </summary>
public sealed class OpenApiConventions : IOpenApiOperationTransformer
{
    private static readonly (int Status, string Description)[] Always =
    [
        (400, "Invalid request: ProblemDetails with errors per field"),
        (404, "Not found, or not visible to the caller"),
    ];

    private static readonly (int Status, string Description)[] Writes =
    [
        (409, "Conflicts with the current state (workflow, slug)"),
        (412, "If-Match is stale: reload and apply the change again"),
        (428, "If-Match is required"),
    ];

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!context.Description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) ?? true)
        {
            return Task.CompletedTask;
        }

        operation.Responses ??= new OpenApiResponses();
        var method = context.Description.HttpMethod ?? "GET";
        var responses = method is "GET" or "HEAD" ? Always : [.. Always, .. Writes];
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<RequiresToken>().FirstOrDefault() is { } token)
        {
            responses = [.. responses, (401, "Missing, unknown, expired or revoked access token"), (403, token.Scope is null ? "Not allowed" : $"Not allowed, or the token lacks '{token.Scope}'")];
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", context.Document)] = token.Scope is null ? [] : [token.Scope] });
        }

        foreach (var (status, description) in responses)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!operation.Responses.ContainsKey(key))
            {
                operation.Responses[key] = new OpenApiResponse
                {
                    Description = description,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", context.Document) },
                    },
                };
            }
        }

        return Task.CompletedTask;
    }
}

/// <summary>The document's title, description, the ProblemDetails schema every error reply refers to, and the bearer scheme.</summary>
public sealed class OpenApiDocumentDescription : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
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
    
    }
}
