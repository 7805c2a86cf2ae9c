using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;
using ParkGlobalMedia.Sites.Analytics;
using ParkGlobalMedia.Sites.Caching;
using ParkGlobalMedia.Sites.Preview;
using ParkGlobalMedia.Sites.Findability;

namespace ParkGlobalMedia.Sites;

/// <summary>
/// The public overseas sites: server-rendered pages per enterprise and culture in the enterprise's theme
/// (Razor Pages in Sites/Pages, templates in themes/), culture negotiation for /{enterprise}/, theme stylesheets.
/// </summary>
public static class SitesModule
{
    /// <summary>Remembers a reader's explicit language choice (the switcher), so /{enterprise}/ honours it next time.</summary>
    public const string LanguageCookie = "pgm.site.lang";

    /// <summary>Query parameter of the language switcher's links: remember this culture (<see cref="Pages.SitePageModel.RememberChoice"/>).</summary>
    public const string SwitchParameter = "switch";

    /// <summary>Query parameter carrying a signed preview token for a draft.</summary>
    public const string PreviewParameter = "preview";

    public static WebApplicationBuilder AddSites(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SiteText>();
        builder.Services.AddSingleton<ThemeViews>();
        builder.Services.AddOptions<PageCacheOptions>().BindConfiguration(PageCacheOptions.Section);
        builder.Services.AddSingleton<PageCache>();
        builder.Services.AddSingleton<SiteUrls>();
        builder.Services.AddSingleton<CustomHosts>();
        builder.Services.AddOptions<PreviewOptions>().BindConfiguration(PreviewOptions.Section);
        builder.Services.AddSingleton<PreviewLinks>();
        builder.Services.AddSingleton<Content.Stories.IStoryPreviewLinks>(services => services.GetRequiredService<PreviewLinks>());
        builder.Services.AddSingleton<Content.Enterprises.IThemeCatalog>(services => services.GetRequiredService<ThemeViews>());
        builder.Services.Configure<RouteOptions>(options =>
        {
            options.ConstraintMap[SiteSlugConstraint.Name] = typeof(SiteSlugConstraint);
            options.ConstraintMap[PortalCultureConstraint.Name] = typeof(PortalCultureConstraint);
        });
        builder.AddAnalytics();
        builder.Services.AddFindability();
        return builder;
    }

    /// <summary>The sites' endpoints besides the pages (which Razor Pages maps with the admin's).</summary>
    public static WebApplication MapSites(this WebApplication app)
    {
        app.MapAnalyticsApi();
        app.MapFindability();
        return app;
    }

    /// <summary>
    /// In front of routing: the page cache (keyed by the host and path as requested), then the custom hosts' path
    /// rewrite, then the themes' static files (copied beside the binaries at build time).
    /// </summary>
    public static WebApplication UseSites(this WebApplication app)
    {
        app.UseMiddleware<PageCache>();
        app.UseMiddleware<CustomHosts>();
        var folder = ThemeViews.StaticFolder;
        if (Directory.Exists(folder))
        {
            var themes = app.Services.GetRequiredService<ThemeViews>();
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(folder),
                RequestPath = "/themes",
                // Pages link fingerprinted URLs (ThemeViews.Fingerprinted): those never change. Anything else
                // revalidates (the static file middleware answers If-None-Match with 304).
                OnPrepareResponse = context =>
                {
                    var file = context.Context.Request.Path.Value!["/themes/".Length..];
                    context.Context.Response.Headers.CacheControl = themes.IsCurrentVersion(file, context.Context.Request.Query[ThemeViews.VersionParameter])
                        ? "public, max-age=31536000, immutable"
                        : "public, no-cache";
                },
            });
        }

        return app;
    }

    /// <summary>
    /// The culture to send a reader to: the first Accept-Language entry (by quality) the site publishes in, directly,
    /// through its neutral culture (es-MX → es) or through the site's configured fallback chain; else the default.
    /// A malformed header counts as no header.
    /// </summary>
    public static string Negotiate(
        IReadOnlyCollection<string> cultures, string defaultCulture, IReadOnlyDictionary<string, List<string>> fallbackChains, string acceptLanguage)
    {
        if (StringWithQualityHeaderValue.TryParseList(acceptLanguage.Split(','), out var offered))
        {
            foreach (var language in offered.OrderByDescending(l => l.Quality ?? 1))
            {
                var requested = Platform.Cultures.Culture.Normalize(language.Value.Value);
                if (requested is null)
                {
                    continue;
                }

                var neutral = requested.Split('-')[0];
                var candidates = new List<string> { requested, neutral };
                if (fallbackChains.TryGetValue(requested, out var chain))
                {
                    candidates.AddRange(chain);
                }

                if (candidates.FirstOrDefault(cultures.Contains) is { } served)
                {
                    return served;
                }
            }
        }

        return defaultCulture;
    }
}
