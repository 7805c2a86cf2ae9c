using Microsoft.AspNetCore.Http;
using ParkGlobalMedia.Sites.Analytics;

namespace ParkGlobalMedia.Tests.Sites.Analytics;

/// <summary>Which requests count as a person reading: no database needed, only the request's method and headers.</summary>
public sealed class ShouldCountTests
{
    private const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private const string Safari = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    [Theory]
    [InlineData(Firefox)]
    [InlineData(Safari)]
    [InlineData("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36")]
    public void A_browser_get_counts(string userAgent) =>
        Assert.True(PageViewRecorder.ShouldCount(Request("GET", userAgent)));

    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)")]
    [InlineData("Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)")]
    [InlineData("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)")]
    [InlineData("Twitterbot/1.0")]
    [InlineData("curl/8.5.0")]
    [InlineData("Wget/1.21.4")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0 Safari/537.36")]
    [InlineData("python-requests/2.32.3")]
    [InlineData("")]
    public void Crawlers_previews_and_command_line_clients_do_not_count(string userAgent) =>
        Assert.False(PageViewRecorder.ShouldCount(Request("GET", userAgent)));

    [Theory]
    [InlineData("HEAD")]
    [InlineData("POST")]
    [InlineData("OPTIONS")]
    public void Only_get_counts(string method) =>
        Assert.False(PageViewRecorder.ShouldCount(Request(method, Firefox)));

    [Theory]
    [InlineData("Sec-Purpose", "prefetch")]
    [InlineData("Sec-Purpose", "prefetch;prerender")]
    [InlineData("Purpose", "prefetch")]
    [InlineData("X-Moz", "prefetch")]
    public void Prefetches_do_not_count(string header, string value)
    {
        var request = Request("GET", Firefox);
        request.Headers[header] = value;
        Assert.False(PageViewRecorder.ShouldCount(request));
    }

    private static HttpRequest Request(string method, string userAgent)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Headers.UserAgent = userAgent;
        return context.Request;
    }
}
