using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Content.Enterprises;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Caching;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Sites.Caching;

namespace ParkGlobalMedia.Sites.Pages;

/// <summary>A link to the same page in another culture (hreflang) or to another place.</summary>
public sealed record SiteLink(string Culture, string Href, string Label);

/// <summary>
/// What every public page knows: the site (enterprise), the reader's culture and its direction, the theme, the words
/// of the interface, the alternates in other cultures, and the meta tags. Pages set these; the theme's layout prints them.
/// </summary>
public abstract class SitePageModel(AppDbContext db, CultureCatalog cultures, SiteText text, ThemeViews themes, SiteUrls urls) : PageModel
{
    public Enterprise? Site { get; private set; }
    public string Culture { get; protected set; } = "en";
    public bool RightToLeft { get; private set; }
    public string Theme => Site?.Theme ?? ThemeViews.DefaultTheme;
    public string PageTitle { get; protected set; } = "";
    public string? Description { get; protected set; }
    public string? Canonical { get; protected set; }
    public string? OgImage { get; protected set; }
    public string OgType { get; protected set; } = "website";
    public string? JsonLd { get; protected set; }
    public List<SiteLink> Alternates { get; } = [];
    public string? DefaultAlternate { get; protected set; }

    /// <summary>The language switcher: every culture of the site, pointing at this page's translation or that culture's home.</summary>
    public List<SiteLink> Languages { get; } = [];

    public string T(string key) => text.Get(Culture, key);

    protected AppDbContext Db => db;

    protected CultureCatalog CultureCatalog => cultures;

    protected void SetDirection(bool rightToLeft) => RightToLeft = rightToLeft;

    public string Format(string key, params object?[] args) => text.Format(Culture, key, args);

    public string Template(string name) => themes.Find(Theme, name);

    public string Layout => themes.Find(Theme, "_Layout");

    public IReadOnlyList<string> Stylesheets => themes.Stylesheets(Theme);

    public string SiteName => Site?.DisplayName(Culture) ?? T("portal.title");

    public string HomeHref => Site is null ? $"/{Culture}/" : Link();

    /// <summary>A page of this site in the reader's culture, as a link inside the page ("stories/{slug}", "" for home).</summary>
    public string Link(string rest = "") => SitePath(Culture, rest);

    /// <summary>A page of this site in <paramref name="culture"/>: /{slug}/{culture}/{rest}, or /{culture}/{rest} on its own host.</summary>
    public string SitePath(string culture, string rest = "") => $"{SiteUrls.LinkRoot(HttpContext, Site!)}/{culture}/{rest}";

    /// <summary>The absolute, canonical URL of a page of this site (on its custom host when it has one).</summary>
    public string SiteUrl(string culture, string rest = "") => $"{urls.SiteRoot(Request, Site!)}/{culture}/{rest}";

    /// <summary>An absolute URL on the platform's host (the portal, media).</summary>
    public string Absolute(string path) => $"{urls.PlatformBase(Request)}{path}";

    protected SiteUrls Urls => urls;

    public string Date(DateTime value) => value.ToString("D", CultureInfo.GetCultureInfo(Culture));

