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

    /// <summary>
    /// The platform host's sitemap index. Sites with a custom host are not in it: a sitemap may only list URLs of its
    /// own host, so theirs is at their host's /sitemap.xml, named by that host's robots.txt.
    /// </summary>
    public static async Task<PublicDocument> IndexAsync(HttpRequest request, FindabilityQueries queries, SiteUrls urls, IOptions<FindabilityOptions> options, CancellationToken cancellationToken)
    {
        var limit = options.Value.SitemapUrlLimit;
        var activity = await queries.ActivityAsync(cancellationToken);
        var entries = new List<(string, DateTime)>();
        foreach (var site in (await queries.SitesAsync(cancellationToken)).Where(s => s.CustomHost is null))
        {
            var siteRoot = urls.SiteRoot(request, site);
            var live = activity[site.Id].Where(a => site.Cultures.Contains(a.Culture, StringComparer.OrdinalIgnoreCase)).ToList();
            var urlCount = site.Cultures.Count + live.Sum(a => a.LiveVariants);
            if (Sitemaps.PartCount(urlCount, limit) == 1)
            {
                var newest = live.Select(a => a.NewestPublishedAt ?? site.UpdatedAt).Append(site.UpdatedAt).Max();
                entries.Add(($"{siteRoot}/sitemap.xml", newest));
            }
            else
            {
                entries.AddRange(await PartsAsync(siteRoot, site, queries, limit, cancellationToken));
            }
        }

        return new PublicDocument(Sitemaps.Index(entries), ContentType);
    }

    public static async Task<Results<PublicDocument, ProblemHttpResult>> SiteAsync(
        string enterprise, HttpRequest request, FindabilityQueries queries, SiteUrls urls, IOptions<FindabilityOptions> options, CancellationToken cancellationToken)
    {
        var site = await queries.SiteAsync(enterprise, cancellationToken);
        if (site is null)
        {
            return NoSuchSite(enterprise);
        }

        var siteRoot = urls.SiteRoot(request, site);
        var planned = Sitemaps.Plan(siteRoot, site, await queries.LiveVariantsAsync(site.Id, cancellationToken));
        var limit = options.Value.SitemapUrlLimit;
        return planned.Count <= limit
            ? new PublicDocument(Sitemaps.UrlSet(planned), ContentType)
            : new PublicDocument(Sitemaps.Index(Parts(siteRoot, planned, limit)), ContentType);
    }

    public static async Task<Results<PublicDocument, ProblemHttpResult>> PartAsync(
        string enterprise, int part, HttpRequest request, FindabilityQueries queries, SiteUrls urls, IOptions<FindabilityOptions> options, CancellationToken cancellationToken)
    {
        var site = await queries.SiteAsync(enterprise, cancellationToken);
        if (site is null)
        {
            return NoSuchSite(enterprise);
        }

        var planned = Sitemaps.Plan(urls.SiteRoot(request, site), site, await queries.LiveVariantsAsync(site.Id, cancellationToken));
        var limit = options.Value.SitemapUrlLimit;
        var parts = Sitemaps.PartCount(planned.Count, limit);
        // An unsplit site has one URL for its sitemap (/{enterprise}/sitemap.xml), never a sitemap-1.xml twin.
        if (parts == 1 || part < 1 || part > parts)
        {
            return Failure.NotFound(parts == 1
                ? $"The sitemap of '{enterprise}' is not split; it is /{enterprise}/sitemap.xml."
                : $"The sitemap of '{enterprise}' has parts 1 to {parts}.").ToProblem();
        }

        return new PublicDocument(Sitemaps.UrlSet(planned.Skip((part - 1) * limit).Take(limit)), ContentType);
    }

    private static async Task<IEnumerable<(string, DateTime)>> PartsAsync(
        string siteRoot, Enterprise site, FindabilityQueries queries, int limit, CancellationToken cancellationToken) =>
        Parts(siteRoot, Sitemaps.Plan(siteRoot, site, await queries.LiveVariantsAsync(site.Id, cancellationToken)), limit);

    private static IEnumerable<(string, DateTime)> Parts(string siteRoot, List<SitemapUrl> urls, int limit) =>
        urls.Chunk(limit).Select((chunk, index) => ($"{siteRoot}/sitemap-{index + 1}.xml", chunk.Max(u => u.LastModified)));

    private static ProblemHttpResult NoSuchSite(string enterprise) =>
        Failure.NotFound($"There is no enterprise site '{enterprise}'.").ToProblem();
}
