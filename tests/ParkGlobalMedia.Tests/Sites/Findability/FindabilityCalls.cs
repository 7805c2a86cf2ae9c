using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using ParkGlobalMedia.Tests.Infrastructure;

namespace ParkGlobalMedia.Tests.Sites.Findability;

/// <summary>A fetched public document: status, raw bytes, headers, and the parsed XML when it is XML.</summary>
public sealed record Fetched(HttpStatusCode Status, byte[] Bytes, string? ContentType, string? ETag, CacheControlHeaderValue? CacheControl, XDocument? Xml)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Bytes);
}

/// <summary>Publishing through the API (as editors and reviewers do) and fetching the documents readers' tools fetch.</summary>
public static class FindabilityCalls
{
    public static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public const string W3cDateTime = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$";

    public static async Task<Fetched> FetchAsync(this HttpClient client, string url, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        using var response = await client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var contentType = response.Content.Headers.ContentType?.ToString();
        // Parsed from the bytes, not a string, so the XML declaration's encoding and any BOM are what a crawler sees.
        XDocument? xml = null;
        if (response.StatusCode == HttpStatusCode.OK && contentType is not null && contentType.Contains("xml", StringComparison.Ordinal))
        {
            using var stream = new MemoryStream(bytes);
            xml = XDocument.Load(stream);
        }

        return new Fetched(response.StatusCode, bytes, contentType, response.Headers.ETag?.ToString(), response.Headers.CacheControl, xml);
    }

    /// <summary>Creates a story (zh-CN source draft) and publishes the given cultures; returns the id and each live slug.</summary>
    public static async Task<(Guid Id, Dictionary<string, string> Slugs)> PublishAsync(
        this AppFactory app, string zhTitle, IReadOnlyDictionary<string, string> translations, bool publishSource = true, string? slugPrefix = null)
    {
        var editor = app.Api(app.Seed.EditorA.Token);
        var reviewer = app.Api(app.Seed.ReviewerA.Token);
        var (id, zhETag) = await editor.CreateStoryAsync(app.Seed.EnterpriseA, zhTitle);
        var start = new Dictionary<string, string>();
        if (publishSource)
        {
            start["zh-CN"] = zhETag;
        }

        foreach (var (culture, title) in translations)
        {
            var slug = slugPrefix is null ? null : $"{slugPrefix}-{culture.ToLowerInvariant()}";
            var (status, body, etag) = await editor.SendAsync(HttpMethod.Put, $"/api/v1/stories/{id}/{culture}/draft",
                ApiCalls.Content(title, $"**{title}** body.", slug: slug));
            Assert.True(status == HttpStatusCode.OK, $"translation failed: {status} {body}");
            start[culture] = etag!;
        }

        var slugs = new Dictionary<string, string>();
        foreach (var (culture, etag) in start)
        {
            var tag = await editor.TransitionAsync(id, culture, "submit", etag);
            tag = await reviewer.TransitionAsync(id, culture, "approve", tag);
            await editor.TransitionAsync(id, culture, "publish", tag);
            var (_, published, _) = await app.Api().ReadAsync($"/api/v1/stories/{id}/{culture}?fallback=false");
            slugs[culture] = published!["slug"]!.GetValue<string>();
        }

        return (id, slugs);
    }

    /// <summary>Every &lt;url&gt; of a urlset: its loc and its alternates (hreflang → href).</summary>
    public static List<(string Loc, string LastMod, List<(string HrefLang, string Href)> Alternates)> Urls(this XDocument sitemap) =>
        sitemap.Root!.Elements(Sitemap + "url").Select(u => (
            u.Element(Sitemap + "loc")!.Value,
            u.Element(Sitemap + "lastmod")!.Value,
            u.Elements(Xhtml + "link").Select(l => (l.Attribute("hreflang")!.Value, l.Attribute("href")!.Value)).ToList())).ToList();
}
