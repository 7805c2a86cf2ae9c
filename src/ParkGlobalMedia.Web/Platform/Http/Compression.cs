using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace ParkGlobalMedia.Platform.Http;

/// <summary>
/// Brotli or gzip for text responses (JSON, XML, HTML, CSS) that nothing compressed before: the site page cache sends
/// its kept pages already compressed, and this middleware leaves a response with a Content-Encoding alone.
/// </summary>
public static class Compression
{
    public static WebApplicationBuilder AddResponseCompressionForText(this WebApplicationBuilder builder)
    {
        builder.Services.AddResponseCompression(options =>
        {
            // Over HTTPS compression can leak a secret that shares a response with attacker-chosen text (BREACH).
            // The paths that carry secrets (the admin UI's antiforgery tokens, the account API) are
            // excluded below; everything else is public content or the caller's own data without secrets.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/atom+xml", "application/problem+json", "image/svg+xml"]);
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        return builder;
    }

    public static IApplicationBuilder UseResponseCompressionForText(this IApplicationBuilder app) =>
        app.UseWhen(context => !CarriesSecrets(context.Request.Path), branch => branch.UseResponseCompression());

    private static bool CarriesSecrets(PathString path) =>
        path.StartsWithSegments("/admin") || path.StartsWithSegments("/api/v1/me");
}
