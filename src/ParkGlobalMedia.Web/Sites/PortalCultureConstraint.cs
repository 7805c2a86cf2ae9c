using ParkGlobalMedia.Platform.Cultures;

namespace ParkGlobalMedia.Sites;

/// <summary>Route constraint "portal": a first path segment that is a culture code (/en/, /zh-CN/): the centre's portal.</summary>
public sealed class PortalCultureConstraint : IRouteConstraint
{
    public const string Name = "portal";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value is string segment && Culture.Normalize(segment) is not null;
}
