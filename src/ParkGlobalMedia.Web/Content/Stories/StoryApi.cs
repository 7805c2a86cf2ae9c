using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform.Caching;
using ParkGlobalMedia.Platform.Http;

namespace ParkGlobalMedia.Content.Stories;

/// <summary>The headless story API: published reads for everyone, drafts and workflow for authorised callers.</summary>
public static class StoryApi
{
    public static IEndpointRouteBuilder MapStoryApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/stories").WithTags("Stories");

        api.MapGet("/", ListAsync).WithName("ListStories").CacheForAnonymousReaders()
            .WithSummary("List stories: published ones for everyone; view=working (or a state filter) lists drafts the caller may see. culture=source lists each story once, in its source culture.");
        api.MapPost("/", CreateAsync).WithName("CreateStory").RequireScope(TokenScopes.ContentWrite)
            .WithSummary("Create a story with its source-culture variant as a draft.");
        api.MapGet("/{storyId:guid}", GetSummaryAsync).WithName("GetStory")
            .WithSummary("A story's classification and the cultures it exists in.");
        api.MapPut("/{storyId:guid}", UpdateStoryAsync).WithName("UpdateStory").RequireScope(TokenScopes.ContentWrite)
            .WithSummary("Change category, tags, campaign or cover (needs If-Match with the story ETag).");
        api.MapGet("/{storyId:guid}/{culture}", GetPublishedAsync).WithName("GetPublishedStory").CacheForAnonymousReaders()
            .WithSummary("The published variant in a culture (Markdown and HTML), following the site's culture fallback chain unless fallback=false.");
        api.MapGet("/{storyId:guid}/{culture}/draft", GetWorkingAsync).WithName("GetWorkingStory").RequireScope(TokenScopes.ContentRead)
            .WithSummary("The working copy of a variant with its workflow state; its ETag is what writes send in If-Match.");
        api.MapPut("/{storyId:guid}/{culture}/draft", SaveDraftAsync).WithName("SaveDraft").RequireScope(TokenScopes.ContentWrite)
            .WithSummary("Save new text as a new version. Creates the culture's variant when it does not exist yet (no If-Match needed then).");
        api.MapPost("/{storyId:guid}/{culture}/transitions", TransitionAsync).WithName("TransitionStory").RequireScope(TokenScopes.ContentWrite)
            .WithSummary("Move the variant through the workflow: submit, withdraw, approve, reject, publish, archive, reopen.");
        api.MapPut("/{storyId:guid}/{culture}/schedule", ScheduleAsync).WithName("ScheduleStory").RequireScope(TokenScopes.ContentWrite)
            .WithSummary("Set or clear the scheduled publish and archive times.");
        api.MapGet("/{storyId:guid}/{culture}/versions", VersionsAsync).WithName("ListVersions").RequireScope(TokenScopes.ContentRead)
            .WithSummary("Every saved version of the variant, newest first.");
        api.MapGet("/{storyId:guid}/{culture}/versions/{number:int}", VersionAsync).WithName("GetVersion").RequireScope(TokenScopes.ContentRead)
            .WithSummary("One saved version.");
        api.MapPost("/{storyId:guid}/{culture}/versions/{number:int}/restore", RestoreAsync).WithName("RestoreVersion").RequireScope(TokenScopes.ContentWrite)
            .WithSummary("Copy an old version into a new draft.");
        api.MapGet("/{storyId:guid}/{culture}/diff", DiffAsync).WithName("DiffVersions").RequireScope(TokenScopes.ContentRead)
            .WithSummary("Field and line differences between two versions.");
        api.MapGet("/{storyId:guid}/{culture}/history", HistoryAsync).WithName("StoryHistory").RequireScope(TokenScopes.ContentRead)
            .WithSummary("Workflow transitions with actor, time and comment.");

