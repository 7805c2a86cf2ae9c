using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ParkGlobalMedia.Content.Enterprises;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Http;

namespace ParkGlobalMedia.Sites.Findability;

/// <summary>
/// /sitemap.xml lists each site's sitemap; /{enterprise}/sitemap.xml lists the site's URLs. A site with more URLs than
/// fit one file (50,000) is split into /{enterprise}/sitemap-{n}.xml parts: the root index then lists the parts
/// directly (an index may not list another index), and /{enterprise}/sitemap.xml becomes the site's own index of them.
/// </summary>
internal static class SitemapEndpoints
{
    private const string ContentType = "application/xml; charset=utf-8";

    public static async Task<PublicDocument> IndexAsync(HttpRequest request, FindabilityQueries queries, IOptions<FindabilityOptions> options, CancellationToken cancellationToken)
    {
        var baseUrl = FindabilityModule.BaseUrl(request, options.Value);
        var limit = options.Value.SitemapUrlLimit;
        var activity = await queries.ActivityAsync(cancellationToken);
        var entries = new List<(string, DateTime)>();
        foreach (var site in await queries.SitesAsync(cancellationToken))
        {
            var live = activity[site.Id].Where(a => site.Cultures.Contains(a.Culture, StringComparer.OrdinalIgnoreCase)).ToList();
            var urlCount = site.Cultures.Count + live.Sum(a => a.LiveVariants);
            if (Sitemaps.PartCount(urlCount, limit) == 1)
            {
                var newest = live.Select(a => a.NewestPublishedAt ?? site.UpdatedAt).Append(site.UpdatedAt).Max();
                entries.Add(($"{baseUrl}/{site.Slug}/sitemap.xml", newest));
            }
            else
            {
                entries.AddRange(await PartsAsync(baseUrl, site, queries, limit, cancellationToken));
            }
        }

        return new PublicDocument(Sitemaps.Index(entries), ContentType);
    }

    public static async Task<Results<PublicDocument, ProblemHttpResult>> SiteAsync(
        string enterprise, HttpRequest request, FindabilityQueries queries, IOptions<FindabilityOptions> options, CancellationToken cancellationToken)
    {
        var site = await queries.SiteAsync(enterprise, cancellationToken);
        if (site is null)
        {
            return NoSuchSite(enterprise);
        }

        var baseUrl = FindabilityModule.BaseUrl(request, options.Value);
        var urls = Sitemaps.Plan(baseUrl, site, await queries.LiveVariantsAsync(site.Id, cancellationToken));
        var limit = options.Value.SitemapUrlLimit;
        return urls.Count <= limit
            ? new PublicDocument(Sitemaps.UrlSet(urls), ContentType)
            : new PublicDocument(Sitemaps.Index(Parts(baseUrl, site, urls, limit)), ContentType);
    }

    public static async Task<Results<PublicDocument, ProblemHttpResult>> PartAsync(
        string enterprise, int part, HttpRequest request, FindabilityQueries queries, IOptions<FindabilityOptions> options, CancellationToken cancellationToken)
    {
        var site = await queries.SiteAsync(enterprise, cancellationToken);
        if (site is null)
        {
            return NoSuchSite(enterprise);
        }

        var urls = Sitemaps.Plan(FindabilityModule.BaseUrl(request, options.Value), site, await queries.LiveVariantsAsync(site.Id, cancellationToken));
        var limit = options.Value.SitemapUrlLimit;
        var parts = Sitemaps.PartCount(urls.Count, limit);
        // An unsplit site has one URL for its sitemap (/{enterprise}/sitemap.xml), never a sitemap-1.xml twin.
        if (parts == 1 || part < 1 || part > parts)
        {
            return Failure.NotFound(parts == 1
                ? $"The sitemap of '{enterprise}' is not split; it is /{enterprise}/sitemap.xml."
                : $"The sitemap of '{enterprise}' has parts 1 to {parts}.").ToProblem();
        }

        return new PublicDocument(Sitemaps.UrlSet(urls.Skip((part - 1) * limit).Take(limit)), ContentType);
    }

    private static async Task<IEnumerable<(string, DateTime)>> PartsAsync(
        string baseUrl, Enterprise site, FindabilityQueries queries, int limit, CancellationToken cancellationToken) =>
        Parts(baseUrl, site, Sitemaps.Plan(baseUrl, site, await queries.LiveVariantsAsync(site.Id, cancellationToken)), limit);

    private static IEnumerable<(string, DateTime)> Parts(string baseUrl, Enterprise site, List<SitemapUrl> urls, int limit) =>
        urls.Chunk(limit).Select((chunk, index) => ($"{baseUrl}/{site.Slug}/sitemap-{index + 1}.xml", chunk.Max(u => u.LastModified)));

    private static ProblemHttpResult NoSuchSite(string enterprise) =>
        Failure.NotFound($"There is no enterprise site '{enterprise}'.").ToProblem();
}
