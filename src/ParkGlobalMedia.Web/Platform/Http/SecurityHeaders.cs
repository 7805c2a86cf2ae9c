namespace ParkGlobalMedia.Platform.Http;

public static class SecurityHeaders
{
    /// <summary>
    /// The admin UI runs only its own script and styles; previews may show images from https URLs written in stories.
    /// A strict policy means that even a rendering bug that let markup through could not run code in an editor's session.
    /// </summary>
    public const string AdminContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                if (context.Request.Path.StartsWithSegments("/admin"))
                {
                    headers.ContentSecurityPolicy = AdminContentSecurityPolicy;
                    headers.XFrameOptions = "DENY";
                }

                return Task.CompletedTask;
            });
            await next(context);
        });
}
