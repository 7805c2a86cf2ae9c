using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Content;
using Microsoft.AspNetCore.Mvc;
using ParkGlobalMedia.Assets.Delivery;
using ParkGlobalMedia.Assets.Usage;
using ParkGlobalMedia.Content.Stories;
using ParkGlobalMedia.Markdown;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Sites.Analytics;
using ParkGlobalMedia.Sites.Preview;

namespace ParkGlobalMedia.Sites.Pages;

/// <summary>
/// A published story in one culture: /{enterprise}/{culture}/stories/{slug}; and, through a signed preview link,
/// a variant's working version in the same theme: /{enterprise}/{culture}/preview/{storyId}?preview={token}.
/// </summary>
public sealed class StoryPageModel(
    AppDbContext db, CultureCatalog cultures, SiteText text, ThemeViews themes, SiteUrls urls, StoryQueries stories, IAssetReferenceResolver assets,
    MediaCatalog media, PageViewRecorder views, PreviewLinks previews)
    : SitePageModel(db, cultures, text, themes, urls)
{
    public PublishedStory Story { get; private set; } = null!;
    public ResolvedAsset? Cover { get; private set; }

    /// <summary>The story's category in the reader's language (its key when the category has no name in it).</summary>
    public string CategoryName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string enterprise, string culture, string? slug, Guid? storyId, CancellationToken cancellationToken)
    {
        if (!await LoadSiteAsync(enterprise, culture, cancellationToken))
        {
            return Problem(StatusCodes.Status404NotFound);
        }

        if (storyId is { } previewed)
        {
            return await PreviewAsync(previewed, cancellationToken);
        }

        if (RememberChoice() is { } remembered)
        {
            return remembered;
        }

        var found = await stories.ResolvePublicSlugAsync(Site!.Id, Culture, slug ?? "", cancellationToken);
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

        await ShowAsync(published.Value!, cancellationToken);
        var (countedStory, storyCulture) = (Story.StoryId, Culture);
        void CountView(HttpContext http)
        {
            if (PageViewRecorder.ShouldCount(http.Request))
            {
                views.Record(countedStory, storyCulture);
            }
        }

        CountView(HttpContext);
        AllowCaching(onServe: CountView);
        Canonical = SiteUrl(Culture, $"stories/{Story.Slug}");
        var translations = Story.Translations.ToDictionary(t => t.Culture, t => $"stories/{t.Slug}");
        translations[Culture] = $"stories/{Story.Slug}";
        AddLanguages(translations.GetValueOrDefault);
        if (DefaultAlternate is null)
        {
            // No version in the site's default culture: the one in the site's first culture that has one.
            var first = Site.Cultures.First(translations.ContainsKey);
            DefaultAlternate = SiteUrl(first, translations[first]);
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

    /// <summary>
    /// A draft in the real theme for whoever holds a valid link. Never kept by the page cache or a browser, never
    /// indexed, never counted; the link's story and culture must be this URL's, and the story this site's.
    /// </summary>
    private async Task<IActionResult> PreviewAsync(Guid storyId, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        NoIndex = true;
        var ticket = previews.Read(Request.Query[SitesModule.PreviewParameter]);
        if (ticket.State == PreviewTicketState.Invalid || ticket.StoryId != storyId || ticket.Culture != Culture)
        {
            return Problem(StatusCodes.Status404NotFound);
        }

        if (ticket.State == PreviewTicketState.Expired)
        {
            return Problem(StatusCodes.Status410Gone, "preview.expired");
        }

        var preview = await stories.GetPreviewAsync(storyId, Culture, cancellationToken);
        if (!preview.Succeeded || preview.Value!.Enterprise != Site!.Slug)
        {
            return Problem(StatusCodes.Status404NotFound);
        }

        await ShowAsync(preview.Value, cancellationToken);
        PreviewExpiresAt = ticket.ExpiresAt;
        AddLanguages(_ => null);
        return Page();
    }

    /// <summary>When this page is a preview: until when its link works (the banner says so).</summary>
    public DateTimeOffset? PreviewExpiresAt { get; private set; }

    /// <summary>What a published story and a preview show alike: title and description tags, the category's name, the cover.</summary>
    private async Task ShowAsync(PublishedStory story, CancellationToken cancellationToken)
    {
        Story = story;
        PageTitle = Story.SeoTitle ?? Story.Title;
        Description = Story.SeoDescription ?? (Story.Summary.Length > 0 ? Story.Summary : Story.Excerpt);
        OgType = "article";
        var names = await Db.Categories.AsNoTracking().Where(c => c.Key == Story.Category).Select(c => c.Names).FirstOrDefaultAsync(cancellationToken);
        CategoryName = (names is null ? null : LocalizedText.Pick(names, Culture)) ?? Story.Category;
        if (Story.CoverAssetId is not { } cover)
        {
            return;
        }

        Cover = await assets.ResolveAsync(cover, Culture, cancellationToken);
        if (Cover is not null && AssetIds.Parse(cover) is { } coverId && await media.FindAsync(coverId, cancellationToken) is { } entry &&
            entry.Renditions.TryGetValue("og.jpg", out var og))
        {
            OgImage = Absolute(MediaUrls.Rendition(og));
        }
    }
}
