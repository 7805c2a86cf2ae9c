using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Caching;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Platform.Http;

namespace ParkGlobalMedia.Content.Enterprises;

public static class EnterpriseApi
{
    public static IEndpointRouteBuilder MapEnterpriseApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/enterprises").WithTags("Enterprises");
        api.MapGet("/", ListAsync).WithName("ListEnterprises").CacheForAnonymousReaders().WithSummary("All member enterprises and their site settings.");
        api.MapGet("/{slug}", GetAsync).WithName("GetEnterprise").CacheForAnonymousReaders().WithSummary("One enterprise; its ETag is what updates send in If-Match.");
        api.MapPost("/", CreateAsync).WithName("CreateEnterprise").RequireScope(TokenScopes.Admin)
            .WithSummary("Add a member enterprise (platform admins).");
        api.MapPut("/{slug}", UpdateAsync).WithName("UpdateEnterprise").RequireScope(TokenScopes.Admin)
            .WithSummary("Change an enterprise's names, cultures, fallback chain, theme, host or social links (admins and centre curators).");
        return routes;
    }

    private static async Task<ETaggedJson<List<EnterpriseView>>> ListAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var enterprises = await db.Enterprises.AsNoTracking().OrderBy(e => e.Slug).ToListAsync(cancellationToken);
        return ETagged.Json(enterprises.Select(EnterpriseView.From).ToList());
    }

    private static async Task<Results<ETaggedJson<EnterpriseView>, ProblemHttpResult>> GetAsync(string slug, AppDbContext db, CancellationToken cancellationToken)
    {
        var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Slug == slug, cancellationToken);
        if (enterprise is null)
        {
            return Failure.NotFound($"Enterprise '{slug}' does not exist.").ToProblem();
        }

        var view = EnterpriseView.From(enterprise);
        return ETagged.Json(view, view.ETag);
    }

    private static async Task<Results<Created<EnterpriseView>, ProblemHttpResult>> CreateAsync(
        EnterpriseInput input, CallerContext caller, EnterpriseService service, CancellationToken cancellationToken)
    {
        var created = await service.CreateAsync(caller, input, cancellationToken);
        return created.Succeeded
            ? TypedResults.Created($"/api/v1/enterprises/{created.Value!.Slug}", EnterpriseView.From(created.Value))
            : created.Failure!.ToProblem();
    }

    private static async Task<Results<Ok<EnterpriseView>, ProblemHttpResult>> UpdateAsync(
        string slug, EnterpriseInput input, [FromHeader(Name = "If-Match")] string? ifMatch,
        CallerContext caller, EnterpriseService service, HttpContext http, CancellationToken cancellationToken)
    {
        var updated = await service.UpdateAsync(caller, slug, input, ifMatch, cancellationToken);
        if (!updated.Succeeded)
        {
            return updated.Failure!.ToProblem();
        }

        var view = EnterpriseView.From(updated.Value!);
        http.Response.Headers.ETag = view.ETag;
        return TypedResults.Ok(view);
    }
}
