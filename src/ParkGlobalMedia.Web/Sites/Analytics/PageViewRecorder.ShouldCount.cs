using System.Buffers;

namespace ParkGlobalMedia.Sites.Analytics;

public sealed partial class PageViewRecorder
{
    // Substrings of user agents that are not people reading. Kept short on purpose: the aim is to keep the obvious
    // crawlers and link previews out of editors' numbers, not to fight bots that pretend to be browsers.
    private static readonly SearchValues<string> NonReaders = SearchValues.Create(
        ["bot", "crawler", "spider", "slurp", "facebookexternalhit", "embedly", "preview", "curl", "wget", "headless",
         "python-requests", "python-urllib", "go-http-client", "okhttp", "java/", "libwww", "httpclient", "scrapy",
         "lighthouse", "pingdom"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether a request for a public page is a person reading it: a GET that is not a prefetch/prerender and whose
    /// user agent is not an obvious crawler, link preview or command-line client. The user agent is only looked at
    /// here; nothing of the request is stored.
    /// </summary>
    public static bool ShouldCount(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method))
        {
            return false; // HEAD (link checkers, CDNs) and anything else is not a read.
        }

        var headers = request.Headers;
        if (IsSpeculative(headers["Sec-Purpose"]) || IsSpeculative(headers["Purpose"]) || IsSpeculative(headers["X-Moz"]))
        {
            return false; // The browser fetched ahead; the reader may never open the page.
        }

        var userAgent = headers.UserAgent.ToString();
        return userAgent.Length > 0 && !userAgent.AsSpan().ContainsAny(NonReaders);
    }

    private static bool IsSpeculative(Microsoft.Extensions.Primitives.StringValues value) =>
        value.ToString() is { Length: > 0 } text &&
        (text.Contains("prefetch", StringComparison.OrdinalIgnoreCase) || text.Contains("prerender", StringComparison.OrdinalIgnoreCase));
}
