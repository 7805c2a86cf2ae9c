using Microsoft.Extensions.Options;
using ParkGlobalMedia.Content.Enterprises;
using ParkGlobalMedia.Sites.Findability;

namespace ParkGlobalMedia.Sites;

/// <summary>
/// The one place public URLs are made. A site without a custom host lives under /{slug} on the platform's host; a
/// site with one lives at that host's root, and its canonical URLs, hreflang alternates, sitemap and feed name that
/// host wherever the page was reached (the /{slug} addresses keep working, and search engines fold them into the
/// canonical ones instead of a redirect that would break the site while the host's DNS is not set up yet).
/// </summary>
public sealed class SiteUrls(IOptions<FindabilityOptions> options)
{
    /// <summary>Absolute base of the platform's own host, without a trailing slash: Sites:PublicBaseUrl, else the request's.</summary>
    public string PlatformBase(HttpRequest request) =>
        string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl)
            ? $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}"
            : options.Value.PublicBaseUrl.Trim().TrimEnd('/');

    /// <summary>Absolute root of a site's pages, without a trailing slash: https://{custom host}, else {platform}/{slug}.</summary>
    public string SiteRoot(HttpRequest request, Enterprise site)
    {
        if (site.CustomHost is not { } host)
        {
            return $"{PlatformBase(request)}/{site.Slug}";
        }

        // Reached on the custom host itself: keep its port (a developer's machine); else the platform's scheme.
        return string.Equals(request.Host.Host, host, StringComparison.OrdinalIgnoreCase)
            ? $"{request.Scheme}://{request.Host.ToUriComponent()}"
            : $"{new Uri(PlatformBase(request)).Scheme}://{host}";
    }

    /// <summary>Root of the links inside a page: "" on the site's own host, "/{slug}" anywhere else.</summary>
    public static string LinkRoot(HttpContext http, Enterprise site) =>
        CustomHosts.SiteOf(http) == site.Slug ? "" : $"/{site.Slug}";
}
