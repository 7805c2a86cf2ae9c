using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Content;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Platform.Http;

namespace ParkGlobalMedia.Sites.Analytics;

public sealed record DailyViews(DateOnly Day, string Culture, long Views);

public sealed record StoryViews(
    Guid StoryId, DateOnly From, DateOnly To, long Total, IReadOnlyDictionary<string, long> ByCulture, IReadOnlyList<DailyViews> Days);

/// <summary>Page view counts for the people who may read a story's drafts.</summary>
public static class AnalyticsApi
{
    public const int DefaultDays = 30;
    public const int MaxDays = 366;

    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/stories/{storyId:guid}/views", GetStoryViewsAsync)
            .RequireScope(TokenScopes.ContentRead)
            .WithTags("Stories").WithName("GetStoryViews")
            .WithSummary($"Page views per UTC day and culture, with totals. from/to are yyyy-MM-dd, inclusive; default the last {DefaultDays} days, at most {MaxDays}.");
        return routes;
    }

    private static async Task<Results<Ok<StoryViews>, ProblemHttpResult>> GetStoryViewsAsync(
        Guid storyId, string? from, string? to, CallerContext caller, AppDbContext db, PageViewQueries views, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var enterpriseId = await db.Stories.AsNoTracking().Where(s => s.Id == storyId)
            .Select(s => (Guid?)s.EnterpriseId).FirstOrDefaultAsync(cancellationToken);
        if (enterpriseId is null || !ContentPermissions.CanReadDrafts(caller, enterpriseId.Value))
        {
            // Same answer as the story API: whether a story exists is not told to those who may not see it.
            return Failure.NotFound($"Story {storyId} does not exist or you may not see it.").ToProblem();
        }

        var range = ParseRange(from, to, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (!range.Succeeded)
        {
            return range.Failure!.ToProblem();
        }

        var (first, last) = range.Value;
        var days = (await views.DailyAsync(storyId, first, last, cancellationToken))
            .Select(d => new DailyViews(d.Day, d.Culture, d.Views)).ToList();
        var byCulture = days.GroupBy(d => d.Culture, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(d => d.Views), StringComparer.Ordinal);
        return TypedResults.Ok(new StoryViews(storyId, first, last, days.Sum(d => d.Views), byCulture, days));
    }

    /// <summary>Either bound defaults to the other (or today): to = today, from = to − 29 days.</summary>
    internal static Outcome<(DateOnly From, DateOnly To)> ParseRange(string? from, string? to, DateOnly today)
    {
        var errors = new ValidationErrors();
        var last = Parse("to", to, errors) ?? today;
        var first = Parse("from", from, errors) ?? last.AddDays(1 - DefaultDays);
        if (errors.IsEmpty && first > last)
        {
            errors.Add("from", $"from ({first:yyyy-MM-dd}) is after to ({last:yyyy-MM-dd}).");
        }
        else if (errors.IsEmpty && last.DayNumber - first.DayNumber + 1 > MaxDays)
        {
            errors.Add("to", $"The range covers {last.DayNumber - first.DayNumber + 1} days; the limit is {MaxDays}.");
        }

        return errors.IsEmpty ? (first, last) : errors.ToFailure();
    }

    private static DateOnly? Parse(string field, string? value, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors.Add(field, $"{field} must be a date like 2026-01-31.");
        return null;
    }
}
