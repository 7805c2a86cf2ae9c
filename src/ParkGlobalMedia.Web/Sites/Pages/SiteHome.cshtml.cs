using Microsoft.AspNetCore.Mvc;
using ParkGlobalMedia.Content.Stories;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Sites.Pages;

/// <summary>An enterprise's home in one culture: /{enterprise}/{culture}/ — who they are and their latest stories.</summary>
public sealed class SiteHomeModel(AppDbContext db, CultureCatalog cultures, SiteText text, ThemeViews themes, SiteUrls urls, StoryQueries stories)
    : SitePageModel(db, cultures, text, themes, urls)
{
    public IReadOnlyList<StoryListItem> Latest { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string enterprise, string culture, CancellationToken cancellationToken)
    {
        if (!await LoadSiteAsync(enterprise, culture, cancellationToken))
        {
            return Problem(StatusCodes.Status404NotFound);
        }

        if (RememberChoice() is { } remembered)
        {
            return remembered;
        }

        var page = await stories.ListAsync(CallerContext.Anonymous,
            new StoryListQuery(Site!.Slug, Culture, null, null, null, null, "published", "published_desc", 1, 12), cancellationToken);
        Latest = page.Value?.Items ?? [];
        PageTitle = SiteName;
        Description = ParkGlobalMedia.Content.LocalizedText.Pick(Site.Profile, Culture);
        Canonical = SiteUrl(Culture);
        AddLanguages(_ => "");
        JsonLd = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Organization",
            ["name"] = SiteName,
            ["url"] = Canonical,
            ["description"] = Description,
            ["sameAs"] = Site.SocialLinks.Count > 0 ? Site.SocialLinks.Select(link => link.Url).ToList() : null,
        });
        AllowCaching();
        return Page();
    }
}
