using Microsoft.AspNetCore.Mvc;
using ParkGlobalMedia.Content;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Sites.Pages;

/// <summary>The company profile / fact sheet: /{enterprise}/{culture}/profile — who they are, where, in which chain.</summary>
public sealed class ProfileModel(AppDbContext db, CultureCatalog cultures, SiteText text, ThemeViews themes, SiteUrls urls)
    : SitePageModel(db, cultures, text, themes, urls)
{
    public string? ProfileText { get; private set; }
    public string? Park { get; private set; }
    public string? IndustryChain { get; private set; }

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

        ProfileText = LocalizedText.Pick(Site!.Profile, Culture);
        Park = LocalizedText.Pick(Site.Park, Culture);
        IndustryChain = LocalizedText.Pick(Site.IndustryChain, Culture);
        PageTitle = $"{T("profile")}: {SiteName}";
        Description = ProfileText;
        Canonical = SiteUrl(Culture, "profile");
        AddLanguages(_ => "profile");
        JsonLd = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Organization",
            ["name"] = SiteName,
            ["url"] = SiteUrl(Culture),
            ["description"] = ProfileText,
            ["location"] = Park,
            ["sameAs"] = Site.SocialLinks.Count > 0 ? Site.SocialLinks.Select(link => link.Url).ToList() : null,
        });
        AllowCaching();
        return Page();
    }
}
