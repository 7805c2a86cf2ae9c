using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Content;
using ParkGlobalMedia.Content.Stories;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Sites.Pages;

/// <summary>
/// A site's stories by category, tag or campaign (/{enterprise}/{culture}/category/{key} …), and its search
/// (/{enterprise}/{culture}/search?q=), newest first, 20 a page.
/// </summary>
public sealed class ListingModel(AppDbContext db, CultureCatalog cultures, SiteText text, ThemeViews themes, SiteUrls urls, StoryQueries stories)
    : SitePageModel(db, cultures, text, themes, urls)
{
    public const int PageSize = 20;

    public string Heading { get; private set; } = "";
    public string? Query { get; private set; }
    public StoryPage Result { get; private set; } = new([], 1, PageSize, 0);

    public async Task<IActionResult> OnGetAsync(string enterprise, string culture, string kind, string? key, string? q, int? p, CancellationToken cancellationToken)
    {
        if (!await LoadSiteAsync(enterprise, culture, cancellationToken) || (kind != "search" && string.IsNullOrEmpty(key)) || p is < 1 or > 10_000)
        {
            return Problem(StatusCodes.Status404NotFound);
        }

        Query = kind == "search" ? q?.Trim() is { Length: > 0 and <= 100 } search ? search : null : null;
        Heading = kind switch
        {
            "category" => await Db.Categories.AsNoTracking().Where(c => c.Key == key).Select(c => c.Names).FirstOrDefaultAsync(cancellationToken) is { } names
                ? LocalizedText.Pick(names, Culture) ?? key! : "",
            "campaign" => await Db.Campaigns.AsNoTracking().Where(c => c.Key == key && (c.OwnerEnterpriseId == null || c.OwnerEnterpriseId == Site!.Id))
                    .Select(c => c.Names).FirstOrDefaultAsync(cancellationToken) is { } names
                ? LocalizedText.Pick(names, Culture) ?? key! : "",
            "tag" => $"#{key}",
            _ => Query is null ? T("search") : Format("searchFor", Query),
        };
        if (Heading.Length == 0)
        {
            return Problem(StatusCodes.Status404NotFound);
        }

        var page = await stories.ListAsync(CallerContext.Anonymous, new StoryListQuery(
            Site!.Slug, Culture, kind == "category" ? key : null, kind == "tag" ? key : null, kind == "campaign" ? key : null,
            null, "published", "published_desc", p ?? 1, PageSize, Query), cancellationToken);
        Result = page.Value ?? Result;
        if (kind == "tag" && Result.Total == 0)
        {
            return Problem(StatusCodes.Status404NotFound); // a tag exists only through its stories
        }

        PageTitle = Heading;
        Canonical = kind == "search" ? null : SiteUrl(Culture, $"{kind}/{key}");
        if (kind != "search")
        {
            AddLanguages(_ => $"{kind}/{key}");
        }
        else
        {
            AddLanguages(_ => null);
        }

        AllowCaching(queryKeys: ["q", "p"]);
        return Page();
    }

    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?> { ["q"] = Query, ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) }
        .Where(v => v.Value is not null)).ToString();
}