    /// <summary>Loads the site and checks the culture is one it publishes in; false means 404.</summary>
    protected async Task<bool> LoadSiteAsync(string enterprise, string culture, CancellationToken cancellationToken)
    {
        // On an enterprise's own host, only its own site exists (/other-enterprise/... is another site's business).
        Site = CustomHosts.SiteOf(HttpContext) is { } hostSite && hostSite != enterprise
            ? null
            : await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Slug == enterprise, cancellationToken);
        var known = await cultures.FindAsync(culture, cancellationToken);
        Culture = known?.Code ?? Platform.Cultures.Culture.Normalize(culture) ?? "en";
        RightToLeft = known?.IsRightToLeft ?? false;
        return Site is not null && known is not null && Site.Cultures.Contains(known.Code);
    }

    /// <summary>
    /// This page is the same for every reader: the page cache may keep it until the site's content (or what all sites
    /// share) changes. <paramref name="onServe"/> runs when a kept copy is served instead of this page.
    /// </summary>
    protected void AllowCaching(string[]? queryKeys = null, Action<HttpContext>? onServe = null) =>
        CacheablePage.Allow(HttpContext, Site is null ? [ContentScopes.All] : ContentScopes.OfSite(Site.Id), queryKeys, onServe);

    /// <summary>
    /// A localized 404 or 410 in the site's theme; never an error page of the framework. <paramref name="reason"/>
    /// names the texts ("{reason}.title", "{reason}.text") when the generic ones would mislead.
    /// </summary>
    protected IActionResult Problem(int status, string? reason = null)
    {
        Response.StatusCode = status;
        ProblemReason = reason ?? (status == StatusCodes.Status410Gone ? "gone" : "notFound");
        PageTitle = T($"{ProblemReason}.title");
        Status = status;
        return Page();
    }

    /// <summary>The text key of the problem shown (notFound, gone, preview.expired).</summary>
    public string ProblemReason { get; private set; } = "notFound";

    /// <summary>Pages that search engines must not index: problems and previews.</summary>
    public bool NoIndex { get; protected set; }

    /// <summary>200, or 404/410 when the page shows a problem instead of its content.</summary>
    public int Status { get; private set; } = StatusCodes.Status200OK;

    /// <summary>
    /// The switcher and the hreflang alternates from <paramref name="translation"/>: this page's path within the
    /// site in each culture ("stories/{slug}"), or null where it has no translation (the switcher then offers that
    /// culture's home, and no alternate is announced). x-default is the site's default culture's version, if any.
    /// </summary>
    protected void AddLanguages(Func<string, string?> translation)
    {
        foreach (var culture in Site?.Cultures ?? [])
        {
            var rest = translation(culture);
            var label = CultureInfo.GetCultureInfo(culture).NativeName;
            Languages.Add(new SiteLink(culture, $"{SitePath(culture, rest ?? "")}?{SitesModule.SwitchParameter}=1", label));
            if (rest is not null)
            {
                Alternates.Add(new SiteLink(culture, SiteUrl(culture, rest), label));
            }
        }

        if (Site is not null && translation(Site.DefaultCulture) is { } defaultRest)
        {
            DefaultAlternate = SiteUrl(Site.DefaultCulture, defaultRest);
        }
    }

    /// <summary>
    /// Sends a reader who gave no culture (/ or /{enterprise}) to <paramref name="prefix"/>/{culture}/: their earlier
    /// choice in the switcher, else what their browser asks for (<see cref="SitesModule.Negotiate"/>).
    /// </summary>
    protected IActionResult RedirectToReadersCulture(
        string prefix, IReadOnlyCollection<string> cultures, string defaultCulture, IReadOnlyDictionary<string, List<string>> fallbackChains)
    {
        Response.Headers.Vary = "Accept-Language, Cookie";
        var chosen = Request.Cookies[SitesModule.LanguageCookie];
        var culture = chosen is not null && cultures.Contains(chosen)
            ? chosen
            : SitesModule.Negotiate(cultures, defaultCulture, fallbackChains, Request.Headers.AcceptLanguage.ToString());
        return Redirect($"{prefix}/{culture}/");
    }

    /// <summary>
    /// A click in the language switcher (?switch=1): remember the choice for /{enterprise}/ and continue at the clean
    /// URL, so pages themselves never set cookies (they stay cacheable, and counting views needs none).
    /// </summary>
    protected IActionResult? RememberChoice()
    {
        if (!Request.Query.ContainsKey(SitesModule.SwitchParameter))
        {
            return null;
        }

        Response.Cookies.Append(SitesModule.LanguageCookie, Culture, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365), IsEssential = true, Secure = Request.IsHttps,
        });
        return Redirect(Request.Path);
    }
}
