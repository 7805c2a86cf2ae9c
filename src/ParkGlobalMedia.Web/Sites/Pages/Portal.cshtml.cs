using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Content.Enterprises;
using ParkGlobalMedia.Content.Stories;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Sites.Pages;

/// <summary>
/// The provincial centre's portal: / negotiates a culture, /{culture}/ shows the member enterprises (each linked to
/// its site in that culture, or its default one) and the latest stories of all members in that culture.
/// </summary>
public sealed class PortalModel(AppDbContext db, CultureCatalog cultures, SiteText text, ThemeViews themes, SiteUrls urls, StoryQueries stories)
    : SitePageModel(db, cultures, text, themes, urls)
{
    public IReadOnlyList<Enterprise> Members { get; private set; } = [];
    public IReadOnlyList<StoryListItem> Latest { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? culture, CancellationToken cancellationToken)
    {
        var members = await Db.Enterprises.AsNoTracking().OrderBy(e => e.Slug).ToListAsync(cancellationToken);
        var portalCultures = members.SelectMany(e => e.Cultures).Distinct(StringComparer.Ordinal).ToList();
        if (culture is null)
        {
            // "/": the same negotiation as a site's, over every culture a member publishes in.
            return RedirectToReadersCulture("", portalCultures, portalCultures.Contains("en") ? "en" : portalCultures.FirstOrDefault() ?? "en",
                new Dictionary<string, List<string>>());
        }

        var known = await CultureCatalog.FindAsync(culture, cancellationToken);
        Culture = known?.Code ?? "en";
        SetDirection(known?.IsRightToLeft ?? false);
        if (known is null || !portalCultures.Contains(known.Code))
        {
            return Problem(StatusCodes.Status404NotFound);
        }

        if (RememberChoice() is { } remembered)
        {
            return remembered;
        }

        Members = members;
        var page = await stories.ListAsync(CallerContext.Anonymous,
            new StoryListQuery(null, Culture, null, null, null, null, "published", "published_desc", 1, 12), cancellationToken);
        Latest = page.Value?.Items ?? [];
        PageTitle = T("portal.title");
        Description = T("portal.tagline");
        Canonical = Absolute($"/{Culture}/");
        foreach (var code in portalCultures)
        {
            var label = System.Globalization.CultureInfo.GetCultureInfo(code).NativeName;
            Languages.Add(new SiteLink(code, $"/{code}/?switch=1", label));
            Alternates.Add(new SiteLink(code, Absolute($"/{code}/"), label));
        }

        DefaultAlternate = Absolute("/en/");
        AllowCaching();
        return Page();
    }

    /// <summary>A member's site in the portal's culture when it publishes in it, else in its own default culture.</summary>
    public string SiteHref(Enterprise member) => SiteRoot(member) + $"/{(member.Cultures.Contains(Culture) ? Culture : member.DefaultCulture)}/";

    /// <summary>A story of one of the latest list, on its site (its own host when it has one).</summary>
    public string StoryHref(StoryListItem story) =>
        Members.FirstOrDefault(m => m.Slug == story.Enterprise) is { } member
            ? $"{SiteRoot(member)}/{Culture}/stories/{story.Slug}"
            : $"/{story.Enterprise}/{Culture}/stories/{story.Slug}";

    /// <summary>Relative on the platform's host; absolute for a member with its own host.</summary>
    private string SiteRoot(Enterprise member) => member.CustomHost is null ? $"/{member.Slug}" : Urls.SiteRoot(Request, member);
}
