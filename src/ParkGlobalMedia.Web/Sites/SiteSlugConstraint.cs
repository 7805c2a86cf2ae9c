using ParkGlobalMedia.Content.Enterprises;

namespace ParkGlobalMedia.Sites;

/// <summary>
/// Route constraint "site": a first path segment that can be an enterprise (lower-case slug, not a platform path
/// like /admin or /media, not a culture code). Unknown admin or API paths keep their own 404s instead of a site's.
/// </summary>
public sealed class SiteSlugConstraint : IRouteConstraint
{
    public const string Name = "site";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value is string slug && IsSiteSlug(slug);

    public static bool IsSiteSlug(string slug) => EnterpriseService.CouldBeSlug(slug);
}
