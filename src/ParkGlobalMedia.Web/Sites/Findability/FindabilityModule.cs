using ParkGlobalMedia.Content.Enterprises;

namespace ParkGlobalMedia.Sites.Findability;

/// <summary>robots.txt, sitemaps and Atom feeds: the machine-readable side of the public sites.</summary>
public static class FindabilityModule
{
    public static IServiceCollection AddFindability(this IServiceCollection services)
    {
        services.AddOptions<FindabilityOptions>().BindConfiguration(FindabilityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<FindabilityQueries>();
        return services;
    }

    public static IEndpointRouteBuilder MapFindability(this IEndpointRouteBuilder routes)
    {
        // Not part of the headless API: kept out of the OpenAPI document, which describes /api/v1.
        var site = routes.MapGroup("").WithTags("Findability").ExcludeFromDescription();
        site.MapGet("/robots.txt", Robots).WithName("RobotsTxt")
            .WithSummary("Crawl rules: everything but the admin, the API, asset originals and H5 packages; names the sitemap index.");
        site.MapGet("/sitemap.xml", SitemapEndpoints.IndexAsync).WithName("SitemapIndex")
            .WithSummary("Sitemap index: one sitemap per enterprise site (or its parts when a site has more than 50,000 URLs).");
        site.MapGet($"/{{enterprise:{SiteSlugConstraint.Name}}}/sitemap.xml", SitemapEndpoints.SiteAsync).WithName("SiteSitemap")
            .WithSummary("A site's URLs with hreflang alternates; a sitemap index of its parts when it has too many for one file.");
        site.MapGet($"/{{enterprise:{SiteSlugConstraint.Name}}}/sitemap-{{part:int}}.xml", SitemapEndpoints.PartAsync).WithName("SiteSitemapPart")
            .WithSummary("One part of a split site sitemap (1-based).");
        site.MapGet($"/{{enterprise:{SiteSlugConstraint.Name}}}/{{culture}}/feed.xml", FeedEndpoints.FeedAsync).WithName("SiteFeed")
            .WithSummary("Atom feed of the 20 newest stories of a site in one culture.");
        return routes;
    }

    /// <summary>On an enterprise's own host, its robots.txt names its own sitemap (the platform's index leaves it out).</summary>
    private static async Task<PublicDocument> Robots(HttpContext http, SiteUrls urls, FindabilityQueries queries)
    {
        var sitemap = $"{urls.PlatformBase(http.Request)}/sitemap.xml";
        if (CustomHosts.SiteOf(http) is { } slug && await queries.SiteAsync(slug, http.RequestAborted) is { } site)
        {
            sitemap = $"{urls.SiteRoot(http.Request, site)}/sitemap.xml";
        }

        // Renditions stay crawlable (image search); originals are downloads and H5 packages are sandboxed apps.
        var text = $"""
            User-agent: *
            Allow: /
            Disallow: /admin
            Disallow: /api/
            Disallow: /media/*/original
            Disallow: /h5/

            Sitemap: {sitemap}

            """;
        return new PublicDocument(System.Text.Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n")), "text/plain; charset=utf-8");
    }
}
