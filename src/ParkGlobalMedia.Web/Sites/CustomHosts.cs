using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Platform.Caching;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Sites;

/// <summary>
/// An enterprise's own host name (stories.example.com) serves its site without the /{enterprise} prefix: the request
/// path is rewritten to the prefixed one before routing, so every page, sitemap and feed works unchanged, and the
/// pages make their links without the prefix (<see cref="SiteUrls.LinkRoot"/>). Shared platform paths (/media,
/// /themes, /h5, /robots.txt, /api, /admin) pass through. The host table is read again whenever content changed.
/// </summary>
public sealed partial class CustomHosts(ContentGeneration generation, IServiceScopeFactory scopes) : IMiddleware
{
    private sealed record Snapshot(long Generation, FrozenDictionary<string, string> SlugByHost);

    private sealed record Marker(string Slug);

    private Snapshot? _snapshot;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var hosts = await SlugByHostAsync(context.RequestAborted);
        if (hosts.Count > 0 && hosts.TryGetValue(context.Request.Host.Host.ToLowerInvariant(), out var slug))
        {
            context.Features.Set(new Marker(slug));
            var path = context.Request.Path.Value ?? "/";
            if (IsSitePath(path))
            {
                context.Request.Path = path == "/" ? $"/{slug}" : $"/{slug}{path}";
            }
        }

        await next(context);
    }

    /// <summary>The enterprise whose custom host the request came in on, if any.</summary>
    public static string? SiteOf(HttpContext http) => http.Features.Get<Marker>()?.Slug;

    /// <summary>/, /{culture}/..., and the site's sitemaps: what the prefixed site would answer.</summary>
    private static bool IsSitePath(string path)
    {
        var end = path.IndexOf('/', 1);
        var first = end < 0 ? path[1..] : path[1..end];
        return first.Length == 0 || Platform.Cultures.Culture.Normalize(first) is not null || (end < 0 && SitemapFile().IsMatch(first));
    }

    [GeneratedRegex(@"^sitemap(-[0-9]{1,6})?\.xml$")]
    private static partial Regex SitemapFile();

    private async ValueTask<FrozenDictionary<string, string>> SlugByHostAsync(CancellationToken cancellationToken)
    {
        var current = await generation.CurrentAsync(cancellationToken);
        if (_snapshot is { } snapshot && snapshot.Generation == current)
        {
            return snapshot.SlugByHost;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var hosts = await db.Enterprises.AsNoTracking().Where(e => e.CustomHost != null)
            .Select(e => new { Host = e.CustomHost!, e.Slug }).ToListAsync(cancellationToken);
        var read = hosts.ToFrozenDictionary(h => h.Host, h => h.Slug, StringComparer.OrdinalIgnoreCase);
        _snapshot = new Snapshot(current, read);
        return read;
    }
}
