using Microsoft.Net.Http.Headers;
using ParkGlobalMedia.Assets.Library;
using ParkGlobalMedia.Identity;

namespace ParkGlobalMedia.Assets.Delivery;

/// <summary>
/// Serves anonymous requests for public renditions that are already in memory before routing, authentication and
/// authorization run: readers of the public sites are anonymous by definition, and for them those steps only cost
/// time (measured in bench/media.sh). Anything else — a cookie or token, a rendition not yet cached, a non-public
/// asset, an old version — falls through to <see cref="MediaEndpoints"/>, which applies the full rules.
/// </summary>
public sealed class PublicRenditionFastPath(RequestDelegate next, MediaCatalog catalog, RenditionBytesCache memory, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || request.Headers.Authorization.Count > 0 || request.Headers.Cookie.Count > 0 ||
            !TryParse(request.Path.Value, out var id, out var version, out var name))
        {
            await next(http);
            return;
        }

        var entry = await catalog.FindAsync(id, http.RequestAborted);
        if (entry is null || !entry.Renditions.TryGetValue(name, out var rendition) || rendition.Version != version ||
            !MediaEndpoints.IsPubliclyCacheable(entry.Asset) ||
            !AssetPermissions.CanView(CallerContext.Anonymous, entry.Asset, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) ||
            !memory.TryGet(rendition.Key, out var bytes))
        {
            await next(http);
            return;
        }

        await MediaEndpoints.WriteCachedAsync(http, rendition, bytes, MediaEndpoints.ImmutablePublic);
    }

    /// <summary>"/media/{32 hex}/{version}/{name}" with a plain preset name (no "custom/" sizes, no "original").</summary>
    private static bool TryParse(string? path, out Guid id, out int version, out string name)
    {
        (id, version, name) = (Guid.Empty, 0, "");
        if (path is null || !path.StartsWith("/media/", StringComparison.Ordinal))
        {
            return false;
        }

        var parts = path.Split('/');
        return parts.Length == 5 && Guid.TryParseExact(parts[2], "N", out id) &&
               int.TryParse(parts[3], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out version) &&
               (name = parts[4]).Length is > 0 and <= 60;
    }
}
