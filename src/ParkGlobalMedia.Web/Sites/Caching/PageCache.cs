using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using ParkGlobalMedia.Platform.Caching;
using ParkGlobalMedia.Platform.Http;

namespace ParkGlobalMedia.Sites.Caching;

public sealed class PageCacheOptions
{
    public const string Section = "Sites:PageCache";

    public bool Enabled { get; set; } = true;

    /// <summary>Rendered bytes kept per instance; 256 MB holds about 20,000 story pages of ~10 KB with their compressed forms.</summary>
    public long SizeLimitBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Longest page kept (a sitemap part can be several MB; larger bodies are served but not kept).</summary>
    public int MaxBodyBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>
    /// Upper bound on an entry's life, for what changes with time rather than with a save: an asset's licence expiring
    /// at midnight hides it from pages. Entries also never outlive the UTC day they were rendered on.
    /// </summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// The rendered public pages, per instance, keyed by host, path and the query parameters a page declared it uses.
/// An entry remembers the content generation it was rendered at and the content scopes it depends on (its site, the
/// content every site shares, or everything), and is served only while none of those scopes changed since
/// (<see cref="ContentGeneration.IsFresh"/>): publishing a story evicts that site's pages and the portal at once on
/// this instance and within the generation refresh (250 ms) on every other, without messaging between instances and
/// without touching the other sites' pages.
/// <para>
/// It runs before routing and authentication (readers are anonymous; for them those steps are pure cost, measured in
/// bench/sites.sh) and serves with a weak ETag (304 on revalidation) and Brotli or gzip bodies compressed once per
/// entry. Only responses a page explicitly marked shareable (<see cref="CacheablePage.Allow"/>) are kept: 200s
/// without cookies. Problems (404, 410), redirects, previews and anything with an Authorization header never are.
/// </para>
/// </summary>
public sealed class PageCache(ContentGeneration generations, IOptions<PageCacheOptions> options, TimeProvider clock) : IMiddleware, IDisposable
{
    private const int MaxKeyLength = 1024;
    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = options.Value.SizeLimitBytes });

    /// <summary>Per host and path: the query parameters its page said it reads (search terms, a page number).</summary>
    private readonly MemoryCache _queryRules = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    private long _hits;
    private long _misses;

    public long Hits => Interlocked.Read(ref _hits);
    public long Misses => Interlocked.Read(ref _misses);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!options.Value.Enabled || !IsCandidate(context.Request, out var location))
        {
            await next(context);
            return;
        }

        // Read before anything is rendered: a page rendered from older data is then never stored as newer.
        var generation = await generations.CurrentAsync(context.RequestAborted);
        var queryKeys = _queryRules.TryGetValue(location, out string[]? known) ? known! : [];
        if (_entries.TryGetValue(Key(location, context.Request.Query, queryKeys), out CachedPage? cached) && generations.IsFresh(cached!.Generation, cached.DependsOn))
        {
            Interlocked.Increment(ref _hits);
            cached.OnServe?.Invoke(context);
            await WriteAsync(context, cached, "hit");
            return;
        }

        Interlocked.Increment(ref _misses);
        var page = new CacheablePage();
        context.Features.Set(page);
        var body = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
        }

        if (page.DependsOn is null || !IsShareable(context.Response, buffer.Length))
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(body, context.RequestAborted);
            return;
        }

        var rendered = new CachedPage(generation, page.DependsOn, page.OnServe, buffer.ToArray(),
            context.Response.ContentType ?? "text/html; charset=utf-8", NullIfEmpty(context.Response.Headers.ContentLanguage.ToString()));
        Store(location, page.QueryKeys, context.Request.Query, rendered);
        await WriteAsync(context, rendered, "miss");
    }

    /// <summary>
    /// GET or HEAD of the public sites' URL space (/, /{culture}/..., /{enterprise}/..., sitemaps) by an anonymous
    /// reader. The language switcher (?switch=) sets a cookie and previews carry a token: both always reach the page.
    /// </summary>
    private static bool IsCandidate(HttpRequest request, out string location)
    {
        location = "";
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || request.Headers.Authorization.Count > 0)
        {
            return false;
        }

        var path = request.Path.Value ?? "/";
        var query = request.QueryString.Value ?? "";
        if (path.Length + query.Length + request.Host.Value?.Length > MaxKeyLength ||
            request.Query.ContainsKey(SitesModule.SwitchParameter) || request.Query.ContainsKey(SitesModule.PreviewParameter))
        {
            return false;
        }

        var end = path.IndexOf('/', 1);
        var first = end < 0 ? path[1..] : path[1..end];
        if (!(first.Length == 0 || SiteSlugConstraint.IsSiteSlug(first) || Platform.Cultures.Culture.Normalize(first) is not null || first is "sitemap.xml" or "robots.txt"))
        {
            return false;
        }

        // Pages print absolute URLs (canonical, Open Graph), so the scheme and host are part of what was rendered.
        location = string.Concat(request.Scheme, "://", request.Host.Value?.ToLowerInvariant(), path);
        return true;
    }

    private static bool IsShareable(HttpResponse response, long length) =>
        response.StatusCode == StatusCodes.Status200OK && !response.Headers.ContainsKey(HeaderNames.SetCookie) &&
        !response.Headers.ContainsKey(HeaderNames.ContentEncoding) && length > 0 &&
        !response.Headers.CacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase);

    private void Store(string location, string[] queryKeys, IQueryCollection query, CachedPage page)
    {
        if (page.Identity.Length > options.Value.MaxBodyBytes)
        {
            return;
        }

        _queryRules.Set(location, queryKeys, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
        var now = clock.GetUtcNow();
        var endOfDay = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        var expires = now + options.Value.MaxAge < endOfDay ? now + options.Value.MaxAge : endOfDay;
        _entries.Set(Key(location, query, queryKeys), page, new MemoryCacheEntryOptions
        {
            // The compressed forms are made on first request; a third on top of the plain bytes is their usual size.
            Size = page.Identity.Length + page.Identity.Length / 3 + location.Length,
            AbsoluteExpiration = expires,
        });
    }

    /// <summary>Host and path, plus only the query parameters the page reads: tracking tags (?utm_source=) share the entry.</summary>
    private static string Key(string location, IQueryCollection query, string[] queryKeys)
    {
        if (queryKeys.Length == 0)
        {
            return location;
        }

        var key = location;
        foreach (var name in queryKeys)
        {
            key += $"\n{name}={query[name]}";
        }

        return key;
    }

    private static async Task WriteAsync(HttpContext http, CachedPage page, string outcome)
    {
        var response = http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.Headers.ETag = page.ETag;
        response.Headers.CacheControl = "public, no-cache";
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        response.Headers["X-Page-Cache"] = outcome;
        if (page.ContentLanguage is { } language)
        {
            response.Headers.ContentLanguage = language;
        }

        if (JsonBody.IfNoneMatchMatches(http.Request.Headers.IfNoneMatch.ToString(), page.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var (encoding, bytes) = page.Body(PreferredEncoding(http.Request.Headers.AcceptEncoding));
        response.ContentType = page.ContentType;
        if (encoding is not null)
        {
            response.Headers.ContentEncoding = encoding;
        }

        response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(http.Request.Method))
        {
            await response.Body.WriteAsync(bytes, http.RequestAborted);
        }
    }

    /// <summary>br when the reader accepts it, else gzip, else none (q=0 refuses a coding).</summary>
    internal static string? PreferredEncoding(Microsoft.Extensions.Primitives.StringValues acceptEncoding)
    {
        if (acceptEncoding.Count == 0 || !StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var codings))
        {
            return null;
        }

        bool Accepts(string coding) => codings.Any(c => (c.Value.Equals(coding, StringComparison.OrdinalIgnoreCase) || c.Value == "*") && (c.Quality ?? 1) > 0);
        return Accepts("br") ? "br" : Accepts("gzip") ? "gzip" : null;
    }

    private static string? NullIfEmpty(string value) => value.Length > 0 ? value : null;

    public void Dispose()
    {
        _entries.Dispose();
        _queryRules.Dispose();
    }
}

