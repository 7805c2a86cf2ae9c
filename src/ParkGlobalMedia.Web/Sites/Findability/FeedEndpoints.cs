using Microsoft.AspNetCore.Http.HttpResults;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Http;

namespace ParkGlobalMedia.Sites.Findability;

/// <summary>/{enterprise}/{culture}/feed.xml: the site's newest stories in one culture, as Atom.</summary>
internal static class FeedEndpoints
{
    public const int EntryCount = 20;

    public static async Task<Results<PublicDocument, ProblemHttpResult>> FeedAsync(
        string enterprise, string culture, HttpRequest request, FindabilityQueries queries, SiteUrls urls, CancellationToken cancellationToken)
    {
        var site = await queries.SiteAsync(enterprise, cancellationToken);
        if (site is null)
        {
            return Failure.NotFound($"There is no enterprise site '{enterprise}'.").ToProblem();
        }

        // zh-cn finds zh-CN; the feed's own links always use the site's spelling.
        var normalized = Culture.Normalize(culture);
        var siteCulture = site.Cultures.FirstOrDefault(c => string.Equals(c, normalized, StringComparison.OrdinalIgnoreCase));
        if (siteCulture is null)
        {
            return Failure.NotFound($"The site '{enterprise}' does not publish in '{culture}'. Its cultures: {string.Join(", ", site.Cultures)}.").ToProblem();
        }

        var siteRoot = urls.SiteRoot(request, site);
        var stories = await queries.NewestAsync(site.Id, siteCulture, EntryCount, cancellationToken);
        var entries = stories.Select(s => new AtomEntry(
            AtomFeed.StableId(s.StoryId, s.Culture),
            s.Title,
            Sitemaps.StoryUrl(siteRoot, s.Culture, s.Slug),
            s.FirstPublishedAt,
            s.PublishedAt,
            s.Excerpt,
            s.BodyHtml)).ToList();
        var feed = new AtomFeed(
            AtomFeed.StableId(site.Id, siteCulture),
            site.DisplayName(siteCulture),
            siteCulture,
            entries.Select(e => e.Updated).Append(site.UpdatedAt).Max(),
            $"{siteRoot}/{siteCulture}/feed.xml",
            Sitemaps.HomeUrl(siteRoot, siteCulture),
            siteRoot,
            site.DisplayName(siteCulture),
            entries);
        return new PublicDocument(feed.ToXml(), AtomFeed.ContentType);
    }
}
