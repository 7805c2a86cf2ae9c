using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Content;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Platform.Http;
using ParkGlobalMedia.Translation.Budgets;
using ParkGlobalMedia.Translation.Memory;
using ParkGlobalMedia.Translation.Review;

namespace ParkGlobalMedia.Translation.Jobs;

/// <summary>
/// /api/v1: translation jobs ("translate into…"), the review of each target culture, and budgets. Approval and
/// publishing go through the story workflow (<c>POST /api/v1/stories/{id}/{culture}/transitions</c>), which refuses
/// translations with blocking QA errors or test output.
/// </summary>
public static class TranslationApi
{
    public sealed record BudgetView(string Enterprise, IReadOnlyList<BudgetStatus> Providers);

    public static IEndpointRouteBuilder MapTranslationApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1").WithTags("Translation");
        api.MapGet("/translation-providers", (TranslationJobs jobs) => TypedResults.Ok(jobs.Providers))
            .WithName("ListTranslationProviders").RequireScope(TokenScopes.ContentRead)
            .WithSummary("The machine translation providers, whether each is paid, test-only and configured; plus \"manual\".");
        api.MapPost("/stories/{storyId:guid}/translations", StartAsync).WithName("StartTranslation").RequireScope(TokenScopes.ContentWrite)
            .WithSummary("Translate the story's source into target cultures in the background. 202 with the job; 409 when the budget cannot cover it or a target has text of its own.");
        api.MapGet("/translation-jobs/{jobId:guid}", GetJobAsync).WithName("GetTranslationJob").RequireScope(TokenScopes.ContentRead)
            .WithSummary("A job's state and progress per target culture.");
        api.MapGet("/stories/{storyId:guid}/translation-jobs", ListJobsAsync).WithName("ListTranslationJobs").RequireScope(TokenScopes.ContentRead)
            .WithSummary("The story's latest 20 translation jobs, newest first.");
        api.MapGet("/stories/{storyId:guid}/translations/{culture}", GetTranslationAsync).WithName("GetTranslation").RequireScope(TokenScopes.ContentRead)
            .WithSummary("Side by side: each source segment with its translation, provenance, glossary hits and QA findings; review state and ETag.");
        api.MapPut("/stories/{storyId:guid}/translations/{culture}/segments", SaveSegmentsAsync).WithName("SaveTranslationSegments").RequireScope(TokenScopes.ContentWrite)
            .WithSummary("Save translations of segments by id (If-Match: the translation's ETag). They go into the memory; a complete translation becomes one new version of the variant.");
        api.MapGet("/stories/{storyId:guid}/translations/{culture}/segments/{segmentId}/suggestions", SuggestionsAsync).WithName("TranslationSuggestions")
            .RequireScope(TokenScopes.ContentRead).WithSummary("Fuzzy translation-memory matches (≥ 75%) for one segment, with the difference to its source.");
        api.MapGet("/translation-budgets/{enterprise}", BudgetsAsync).WithName("GetTranslationBudgets").RequireScope(TokenScopes.ContentRead)
            .WithSummary("Characters sent to each paid provider this month against the enterprise's budget.");
        return routes;
    }

    private static async Task<Results<Accepted<TranslationJob>, ProblemHttpResult>> StartAsync(
        Guid storyId, StartTranslationRequest request, CallerContext caller, TranslationJobs jobs, CancellationToken cancellationToken)
    {
        var started = await jobs.StartAsync(caller, storyId, request, cancellationToken);
        return started.Succeeded ? TypedResults.Accepted($"/api/v1/translation-jobs/{started.Value!.Id}", started.Value) : started.Failure!.ToProblem();
    }

    private static async Task<Results<Ok<TranslationJob>, ProblemHttpResult>> GetJobAsync(
        Guid jobId, CallerContext caller, TranslationJobs jobs, CancellationToken cancellationToken)
    {
        var job = await jobs.GetAsync(caller, jobId, cancellationToken);
        return job.Succeeded ? TypedResults.Ok(job.Value!) : job.Failure!.ToProblem();
    }

    private static async Task<Results<Ok<List<TranslationJob>>, ProblemHttpResult>> ListJobsAsync(
        Guid storyId, CallerContext caller, Content.Stories.StoryService stories, TranslationJobs jobs, CancellationToken cancellationToken)
    {
        if (await stories.LoadStoryAsync(caller, storyId, cancellationToken) is null)
        {
            return Content.Stories.StoryService.StoryNotFound(storyId).ToProblem();
        }

        return TypedResults.Ok(await jobs.ForStoryAsync(storyId, 20, cancellationToken));
    }

    private static async Task<Results<Ok<TranslationView>, ProblemHttpResult>> GetTranslationAsync(
        Guid storyId, string culture, CallerContext caller, TranslationReview review, HttpContext http, CancellationToken cancellationToken)
    {
        var view = await review.GetAsync(caller, storyId, culture, cancellationToken);
        if (!view.Succeeded)
        {
            return view.Failure!.ToProblem();
        }

        http.Response.Headers.ETag = view.Value!.ETag;
        return TypedResults.Ok(view.Value);
    }

    private static async Task<Results<Ok<TranslationView>, ProblemHttpResult>> SaveSegmentsAsync(
        Guid storyId, string culture, SaveSegmentsRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        CallerContext caller, TranslationReview review, HttpContext http, CancellationToken cancellationToken)
    {
        var saved = await review.SaveAsync(caller, storyId, culture, request, ifMatch, cancellationToken);
        if (!saved.Succeeded)
        {
            return saved.Failure!.ToProblem();
        }

        http.Response.Headers.ETag = saved.Value!.ETag;
        return TypedResults.Ok(saved.Value);
    }

    private static async Task<Results<Ok<IReadOnlyList<MemoryMatch>>, ProblemHttpResult>> SuggestionsAsync(
        Guid storyId, string culture, string segmentId, CallerContext caller, TranslationReview review, CancellationToken cancellationToken)
    {
        var matches = await review.SuggestionsAsync(caller, storyId, culture, segmentId, cancellationToken);
        return matches.Succeeded ? TypedResults.Ok(matches.Value!) : matches.Failure!.ToProblem();
    }

    private static async Task<Results<Ok<BudgetView>, ProblemHttpResult>> BudgetsAsync(
        string enterprise, CallerContext caller, AppDbContext db, TranslationJobs jobs, TranslationBudgets budgets, CancellationToken cancellationToken)
    {
        var found = await db.Enterprises.AsNoTracking().Where(e => e.Slug == enterprise).Select(e => new { e.Id, e.Slug }).FirstOrDefaultAsync(cancellationToken);
        if (found is null || !ContentPermissions.CanReadDrafts(caller, found.Id))
        {
            return Platform.Failure.NotFound($"There is no enterprise '{enterprise}' whose budgets you can read.").ToProblem();
        }

        var statuses = new List<BudgetStatus>();
        foreach (var provider in jobs.Providers.Where(p => p.IsPaid))
        {
            statuses.Add(await budgets.StatusAsync(found.Id, found.Slug, provider.Name, cancellationToken));
        }

        return TypedResults.Ok(new BudgetView(found.Slug, statuses));
    }
}
