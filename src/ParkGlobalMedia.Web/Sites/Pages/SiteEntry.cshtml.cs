using Microsoft.AspNetCore.Mvc;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Sites.Pages;

/// <summary>/{enterprise}/: sends the reader to the culture they read (see <see cref="SitesModule.Negotiate"/>).</summary>
public sealed class SiteEntryModel(AppDbContext db, CultureCatalog cultures, SiteText text, ThemeViews themes)
    : SitePageModel(db, cultures, text, themes)
{
    public async Task<IActionResult> OnGetAsync(string enterprise, CancellationToken cancellationToken)
    {
        var language = Request.Headers.AcceptLanguage.ToString();
        await LoadSiteAsync(enterprise, "en", cancellationToken);
        if (Site is not { } site)
        {
            return Problem(StatusCodes.Status404NotFound);
        }

        Response.Headers.Vary = "Accept-Language, Cookie";
        var chosen = Request.Cookies[SitesModule.LanguageCookie];
        var culture = chosen is not null && site.Cultures.Contains(chosen) ? chosen : SitesModule.Negotiate(site, language);
        return Redirect($"/{site.Slug}/{culture}/");
    }
}
