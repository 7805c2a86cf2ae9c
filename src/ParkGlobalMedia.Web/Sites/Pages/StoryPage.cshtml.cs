using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using ParkGlobalMedia.Assets.Delivery;
using ParkGlobalMedia.Assets.Usage;
using ParkGlobalMedia.Content.Stories;
using ParkGlobalMedia.Markdown;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Sites.Analytics;

namespace ParkGlobalMedia.Sites.Pages;

/// <summary>A published story in one culture: /{enterprise}/{culture}/stories/{slug}.</summary>
public sealed class StoryPageModel(
    AppDbContext db, CultureCatalog cultures, SiteText text, ThemeViews themes, SiteUrls urls, StoryQueries stories, IAssetReferenceResolver assets, MediaCatalog media, PageViewRecorder views)
    : SitePageModel(db, cultures, text, themes, urls)
{
    public PublishedStory Story { get; private set; } = null!;
    public ResolvedAsset? Cover { get; private set; }

    public async Task<IActionResult> OnGetAsync(string enterprise, string culture, string slug, CancellationToken cancellationToken)
    {
        if (!await LoadSiteAsync(enterprise, culture, cancellationToken))
        {
            return Problem(StatusCodes.Status404NotFound);
        }

        if (RememberChoice() is { } remembered)
        {
            return remembered;
        }

        var found = await stories.ResolvePublicSlugAsync(Site!.Id, Culture, slug, cancellationToken);
        switch (found.State)
        {
            case PublicSlugState.Moved:
                return RedirectPermanent(Link($"stories/{found.CurrentSlug}"));
            case PublicSlugState.Gone:
                return Problem(StatusCodes.Status410Gone);
            case PublicSlugState.None:
                return Problem(StatusCodes.Status404NotFound);
        }

        var published = await stories.GetPublishedAsync(found.StoryId!.Value, Culture, fallback: false, cancellationToken);
        if (!published.Succeeded)
        {
            return Problem(StatusCodes.Status404NotFound);
        }

        Story = published.Value!;
        var (storyId, storyCulture) = (Story.StoryId, Culture);
        void CountView(HttpContext http)
        {
            if (PageViewRecorder.ShouldCount(http.Request))
            {
                views.Record(storyId, storyCulture);
            }
        }

        CountView(HttpContext);
        AllowCaching(onServe: CountView);
        PageTitle = Story.SeoTitle ?? Story.Title;
        Description = Story.SeoDescription ?? (Story.Summary.Length > 0 ? Story.Summary : Story.Excerpt);
        Canonical = SiteUrl(Culture, $"stories/{Story.Slug}");
        OgType = "article";
        var translations = Story.Translations.ToDictionary(t => t.Culture, t => $"stories/{t.Slug}");
        translations[Culture] = $"stories/{Story.Slug}";
        AddLanguages(translations.GetValueOrDefault);
        if (DefaultAlternate is null)
        {
            // No version in the site's default culture: the one in the site's first culture that has one.
            var first = Site.Cultures.First(translations.ContainsKey);
            DefaultAlternate = SiteUrl(first, translations[first]);
        }

        if (Story.CoverAssetId is { } cover)
        {
            Cover = await assets.ResolveAsync(cover, Culture, cancellationToken);
            if (Cover is not null && AssetIds.Parse(cover) is { } coverId && await media.FindAsync(coverId, cancellationToken) is { } entry &&
                entry.Renditions.TryGetValue("og.jpg", out var og))
            {
                OgImage = Absolute(MediaUrls.Rendition(og));
            }
        }

        JsonLd = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["headline"] = Story.Title,
            ["description"] = Description,
            ["inLanguage"] = Culture,
            ["datePublished"] = Story.FirstPublishedAt.ToString("O"),
            ["dateModified"] = Story.PublishedAt.ToString("O"),
            ["image"] = OgImage is null ? null : new[] { OgImage },
            ["mainEntityOfPage"] = Canonical,
            ["author"] = new Dictionary<string, string> { ["@type"] = "Organization", ["name"] = SiteName },
            ["publisher"] = new Dictionary<string, string> { ["@type"] = "Organization", ["name"] = SiteName },
        });
        return Page();
    }
}
