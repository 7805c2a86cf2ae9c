using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Admin;
using ParkGlobalMedia.Content;
using ParkGlobalMedia.Content.Stories;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Translation.Jobs;

namespace ParkGlobalMedia.Translation.Review.Admin;

/// <summary>
/// A story's translations: where each culture stands, "translate into…" (cultures, provider, replace), and the latest
/// job's progress per culture, which the page refreshes by itself while the job runs (and without script on reload).
/// </summary>
public sealed class StoryTranslationsModel(StoryQueries stories, StoryService storyService, TranslationJobs jobs, TranslationReview review, AppDbContext db) : AdminPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    [BindProperty] public List<string> Targets { get; set; } = [];
    [BindProperty] public string? Provider { get; set; }
    [BindProperty] public bool ReplaceExisting { get; set; }

    public StorySummary Story { get; private set; } = null!;
    public string Title { get; private set; } = "";
    public IReadOnlyList<TranslationView> Cultures { get; private set; } = [];
    public IReadOnlyList<ProviderInfo> Providers => jobs.Providers.Where(p => p.IsConfigured).ToList();
    public TranslationJob? LatestJob { get; private set; }
    public bool CanStart { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFoundPage();

    /// <summary>The progress region alone, for the page's script to poll while a job runs.</summary>
    public async Task<IActionResult> OnGetProgressAsync(CancellationToken cancellationToken)
    {
        if (await stories.GetSummaryAsync(await CallerAsync(), Id, cancellationToken) is not { Succeeded: true })
        {
            return NotFound();
        }

        LatestJob = (await jobs.ForStoryAsync(Id, 1, cancellationToken)).FirstOrDefault();
        return Partial("_JobProgress", this);
    }

    public async Task<IActionResult> OnPostStartAsync(CancellationToken cancellationToken)
    {
        var started = await jobs.StartAsync(await CallerAsync(), Id, new StartTranslationRequest(Targets, Provider, ReplaceExisting), cancellationToken);
        if (started.Succeeded)
        {
            Notice = T["translation.started"];
            return Redirect($"/admin/stories/{Id}/translations");
        }

        if (!await LoadAsync(cancellationToken))
        {
            return NotFoundPage();
        }

        Show(started.Failure!);
        Response.StatusCode = Platform.Http.ProblemResults.StatusCode(started.Failure!.Kind);
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
        var story = await storyService.LoadStoryAsync(caller, Id, cancellationToken);
        Title = story!.Variants.First(v => v.Culture == story.SourceCulture).WorkingVersion?.Title ?? "";
        CanStart = ContentPermissions.CanEdit(caller, story.EnterpriseId);
        var views = new List<TranslationView>();
        foreach (var culture in await EnterpriseCulturesAsync(story, cancellationToken))
        {
            if ((await review.GetAsync(caller, Id, culture, cancellationToken)).Value is { } view)
            {
                views.Add(view);
            }
        }

        Cultures = views;
        LatestJob = (await jobs.ForStoryAsync(Id, 1, cancellationToken)).FirstOrDefault();
        return true;
    }

    private async Task<IReadOnlyList<string>> EnterpriseCulturesAsync(Story story, CancellationToken cancellationToken)
    {
        var cultures = await db.Enterprises.Where(e => e.Id == story.EnterpriseId).Select(e => e.Cultures).FirstAsync(cancellationToken);
        return cultures.Where(c => c != story.SourceCulture).ToList();
    }
}
