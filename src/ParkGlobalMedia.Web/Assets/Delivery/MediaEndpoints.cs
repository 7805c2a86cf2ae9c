using System.Globalization;
using System.Text;
using Microsoft.Net.Http.Headers;
using ParkGlobalMedia.Assets.Imaging;
using ParkGlobalMedia.Assets.Library;
using ParkGlobalMedia.Assets.Storage;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform.Http;

namespace ParkGlobalMedia.Assets.Delivery;

/// <summary>
/// Serves asset bytes: renditions (immutable, cached for a year), signed on-demand sizes (rendered once, then cached
/// in storage), originals (as downloads) and H5 packages (sandboxed). Access follows <see cref="AssetPermissions"/>;
/// what the caller may not see is 404.
/// </summary>
public static class MediaEndpoints
{
    public const string ImmutablePublic = "public, max-age=31536000, immutable";

    public static IEndpointRouteBuilder MapMediaEndpoints(this IEndpointRouteBuilder routes)
    {
        var media = routes.MapGroup("/media").WithTags("Media").ExcludeFromDescription();
        // HEAD too: CDNs, link checkers and social crawlers ask it first (Kestrel sends the headers, not the body).
        string[] methods = [HttpMethods.Get, HttpMethods.Head];
        media.MapMethods("/{id:guid}/original", methods, OriginalAsync).WithName("GetAssetOriginal");
        media.MapMethods("/{id:guid}/{version:int}/custom/{name}", methods, CustomAsync).WithName("GetAssetCustomSize");
        media.MapMethods("/{id:guid}/{version:int}/{name}", methods, RenditionAsync).WithName("GetAssetRendition");
        routes.MapMethods("/h5/{id:guid}/{**path}", methods, PackageAsync).WithName("GetH5PackageFile").WithTags("Media").ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> RenditionAsync(
        Guid id, int version, string name, HttpContext http, MediaCatalog catalog, RenditionBytesCache memory, IBlobStorage storage, TimeProvider clock)
    {
        var caller = await http.CurrentCallerAsync();
        var entry = await catalog.FindAsync(id, http.RequestAborted);
        if (entry is null || !AssetPermissions.CanView(caller, entry.Asset, Today(clock)) || !entry.Renditions.TryGetValue(name, out var rendition))
        {
            return NotFound(id);
        }

        if (rendition.Version != version)
        {
            // An old URL (before a new focal point): send readers to today's bytes, without letting anyone cache the hop.
            http.Response.Headers.CacheControl = "no-cache";
            return Results.Redirect(MediaUrls.Rendition(rendition));
        }

        var etag = RenditionETag(rendition);
        if (rendition.Length > RenditionBytesCache.MaxEntryBytes)
        {
            return await StreamAsync(http, storage, rendition.Key, rendition.ContentType, etag, CacheControl(entry.Asset), null);
        }

        if (!memory.TryGet(rendition.Key, out var bytes))
        {
            await using var stream = await storage.OpenReadAsync(rendition.Key, http.RequestAborted);
            if (stream is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Missing file", detail: "The file is not in storage (yet); try again shortly.");
            }

            using var buffer = new MemoryStream((int)rendition.Length);
            await stream.CopyToAsync(buffer, http.RequestAborted);
            bytes = buffer.ToArray();
            memory.Set(rendition.Key, bytes);
        }

        var cacheControl = CacheControl(entry.Asset);
        return new CachedRendition(rendition, bytes, cacheControl);
    }

    /// <summary>Writes a rendition held in memory: conditional requests answered 304, else the bytes with their headers.</summary>
    public static Task WriteCachedAsync(HttpContext http, AssetRendition rendition, byte[] bytes, string cacheControl)
    {
        var etag = RenditionETag(rendition);
        var response = http.Response;
        response.Headers.CacheControl = cacheControl;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ETag = etag;
        if (JsonBody.IfNoneMatchMatches(http.Request.Headers.IfNoneMatch.ToString(), etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.ContentType = rendition.ContentType;
        response.ContentLength = bytes.Length;
        return response.Body.WriteAsync(bytes, http.RequestAborted).AsTask();
    }

    private sealed class CachedRendition(AssetRendition rendition, byte[] bytes, string cacheControl) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => WriteCachedAsync(httpContext, rendition, bytes, cacheControl);
    }

    public static string RenditionETag(AssetRendition rendition) => $"\"{rendition.Version}-{rendition.Length}-{rendition.CreatedAt.Ticks}\"";

    public static bool IsPubliclyCacheable(Asset asset) => asset.Licence is LicenceScope.Public or LicenceScope.Press && asset.ExpiresOn is null;

    private static async Task<IResult> CustomAsync(
        Guid id, int version, string name, string? s, HttpContext http, MediaCatalog catalog, IBlobStorage storage, MediaUrlSigner signer, OnDemandRenderer renderer, TimeProvider clock)
    {
        var size = MediaUrls.ParseCustom(name);
        if (size is null || !await signer.VerifyAsync(MediaUrls.CustomSignedPath(id, size), s, http.RequestAborted))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Unsigned size",
                detail: "On-demand sizes need a URL signed by the platform (ask the API for one); other sizes are not rendered.");
        }

        var caller = await http.CurrentCallerAsync();
        var entry = await catalog.FindAsync(id, http.RequestAborted);
        if (entry is null || !AssetPermissions.CanView(caller, entry.Asset, Today(clock)))
        {
            return NotFound(id);
        }

        if (entry.Asset.RenditionVersion != version)
        {
            http.Response.Headers.CacheControl = "no-cache";
            return Results.Redirect(MediaUrls.Custom(id, entry.Asset.RenditionVersion, size, s!));
        }

        var key = await renderer.EnsureAsync(entry, size, http.RequestAborted);
        return key is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No image to size", detail: $"Asset {id} has no image to render sizes from.")
            : await StreamAsync(http, storage, key, size.ContentType, $"\"{version}-{size.Name}\"", CacheControl(entry.Asset), null);
    }

