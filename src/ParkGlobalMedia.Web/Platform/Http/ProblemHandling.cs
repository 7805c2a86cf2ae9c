using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;

namespace ParkGlobalMedia.Platform.Http;

public static class ProblemHandling
{
    /// <summary>Limit on API request bodies: a story body is at most 200,000 characters (≤ 800 KB UTF-8) plus fields.</summary>
    public const long MaxRequestBodyBytes = 2 * 1024 * 1024;

    /// <summary>Every API error is a ProblemDetails: malformed JSON, wrong types, unexpected failures included.</summary>
    public static WebApplicationBuilder AddProblemHandling(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options =>
            options.CustomizeProblemDetails = context =>
                context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier);
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddOptions<LargeBodyPaths>();
        // Binding failures throw instead of answering an empty 400, so the handler can say what was wrong.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            options.SerializerOptions.MaxDepth = 32;
            // Story text is mostly non-Latin; escaping every CJK character as \uXXXX would triple its size.
            options.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        });
        builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        return builder;
    }

    public static WebApplication UseProblemHandling(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // Kestrel enforces the limit while streaming; this answers declared oversize bodies up front, with the
        // sizes in the message, before anything is read (and on any server, test host included).
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength is > MaxRequestBodyBytes and var length &&
                !context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<LargeBodyPaths>>().Value.Allows(context.Request.Path))
            {
                await Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
                        detail: $"The request body is {length:N0} bytes; the limit is {MaxRequestBodyBytes:N0} bytes.")
                    .ExecuteAsync(context);
                return;
            }

            await next(context);
        });
        return app;
    }

    /// <summary>
    /// Paths whose endpoints stream large bodies (uploads) and enforce their own limits while reading; the 2 MB
    /// up-front check skips them. Capabilities add theirs with <c>Configure&lt;LargeBodyPaths&gt;</c>.
    /// </summary>
    public sealed class LargeBodyPaths
    {
        public List<PathString> Prefixes { get; } = [];

        public bool Allows(PathString path) => Prefixes.Any(path.StartsWithSegments);
    }

    private sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is RequestRejectedException rejected)
            {
                httpContext.Response.StatusCode = rejected.StatusCode;
                return await problems.TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = httpContext,
                    Exception = exception,
                    ProblemDetails = { Status = rejected.StatusCode, Title = rejected.Title, Detail = rejected.Message },
                });
            }

            if (exception is not BadHttpRequestException badRequest)
            {
                return false;
            }

            // The JSON reader's message names the path and position ("$.content.title | LineNumber: 3 ...").
            var detail = badRequest.InnerException is System.Text.Json.JsonException json
                ? $"The request body is not valid JSON for this endpoint: {json.Message}"
                : badRequest.Message;
            httpContext.Response.StatusCode = badRequest.StatusCode;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails = { Status = badRequest.StatusCode, Title = "Bad request", Detail = detail },
            });
        }
    }
}
