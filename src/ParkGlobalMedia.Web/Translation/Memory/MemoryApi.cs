using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Platform.Http;

namespace ParkGlobalMedia.Translation.Memory;

/// <summary>/api/v1/memories/{memory}: "shared" or an enterprise slug, with the termbases' permissions.</summary>
public static class MemoryApi
{
    public sealed record MemoryInput(string? SourceCulture, string? TargetCulture, string? Source, string? Target);

    public sealed record UnitView(Guid Id, string SourceCulture, string TargetCulture, string Source, string Target, string Origin, DateTime UpdatedAt)
    {
        public static UnitView From(MemoryUnit unit) => new(unit.Id, unit.SourceCulture, unit.TargetCulture, unit.Source, unit.Target, unit.Origin, unit.UpdatedAt);
    }

    public sealed record Matches(UnitView? Exact, IReadOnlyList<MemoryMatch> Fuzzy);

    public sealed record ImportResult(int Imported);

    public static IEndpointRouteBuilder MapMemoryApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/memories/{memory}").WithTags("Translation memories");
        api.MapGet("/units", ListAsync).WithName("ListMemoryUnits").RequireScope(TokenScopes.ContentRead)
            .WithSummary("The newest 500 units of a memory (\"shared\" or an enterprise slug), optionally for one culture pair.");
        api.MapPut("/units", RememberAsync).WithName("RememberUnit").RequireScope(TokenScopes.ContentWrite)
            .WithSummary("Add a translation unit (tagged text), or replace the one with the same normalized source.");
        api.MapGet("/matches", MatchesAsync).WithName("MemoryMatches").RequireScope(TokenScopes.ContentRead)
            .WithSummary("For an enterprise's memory: the exact match of a source segment and fuzzy ones (≥ 75%) with the difference, own units before shared.");
        api.MapGet("/units.tmx", ExportAsync).WithName("ExportMemory").RequireScope(TokenScopes.ContentRead).WithSummary("The memory as TMX 1.4b.");
        api.MapPost("/units.tmx", ImportAsync).WithName("ImportMemory").RequireScope(TokenScopes.ContentWrite)
            .Accepts<string>("application/x-tmx+xml", "application/xml").WithSummary("Import TMX 1.4b, all or nothing.");
        return routes;
    }

    private static async Task<Results<Ok<List<UnitView>>, ProblemHttpResult>> ListAsync(
        string memory, string? sourceCulture, string? targetCulture, CallerContext caller, AppDbContext db, TranslationMemory memories,
        CancellationToken cancellationToken)
    {
        var opened = await TranslationResources.OpenAsync(db, caller, memory, "memory", write: false, cancellationToken);
        if (!opened.Succeeded)
        {
            return opened.Failure!.ToProblem();
        }

        var list = await memories.Units(opened.Value.EnterpriseId, sourceCulture, targetCulture, null).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(list.Select(UnitView.From).ToList());
    }

    private static async Task<Results<Ok<UnitView>, ProblemHttpResult>> RememberAsync(
        string memory, MemoryInput input, CallerContext caller, AppDbContext db, TranslationMemory memories, CancellationToken cancellationToken)
    {
        var opened = await TranslationResources.OpenAsync(db, caller, memory, "memory", write: true, cancellationToken);
        if (!opened.Succeeded)
        {
            return opened.Failure!.ToProblem();
        }

        var errors = new ValidationErrors();
        var (from, to) = await memories.CheckCulturesAsync(input.SourceCulture, input.TargetCulture, errors, cancellationToken);
        if (string.IsNullOrWhiteSpace(input.Source) || string.IsNullOrWhiteSpace(input.Target))
        {
            errors.Add(string.IsNullOrWhiteSpace(input.Source) ? "source" : "target", "source and target are both required (tagged text, as segments carry it).");
        }

        errors.MaxLength("source", input.Source, TranslationMemory.MaxSourceLength);
        errors.MaxLength("target", input.Target, 40_000);
        if (!errors.IsEmpty)
        {
            return errors.ToFailure().ToProblem();
        }

        var unit = await memories.RememberAsync(opened.Value.EnterpriseId, from!, to!, input.Source!.Trim(), input.Target!.Trim(), "reviewer", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(UnitView.From(unit));
    }

    private static async Task<Results<Ok<Matches>, ProblemHttpResult>> MatchesAsync(
        string memory, string? sourceCulture, string? targetCulture, string? source, CallerContext caller, AppDbContext db, TranslationMemory memories,
        CancellationToken cancellationToken)
    {
        var opened = await TranslationResources.OpenAsync(db, caller, memory, "memory", write: false, cancellationToken);
        if (!opened.Succeeded)
        {
            return opened.Failure!.ToProblem();
        }

        if (opened.Value.EnterpriseId is not { } enterpriseId)
        {
            return Failure.Invalid("memory", "Matches are looked up for an enterprise (its memory, then the shared one): name the enterprise.").ToProblem();
        }

        var found = await memories.LookUpAsync(enterpriseId, sourceCulture, targetCulture, source, cancellationToken);
        return found.Succeeded
            ? TypedResults.Ok(new Matches(found.Value!.Exact is { } unit ? UnitView.From(unit) : null, found.Value.Fuzzy))
            : found.Failure!.ToProblem();
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        string memory, CallerContext caller, AppDbContext db, TranslationMemory memories, CancellationToken cancellationToken)
    {
        var opened = await TranslationResources.OpenAsync(db, caller, memory, "memory", write: false, cancellationToken);
        if (!opened.Succeeded)
        {
            return opened.Failure!.ToProblem();
        }

        var file = await memories.ExportTmxAsync(opened.Value.EnterpriseId, opened.Value.Name, cancellationToken);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<Results<Ok<ImportResult>, ProblemHttpResult>> ImportAsync(
        string memory, HttpRequest request, CallerContext caller, AppDbContext db, TranslationMemory memories, CancellationToken cancellationToken)
    {
        var opened = await TranslationResources.OpenAsync(db, caller, memory, "memory", write: true, cancellationToken);
        if (!opened.Succeeded)
        {
            return opened.Failure!.ToProblem();
        }

        var imported = await memories.ImportTmxAsync(opened.Value.EnterpriseId, request.Body, cancellationToken);
        return imported.Succeeded ? TypedResults.Ok(new ImportResult(imported.Value)) : imported.Failure!.ToProblem();
    }
}