    private static async Task<IResult> OriginalAsync(Guid id, HttpContext http, MediaCatalog catalog, IBlobStorage storage, TimeProvider clock)
    {
        var caller = await http.CurrentCallerAsync();
        var entry = await catalog.FindAsync(id, http.RequestAborted);
        if (entry is null || !AssetPermissions.CanDownloadOriginal(caller, entry.Asset, Today(clock)))
        {
            return NotFound(id);
        }

        // Always a download: the browser must never render an uploaded file in the platform's origin.
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(entry.Asset.FileName);
        return await StreamAsync(http, storage, entry.Asset.OriginalKey, entry.Asset.ContentType, $"\"{entry.Asset.Sha256[..32]}\"", "private, max-age=3600", disposition.ToString());
    }

    private static async Task<IResult> PackageAsync(Guid id, string? path, HttpContext http, MediaCatalog catalog, IBlobStorage storage, TimeProvider clock)
    {
        var caller = await http.CurrentCallerAsync();
        var entry = await catalog.FindAsync(id, http.RequestAborted);
        if (entry is null || entry.Asset.Kind != Uploads.AssetKind.H5Package || !AssetPermissions.CanView(caller, entry.Asset, Today(clock)) ||
            await catalog.ManifestAsync(id, http.RequestAborted) is not { } manifest)
        {
            return NotFound(id);
        }

        if (string.IsNullOrEmpty(path))
        {
            return Results.Redirect($"/h5/{id:N}/{manifest.EntryPoint}");
        }

        var file = manifest.Find(path);
        if (file is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not in the package", detail: $"The package has no file '{path}'.");
        }

        // The package's own scripts run, but in an opaque origin: no access to the platform's cookies, storage or pages.
        http.Response.Headers.ContentSecurityPolicy = "sandbox allow-scripts allow-popups allow-forms";
        http.Response.Headers["Cross-Origin-Resource-Policy"] = "same-origin";
        return await StreamAsync(http, storage, file.Key, file.ContentType, $"\"{id:N}-{file.Key[^5..]}-{file.Length}\"", CacheControl(entry.Asset), null);
    }

    private static async Task<IResult> StreamAsync(HttpContext http, IBlobStorage storage, string key, string contentType, string etag, string cacheControl, string? disposition)
    {
        http.Response.Headers.CacheControl = cacheControl;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        if (JsonBody.IfNoneMatchMatches(http.Request.Headers.IfNoneMatch.ToString(), etag))
        {
            http.Response.Headers.ETag = etag;
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        var stream = await storage.OpenReadAsync(key, http.RequestAborted);
        if (stream is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Missing file", detail: "The file is not in storage (yet); try again shortly.");
        }

        if (disposition is not null)
        {
            http.Response.Headers.ContentDisposition = disposition;
        }

        return Results.Stream(stream, contentType, entityTag: EntityTagHeaderValue.Parse(etag), enableRangeProcessing: stream.CanSeek);
    }

    /// <summary>Public bytes are cached by anyone for a year; everything else only by the caller's browser.</summary>
    private static string CacheControl(Asset asset) => IsPubliclyCacheable(asset) ? ImmutablePublic : "private, max-age=3600";

    private static IResult NotFound(Guid id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"Asset {id} does not exist or is not visible to you.");

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