        routes.MapGet("/api/v1/enterprises/{enterprise}/stories/{culture}/{slug}", FindBySlugAsync).CacheForAnonymousReaders()
            .WithTags("Stories").WithName("GetPublishedStoryBySlug")
            .WithSummary("The published story behind a public URL: enterprise, culture and slug.");
        return routes;
    }

    private static async Task<Results<ETaggedJson<StoryPage>, ProblemHttpResult>> ListAsync(
        [AsParameters] StoryListQuery query, CallerContext caller, StoryQueries stories, CancellationToken cancellationToken)
    {
        var page = await stories.ListAsync(caller, query, cancellationToken);
        return page.Succeeded ? ETagged.Json(page.Value!, isPublic: !caller.IsAuthenticated) : page.Failure!.ToProblem();
    }

    private static async Task<Results<Created<WorkingStory>, ProblemHttpResult>> CreateAsync(
        CreateStoryRequest request, CallerContext caller, StoryService service, StoryQueries stories, HttpContext http, CancellationToken cancellationToken)
    {
        var created = await service.CreateAsync(caller, request, cancellationToken);
        if (!created.Succeeded)
        {
            return created.Failure!.ToProblem();
        }

        var view = (await stories.GetWorkingAsync(caller, created.Value!.StoryId, created.Value.Culture, cancellationToken)).Value!;
        http.Response.Headers.ETag = view.ETag;
        return TypedResults.Created($"/api/v1/stories/{view.StoryId}/{view.Culture}/draft", view);
    }

    private static async Task<Results<ETaggedJson<StorySummary>, ProblemHttpResult>> GetSummaryAsync(
        Guid storyId, CallerContext caller, StoryQueries stories, CancellationToken cancellationToken)
    {
        var summary = await stories.GetSummaryAsync(caller, storyId, cancellationToken);
        return summary.Succeeded ? ETagged.Json(summary.Value!, summary.Value!.ETag, isPublic: !caller.IsAuthenticated) : summary.Failure!.ToProblem();
    }

    private static async Task<Results<Ok<StorySummary>, ProblemHttpResult>> UpdateStoryAsync(
        Guid storyId, UpdateStoryRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        CallerContext caller, StoryService service, StoryQueries stories, HttpContext http, CancellationToken cancellationToken)
    {
        var updated = await service.UpdateStoryAsync(caller, storyId, request, ifMatch, cancellationToken);
        if (!updated.Succeeded)
        {
            return updated.Failure!.ToProblem();
        }

        var view = (await stories.GetSummaryAsync(caller, storyId, cancellationToken)).Value!;
        http.Response.Headers.ETag = view.ETag;
        return TypedResults.Ok(view);
    }

    private static async Task<Results<ETaggedJson<PublishedStory>, ProblemHttpResult>> GetPublishedAsync(
        Guid storyId, string culture, bool? fallback, StoryQueries stories, HttpContext http, CancellationToken cancellationToken)
    {
        var story = await stories.GetPublishedAsync(storyId, culture, fallback ?? true, cancellationToken);
        if (!story.Succeeded)
        {
            return story.Failure!.ToProblem();
        }

        http.Response.Headers.ContentLanguage = story.Value!.Culture;
        return ETagged.Json(story.Value);
    }

    private static async Task<Results<ETaggedJson<PublishedStory>, ProblemHttpResult>> FindBySlugAsync(
        string enterprise, string culture, string slug, StoryQueries stories, HttpContext http, CancellationToken cancellationToken)
    {
        var canonical = ParkGlobalMedia.Platform.Cultures.Culture.Normalize(culture) ?? culture;
        var storyId = await stories.FindPublishedBySlugAsync(enterprise, canonical, slug, cancellationToken);
        if (storyId is null)
        {
            return ParkGlobalMedia.Platform.Failure.NotFound($"No published story '{slug}' in {culture} for enterprise '{enterprise}'.").ToProblem();
        }

        return await GetPublishedAsync(storyId.Value, canonical, fallback: false, stories, http, cancellationToken);
    }

    private static async Task<Results<ETaggedJson<WorkingStory>, ProblemHttpResult>> GetWorkingAsync(
        Guid storyId, string culture, CallerContext caller, StoryQueries stories, CancellationToken cancellationToken)
    {
        var story = await stories.GetWorkingAsync(caller, storyId, culture, cancellationToken);
        return story.Succeeded ? ETagged.Json(story.Value!, story.Value!.ETag, isPublic: false) : story.Failure!.ToProblem();
    }

    private static Task<Results<Ok<WorkingStory>, ProblemHttpResult>> SaveDraftAsync(
        Guid storyId, string culture, VariantContent content, [FromHeader(Name = "If-Match")] string? ifMatch,
        CallerContext caller, StoryService service, StoryQueries stories, HttpContext http, CancellationToken cancellationToken) =>
        WorkingResultAsync(service.SaveDraftAsync(caller, storyId, culture, content, ifMatch, cancellationToken), caller, stories, http, cancellationToken);

    private static Task<Results<Ok<WorkingStory>, ProblemHttpResult>> TransitionAsync(
        Guid storyId, string culture, TransitionRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        CallerContext caller, StoryService service, StoryQueries stories, HttpContext http, CancellationToken cancellationToken) =>
        WorkingResultAsync(service.TransitionAsync(caller, storyId, culture, request, ifMatch, cancellationToken), caller, stories, http, cancellationToken);

    private static Task<Results<Ok<WorkingStory>, ProblemHttpResult>> ScheduleAsync(
        Guid storyId, string culture, ScheduleRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        CallerContext caller, StoryService service, StoryQueries stories, HttpContext http, CancellationToken cancellationToken) =>
        WorkingResultAsync(service.ScheduleAsync(caller, storyId, culture, request, ifMatch, cancellationToken), caller, stories, http, cancellationToken);

    private static Task<Results<Ok<WorkingStory>, ProblemHttpResult>> RestoreAsync(
        Guid storyId, string culture, int number, [FromHeader(Name = "If-Match")] string? ifMatch,
        CallerContext caller, StoryService service, StoryQueries stories, HttpContext http, CancellationToken cancellationToken) =>
        WorkingResultAsync(service.RestoreAsync(caller, storyId, culture, number, ifMatch, cancellationToken), caller, stories, http, cancellationToken);

    private static async Task<Results<Ok<IReadOnlyList<VersionInfo>>, ProblemHttpResult>> VersionsAsync(
        Guid storyId, string culture, CallerContext caller, StoryQueries stories, CancellationToken cancellationToken)
    {
        var versions = await stories.VersionsAsync(caller, storyId, culture, cancellationToken);
        return versions.Succeeded ? TypedResults.Ok(versions.Value!) : versions.Failure!.ToProblem();
    }

    private static async Task<Results<Ok<VersionDetail>, ProblemHttpResult>> VersionAsync(
        Guid storyId, string culture, int number, CallerContext caller, StoryQueries stories, CancellationToken cancellationToken)
    {
        var version = await stories.VersionAsync(caller, storyId, culture, number, cancellationToken);
        return version.Succeeded ? TypedResults.Ok(version.Value!) : version.Failure!.ToProblem();
    }

    private static async Task<Results<Ok<VersionDiff>, ProblemHttpResult>> DiffAsync(
        Guid storyId, string culture, int from, int to, CallerContext caller, StoryQueries stories, CancellationToken cancellationToken)
    {
        var diff = await stories.DiffAsync(caller, storyId, culture, from, to, cancellationToken);
        return diff.Succeeded ? TypedResults.Ok(diff.Value!) : diff.Failure!.ToProblem();
    }

    private static async Task<Results<Ok<IReadOnlyList<TransitionInfo>>, ProblemHttpResult>> HistoryAsync(
        Guid storyId, string culture, CallerContext caller, StoryQueries stories, CancellationToken cancellationToken)
    {
        var history = await stories.HistoryAsync(caller, storyId, culture, cancellationToken);
        return history.Succeeded ? TypedResults.Ok(history.Value!) : history.Failure!.ToProblem();
    }

    /// <summary>Writes answer with the fresh working view and its ETag, so the client can chain the next write.</summary>
    private static async Task<Results<Ok<WorkingStory>, ProblemHttpResult>> WorkingResultAsync(
        Task<ParkGlobalMedia.Platform.Outcome<StoryVariant>> operation, CallerContext caller, StoryQueries stories, HttpContext http, CancellationToken cancellationToken)
    {
        var outcome = await operation;
        if (!outcome.Succeeded)
        {
            return outcome.Failure!.ToProblem();
        }

        var view = (await stories.GetWorkingAsync(caller, outcome.Value!.StoryId, outcome.Value.Culture, cancellationToken)).Value!;
        http.Response.Headers.ETag = view.ETag;
        return TypedResults.Ok(view);
    }
}
