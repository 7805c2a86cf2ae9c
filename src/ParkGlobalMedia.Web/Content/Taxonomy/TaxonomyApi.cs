using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Caching;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Platform.Http;

namespace ParkGlobalMedia.Content.Taxonomy;

public sealed record CultureView(string Code, string EnglishName, string NativeName, string Direction);

public sealed record CategoryView(string Key, IReadOnlyDictionary<string, string> Names);

public sealed record CampaignView(string Key, IReadOnlyDictionary<string, string> Names, DateOnly StartsOn, DateOnly EndsOn, string? Hashtag, string? Owner);

/// <summary>Reference data API clients need to build filters and labels: cultures, categories, campaigns.</summary>
public static class TaxonomyApi
{
    public static IEndpointRouteBuilder MapTaxonomyApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1").WithTags("Reference data");
        api.MapGet("/cultures", CulturesAsync).WithName("ListCultures").CacheForAnonymousReaders().WithSummary("Cultures enabled on the platform, with writing direction.");
        api.MapGet("/categories", CategoriesAsync).WithName("ListCategories").CacheForAnonymousReaders().WithSummary("Story categories with names per culture.");
        api.MapGet("/campaigns", CampaignsAsync).WithName("ListCampaigns").CacheForAnonymousReaders()
            .WithSummary("Campaigns (annual events, IP); enterprise= limits to the centre's and that enterprise's own.");
        api.MapGet("/campaigns/{key}", CampaignAsync).WithName("GetCampaign").CacheForAnonymousReaders()
            .WithSummary("One campaign; its ETag is what updates send in If-Match.");
        api.MapPost("/campaigns", CreateCampaignAsync).WithName("CreateCampaign").RequireScope(TokenScopes.ContentWrite)
            .WithSummary("Create a campaign: the centre's (no owner; curators, admins) or an enterprise's own (its editors).");
        api.MapPut("/campaigns/{key}", UpdateCampaignAsync).WithName("UpdateCampaign").RequireScope(TokenScopes.ContentWrite)
            .WithSummary("Change a campaign's names, dates, hashtag or owner (needs If-Match).");
        return routes;
    }

    private static async Task<ETaggedJson<List<CultureView>>> CulturesAsync(CultureCatalog cultures, CancellationToken cancellationToken) =>
        ETagged.Json((await cultures.AllAsync(cancellationToken))
            .Select(c => new CultureView(c.Code, c.EnglishName, c.NativeName, c.IsRightToLeft ? "rtl" : "ltr")).ToList());

    private static async Task<ETaggedJson<List<CategoryView>>> CategoriesAsync(AppDbContext db, CancellationToken cancellationToken) =>
        ETagged.Json((await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(cancellationToken))
            .Select(c => new CategoryView(c.Key, c.Names)).ToList());

    private static async Task<Results<ETaggedJson<CampaignView>, ProblemHttpResult>> CampaignAsync(string key, AppDbContext db, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Key == key, cancellationToken);
        return campaign is null
            ? Failure.NotFound($"Campaign '{key}' does not exist.").ToProblem()
            : ETagged.Json(await ViewAsync(db, campaign, cancellationToken), CampaignService.ETag(campaign));
    }

    private static async Task<Results<Created<CampaignView>, ProblemHttpResult>> CreateCampaignAsync(
        CampaignInput input, CallerContext caller, CampaignService campaigns, AppDbContext db, CancellationToken cancellationToken)
    {
        var saved = await campaigns.SaveAsync(caller, null, input, null, cancellationToken);
        return saved.Succeeded
            ? TypedResults.Created($"/api/v1/campaigns/{saved.Value!.Key}", await ViewAsync(db, saved.Value, cancellationToken))
            : saved.Failure!.ToProblem();
    }

    private static async Task<Results<Ok<CampaignView>, ProblemHttpResult>> UpdateCampaignAsync(
        string key, CampaignInput input, [FromHeader(Name = "If-Match")] string? ifMatch, CallerContext caller, CampaignService campaigns,
        AppDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var saved = await campaigns.SaveAsync(caller, key, input, ifMatch, cancellationToken);
        if (!saved.Succeeded)
        {
            return saved.Failure!.ToProblem();
        }

        http.Response.Headers.ETag = CampaignService.ETag(saved.Value!);
        return TypedResults.Ok(await ViewAsync(db, saved.Value!, cancellationToken));
    }

    private static async Task<CampaignView> ViewAsync(AppDbContext db, Campaign c, CancellationToken cancellationToken) =>
        new(c.Key, c.Names, c.StartsOn, c.EndsOn, c.Hashtag,
            c.OwnerEnterpriseId is { } owner ? await db.Enterprises.Where(e => e.Id == owner).Select(e => e.Slug).FirstAsync(cancellationToken) : null);

    private static async Task<Results<ETaggedJson<List<CampaignView>>, ProblemHttpResult>> CampaignsAsync(
        string? enterprise, AppDbContext db, CancellationToken cancellationToken)
    {
        var owners = await db.Enterprises.AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.Slug, cancellationToken);
        var campaigns = db.Campaigns.AsNoTracking();
        if (enterprise is not null)
        {
            var id = owners.FirstOrDefault(o => o.Value == enterprise).Key;
            if (id == Guid.Empty)
            {
                return Failure.NotFound($"Enterprise '{enterprise}' does not exist.").ToProblem();
            }

            campaigns = campaigns.Where(c => c.OwnerEnterpriseId == null || c.OwnerEnterpriseId == id);
        }

        var list = await campaigns.OrderByDescending(c => c.StartsOn).ToListAsync(cancellationToken);
        return ETagged.Json(list.Select(c => new CampaignView(c.Key, c.Names, c.StartsOn, c.EndsOn, c.Hashtag,
            c.OwnerEnterpriseId is { } owner ? owners.GetValueOrDefault(owner) : null)).ToList());
    }
}
