using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Admin;
using ParkGlobalMedia.Content.Enterprises;
using ParkGlobalMedia.Content.Taxonomy;
using ParkGlobalMedia.Markdown;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Content.Stories.Admin;

/// <summary>
/// The story editor for one culture: text fields, live preview, workflow buttons, schedule and classification.
/// Every form carries the ETag it was rendered with, so two people editing at once cannot overwrite each other.
/// </summary>
public sealed class StoryEditorModel(StoryService service, StoryQueries stories, AppDbContext db, MarkdownRenderer markdown, IStoryPreviewLinks previews) : AdminPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public string Culture { get; set; } = "";

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Slug { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public string? SeoTitle { get; set; }
    [BindProperty] public string? SeoDescription { get; set; }
    [BindProperty] public string? ETag { get; set; }

    public WorkingStory? Working { get; private set; }
    public StorySummary Story { get; private set; } = null!;
    public Enterprise Enterprise { get; private set; } = null!;
    public List<Category> Categories { get; private set; } = [];
    public List<Campaign> Campaigns { get; private set; } = [];
    public string PreviewHtml { get; private set; } = "";

    /// <summary>The saved working version in the site's theme, through a signed link anyone it is sent to can open until it expires.</summary>
    public StoryPreviewLink? SitePreview { get; private set; }

    /// <summary>The source-culture text beside a translation, so translators need not switch tabs.</summary>
    public VariantContent? SourceText { get; private set; }
    public bool IsNewVariant => Working is null;

    /// <summary>Reviewers and curators read here too; for them the text is shown read-only, without save buttons.</summary>
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFoundPage();
        }

        if (Working is { } working)
        {
            (Title, Slug, Summary, Body, SeoTitle, SeoDescription) =
                (working.Content.Title, working.Content.Slug, working.Content.Summary, working.Content.Body, working.Content.SeoTitle, working.Content.SeoDescription);
        }

        await RenderPreviewAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        var caller = await CallerAsync();
        var saved = await service.SaveDraftAsync(caller, Id, Culture,
            new VariantContent(Title, Slug, Summary, Body, SeoTitle, SeoDescription), ETag, cancellationToken);
        if (saved.Succeeded)
        {
            Notice = T.Format("editor.saved", saved.Value!.DraftVersion?.Number);
            return Redirect($"/admin/stories/{Id}/{saved.Value.Culture}");
        }

        return await RedisplayAsync(saved.Failure!, keepFields: true, cancellationToken);
    }

    public async Task<IActionResult> OnPostTransitionAsync(string? action, string? comment, CancellationToken cancellationToken)
    {
        var moved = await service.TransitionAsync(await CallerAsync(), Id, Culture, new TransitionRequest(action, comment), ETag, cancellationToken);
        if (moved.Succeeded)
        {
            Notice = T.Format("editor.moved", T[$"action.{action}"]);
            return Redirect($"/admin/stories/{Id}/{Culture}");
        }

        return await RedisplayAsync(moved.Failure!, keepFields: false, cancellationToken);
    }

    public async Task<IActionResult> OnPostScheduleAsync(DateTime? publishAt, DateTime? archiveAt, CancellationToken cancellationToken)
    {
        static DateTimeOffset? Utc(DateTime? value) => value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
        var scheduled = await service.ScheduleAsync(await CallerAsync(), Id, Culture, new ScheduleRequest(Utc(publishAt), Utc(archiveAt)), ETag, cancellationToken);
        if (scheduled.Succeeded)
        {
            Notice = T["editor.scheduled"];
            return Redirect($"/admin/stories/{Id}/{Culture}");
        }

        return await RedisplayAsync(scheduled.Failure!, keepFields: false, cancellationToken);
    }

    public async Task<IActionResult> OnPostClassifyAsync(string? category, string? tags, string? campaign, string? coverAssetId, string? storyETag, CancellationToken cancellationToken)
    {
        var tagList = (tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var updated = await service.UpdateStoryAsync(await CallerAsync(), Id,
            new UpdateStoryRequest(category, tagList, string.IsNullOrEmpty(campaign) ? null : campaign, string.IsNullOrWhiteSpace(coverAssetId) ? null : coverAssetId.Trim()),
            storyETag, cancellationToken);
        if (updated.Succeeded)
        {
            Notice = T["editor.classified"];
            return Redirect($"/admin/stories/{Id}/{Culture}");
        }

        return await RedisplayAsync(updated.Failure!, keepFields: false, cancellationToken);
    }

    /// <summary>Live preview for the editor script: the same renderer readers get, so what you see is what ships.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        var caller = await CallerAsync();
        var summary = await stories.GetSummaryAsync(caller, Id, cancellationToken);
        if (!summary.Succeeded || (Body?.Length ?? 0) > StoryLimits.BodyLength)
        {
            return NotFound();
        }

        var rendered = await markdown.RenderAsync(Body ?? "", Culture, cancellationToken);
        return Content(rendered.Html, "text/html; charset=utf-8");
    }

    private async Task<IActionResult> RedisplayAsync(ParkGlobalMedia.Platform.Failure failure, bool keepFields, CancellationToken cancellationToken)
    {
        if (failure.Kind == ParkGlobalMedia.Platform.FailureKind.NotFound && !await LoadAsync(cancellationToken))
        {
            return NotFoundPage();
        }

        var (title, slug, summary, body, seoTitle, seoDescription) = (Title, Slug, Summary, Body, SeoTitle, SeoDescription);
        await OnGetAsync(cancellationToken);
        if (keepFields)
        {
            // Keep what the person typed: a refused save must never lose their text.
            (Title, Slug, Summary, Body, SeoTitle, SeoDescription) = (title, slug, summary, body, seoTitle, seoDescription);
            await RenderPreviewAsync(cancellationToken);
        }

        Show(failure);
        Response.StatusCode = ParkGlobalMedia.Platform.Http.ProblemResults.StatusCode(failure.Kind);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var caller = await CallerAsync();
        var summary = await stories.GetSummaryAsync(caller, Id, cancellationToken);
        if (!summary.Succeeded)
        {
            return false;
        }

        Story = summary.Value!;
        Enterprise = await db.Enterprises.AsNoTracking().FirstAsync(e => e.Slug == Story.Enterprise, cancellationToken);
        // Links from elsewhere (an asset's usage list) name only the story: open its source culture.
        var canonical = ParkGlobalMedia.Platform.Cultures.Culture.Normalize(string.IsNullOrEmpty(Culture) ? Story.SourceCulture : Culture);
        // A published story's summary is public; the editor is only for those who may see its drafts.
        if (!ContentPermissions.CanReadDrafts(caller, Enterprise.Id) || canonical is null || !Enterprise.Cultures.Contains(canonical))
        {
            return false;
        }

        Culture = canonical;
        CanEdit = ContentPermissions.CanEdit(caller, Enterprise.Id);
        var working = await stories.GetWorkingAsync(caller, Id, Culture, cancellationToken);
        Working = working.Succeeded ? working.Value : null;
        if (Story.SourceCulture != Culture)
        {
            var source = await stories.GetWorkingAsync(caller, Id, Story.SourceCulture, cancellationToken);
            SourceText = source.Succeeded ? source.Value!.Content : null;
        }

        ETag = Working?.ETag;
        SitePreview = Working is null ? null : previews.Create(Enterprise.Slug, Id, Culture);
        Categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(cancellationToken);
        Campaigns = await db.Campaigns.AsNoTracking()
            .Where(c => c.OwnerEnterpriseId == null || c.OwnerEnterpriseId == Enterprise.Id)
            .OrderByDescending(c => c.StartsOn).ToListAsync(cancellationToken);
        return true;
    }

    private async Task RenderPreviewAsync(CancellationToken cancellationToken) =>
        PreviewHtml = (await markdown.RenderAsync(Body ?? "", Culture, cancellationToken)).Html;

    /// <summary>Text fields and preview follow the story's writing direction (Arabic, Persian, Hebrew), not the UI's.</summary>
    public string Direction => System.Globalization.CultureInfo.GetCultureInfo(Culture).TextInfo.IsRightToLeft ? "rtl" : "ltr";
}