/// <summary>One rendered page and its lazily made compressed forms.</summary>
internal sealed class CachedPage(long generation, string[] dependsOn, Action<HttpContext>? onServe, byte[] identity, string contentType, string? contentLanguage)
{
    private byte[]? _brotli;
    private byte[]? _gzip;

    public long Generation => generation;
    public string[] DependsOn => dependsOn;
    public Action<HttpContext>? OnServe => onServe;
    public byte[] Identity => identity;
    public string ContentType => contentType;
    public string? ContentLanguage => contentLanguage;

    /// <summary>Weak: the same content in each coding (RFC 9110 §8.8.1); a hash, so a re-render of the same bytes keeps it.</summary>
    public string ETag { get; } = $"W/\"{Convert.ToHexStringLower(SHA256.HashData(identity).AsSpan(0, 12))}\"";

    public (string? Encoding, byte[] Bytes) Body(string? encoding) => encoding switch
    {
        // Racing first requests may both compress; either result is the same bytes.
        "br" => ("br", _brotli ??= Brotli(identity)),
        "gzip" => ("gzip", _gzip ??= Gzip(identity)),
        _ => (null, identity),
    };

    private static byte[] Brotli(byte[] source)
    {
        var target = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(source.Length));
        try
        {
            // Quality 5 of 11: most of the size gain at a small part of the time; done once per entry.
            return BrotliEncoder.TryCompress(source, target, out var written, quality: 5, window: 22) ? target.AsSpan(0, written).ToArray() : source;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(target);
        }
    }

    private static byte[] Gzip(byte[] source)
    {
        using var output = new MemoryStream(source.Length / 3);
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(source);
        }

        return output.ToArray();
    }
}

/// <summary>
/// What a page tells <see cref="PageCache"/>: that its response is the same for every reader and may be kept, which
/// content it was built from, and what must still happen when a kept copy is served (counting a view).
/// </summary>
public sealed class CacheablePage
{
    internal string[]? DependsOn { get; private set; }
    internal string[] QueryKeys { get; private set; } = [];
    internal Action<HttpContext>? OnServe { get; private set; }

    /// <param name="http">The request; nothing happens when the cache is off or the request is not a candidate.</param>
    /// <param name="dependsOn">Content scopes (<see cref="ContentScopes"/>) whose change makes the page stale.</param>
    /// <param name="queryKeys">Query parameters the page reads; all others are ignored when looking a copy up.</param>
    /// <param name="onServe">Runs for every copy served from the cache (the page itself ran only for the first).
    /// It must capture only singletons and values, never the request's scoped services.</param>
    public static void Allow(HttpContext http, string[] dependsOn, string[]? queryKeys = null, Action<HttpContext>? onServe = null)
    {
        if (http.Features.Get<CacheablePage>() is { } page)
        {
            page.DependsOn = dependsOn;
            page.QueryKeys = queryKeys ?? [];
            page.OnServe = onServe;
        }
    }
}
