using Microsoft.AspNetCore.Mvc;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Sites.Pages;

/// <summary>/{enterprise}/: sends the reader to the culture they read (see <see cref="SitesModule.Negotiate"/>).</summary>
public sealed class SiteEntryModel(AppDbContext db, CultureCatalog cultures, SiteText text, ThemeViews themes, SiteUrls urls)
    : SitePageModel(db, cultures, text, themes, urls)
{
    public async Task<IActionResult> OnGetAsync(string enterprise, CancellationToken cancellationToken)
    {
        await LoadSiteAsync(enterprise, "en", cancellationToken);
        return Site is { } site
            ? RedirectToReadersCulture(SiteUrls.LinkRoot(HttpContext, site), site.Cultures, site.DefaultCulture, site.FallbackChain)
            : Problem(StatusCodes.Status404NotFound);
    }
}
