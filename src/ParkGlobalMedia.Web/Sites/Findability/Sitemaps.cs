using ParkGlobalMedia.Content.Enterprises;

namespace ParkGlobalMedia.Sites.Findability;

/// <summary>One &lt;url&gt; of a sitemap: its location, last change and every language version (itself included).</summary>
public sealed record SitemapUrl(string Location, DateTime LastModified, IReadOnlyList<Alternate> Alternates);

/// <summary>An hreflang link: a culture code (or x-default) and the URL of that version.</summary>
public sealed record Alternate(string HrefLang, string Href);

/// <summary>A live story variant as a sitemap needs it.</summary>
public sealed record LiveVariant(Guid StoryId, string Culture, string Slug, DateTime PublishedAt, string SourceCulture);

/// <summary>Turns a site's live content into sitemap URLs, and writes sitemap documents (sitemaps.org 0.9).</summary>
public static class Sitemaps
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";
    public const string XDefault = "x-default";

    /// <param name="siteRoot">The site's absolute root (<see cref="SiteUrls.SiteRoot"/>).</param>
    public static string HomeUrl(string siteRoot, string culture) => $"{siteRoot}/{culture}/";

    public static string StoryUrl(string siteRoot, string culture, string slug) => $"{siteRoot}/{culture}/stories/{Uri.EscapeDataString(slug)}";

    /// <summary>
    /// The site's URLs in a stable order (homes in the site's culture order, then stories by id and culture), so that
    /// split parts keep their content between requests. Variants in a culture the site no longer publishes are left
    /// out: the site does not serve them, and a sitemap must list only pages that answer 200.
    /// </summary>
    public static List<SitemapUrl> Plan(string siteRoot, Enterprise site, IReadOnlyList<LiveVariant> variants)
    {
        var cultures = site.Cultures;
        var inSite = variants.Where(v => cultures.Contains(v.Culture, StringComparer.OrdinalIgnoreCase)).ToList();
        var urls = new List<SitemapUrl>(cultures.Count + inSite.Count);

        // Every culture's home exists, so each home lists all of them; x-default is the site's default culture.
        var homes = cultures.Select(c => new Alternate(c, HomeUrl(siteRoot, c)))
            .Append(new Alternate(XDefault, HomeUrl(siteRoot, site.DefaultCulture)))
            .ToList();
        foreach (var culture in cultures)
        {
            // A home changes with the site's settings and with every story published in its culture.
            var newest = inSite.Where(v => v.Culture == culture).Select(v => v.PublishedAt).DefaultIfEmpty(site.UpdatedAt).Max();
            urls.Add(new SitemapUrl(HomeUrl(siteRoot, culture), Max(newest, site.UpdatedAt), homes));
        }

        foreach (var story in inSite.GroupBy(v => v.StoryId).OrderBy(g => g.Key))
        {
            var versions = story.OrderBy(v => v.Culture, StringComparer.Ordinal).ToList();
            var xDefault = versions.FirstOrDefault(v => v.Culture == site.DefaultCulture)
                ?? versions.FirstOrDefault(v => v.Culture == v.SourceCulture)
                ?? versions.OrderBy(v => IndexIn(cultures, v.Culture)).First();
            var alternates = versions.Select(v => new Alternate(v.Culture, StoryUrl(siteRoot, v.Culture, v.Slug)))
                .Append(new Alternate(XDefault, StoryUrl(siteRoot, xDefault.Culture, xDefault.Slug)))
                .ToList();
            urls.AddRange(versions.Select(v => new SitemapUrl(StoryUrl(siteRoot, v.Culture, v.Slug), v.PublishedAt, alternates)));
        }

        return urls;
    }

    /// <summary>How many files a site's sitemap takes at <paramref name="limit"/> URLs each (at least one).</summary>
    public static int PartCount(int urlCount, int limit) => Math.Max(1, (urlCount + limit - 1) / limit);

    public static byte[] UrlSet(IEnumerable<SitemapUrl> urls) => XmlDocuments.Write(writer =>
    {
        writer.WriteStartElement("urlset", Namespace);
        writer.WriteAttributeString("xmlns", "xhtml", null, XhtmlNamespace);
        foreach (var url in urls)
        {
            writer.WriteStartElement("url", Namespace);
            writer.WriteElementString("loc", Namespace, url.Location);
            writer.WriteElementString("lastmod", Namespace, XmlDocuments.Date(url.LastModified));
            foreach (var alternate in url.Alternates)
            {
                writer.WriteStartElement("xhtml", "link", XhtmlNamespace);
                writer.WriteAttributeString("rel", "alternate");
                writer.WriteAttributeString("hreflang", alternate.HrefLang);
                writer.WriteAttributeString("href", alternate.Href);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    });

    public static byte[] Index(IEnumerable<(string Location, DateTime LastModified)> sitemaps) => XmlDocuments.Write(writer =>
    {
        writer.WriteStartElement("sitemapindex", Namespace);
        foreach (var (location, lastModified) in sitemaps)
        {
            writer.WriteStartElement("sitemap", Namespace);
            writer.WriteElementString("loc", Namespace, location);
            writer.WriteElementString("lastmod", Namespace, XmlDocuments.Date(lastModified));
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    });

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static int IndexIn(List<string> cultures, string culture)
    {
        var index = cultures.FindIndex(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? int.MaxValue : index;
    }
}
