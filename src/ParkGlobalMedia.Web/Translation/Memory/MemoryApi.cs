using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Platform.Http;
using ParkGlobalMedia.Translation.Glossary;

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
        string memory, string? sourceCulture, string? targetCulture, CallerContext caller, AppDbContext db, CancellationToken cancellationToken)
    {
        var opened = await TranslationResources.OpenAsync(db, caller, memory, "memory", write: false, cancellationToken);
        if (!opened.Succeeded)
        {
            return opened.Failure!.ToProblem();
        }

        var scope = Term.ScopeOf(opened.Value.EnterpriseId);
        var units = db.Set<MemoryUnit>().AsNoTracking().Where(u => u.Scope == scope);
        if (Culture.Normalize(sourceCulture) is { } from)
        {
            units = units.Where(u => u.SourceCulture == from);
        }

        if (Culture.Normalize(targetCulture) is { } to)
        {
            units = units.Where(u => u.TargetCulture == to);
        }

        var list = await units.OrderByDescending(u => u.UpdatedAt).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(list.Select(UnitView.From).ToList());
    }

    private static async Task<Results<Ok<UnitView>, ProblemHttpResult>> RememberAsync(
        string memory, MemoryInput input, CallerContext caller, AppDbContext db, TranslationMemory memories, CultureCatalog cultures, CancellationToken cancellationToken)
    {
        var opened = await TranslationResources.OpenAsync(db, caller, memory, "memory", write: true, cancellationToken);
        if (!opened.Succeeded)
        {
            return opened.Failure!.ToProblem();
        }

        var errors = new ValidationErrors();
        var (from, to) = await CulturesAsync(input.SourceCulture, input.TargetCulture, cultures, errors, cancellationToken);
        if (string.IsNullOrWhiteSpace(input.Source) || string.IsNullOrWhiteSpace(input.Target))
        {
            errors.Add(string.IsNullOrWhiteSpace(input.Source) ? "source" : "target", "source and target are both required (tagged text, as segments carry it).");
        }

        errors.MaxLength("source", input.Source, 20_000);
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
        CultureCatalog cultures, CancellationToken cancellationToken)
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

        var errors = new ValidationErrors();
        var (from, to) = await CulturesAsync(sourceCulture, targetCulture, cultures, errors, cancellationToken);
        if (string.IsNullOrWhiteSpace(source))
        {
            errors.Add("source", "source is required: the segment's tagged text.");
        }

        errors.MaxLength("source", source, 20_000);
        if (!errors.IsEmpty)
        {
            return errors.ToFailure().ToProblem();
        }

        var exact = await memories.ExactAsync(enterpriseId, from!, to!, [source!], cancellationToken);
        var fuzzy = await memories.FuzzyAsync(enterpriseId, from!, to!, source!, cancellationToken: cancellationToken);
        return TypedResults.Ok(new Matches(exact.TryGetValue(source!, out var unit) ? UnitView.From(unit) : null, fuzzy.Where(f => f.Similarity < 1).ToList()));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        string memory, CallerContext caller, AppDbContext db, CancellationToken cancellationToken)
    {
        var opened = await TranslationResources.OpenAsync(db, caller, memory, "memory", write: false, cancellationToken);
        if (!opened.Succeeded)
        {
            return opened.Failure!.ToProblem();
        }

        var scope = Term.ScopeOf(opened.Value.EnterpriseId);
        var units = await db.Set<MemoryUnit>().AsNoTracking().Where(u => u.Scope == scope).OrderBy(u => u.CreatedAt).ToListAsync(cancellationToken);
        var tmx = MemoryTmx.Write(units, units.Count > 0 ? units[0].SourceCulture : "zh-CN");
        return TypedResults.File(Encoding.UTF8.GetBytes(tmx), "application/x-tmx+xml; charset=utf-8", $"memory-{opened.Value.Name}.tmx");
    }

    private static async Task<Results<Ok<ImportResult>, ProblemHttpResult>> ImportAsync(
        string memory, HttpRequest request, CallerContext caller, AppDbContext db, TranslationMemory memories, CultureCatalog cultures, CancellationToken cancellationToken)
    {
        var opened = await TranslationResources.OpenAsync(db, caller, memory, "memory", write: true, cancellationToken);
        if (!opened.Succeeded)
        {
            return opened.Failure!.ToProblem();
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        body.Position = 0;
        var (units, problem) = MemoryTmx.Read(body);
        if (problem is not null)
        {
            return Failure.Invalid("file", problem).ToProblem();
        }

        var errors = new ValidationErrors();
        var enabled = (await cultures.AllAsync(cancellationToken)).Select(c => c.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var unit in units.Where(u => Culture.Normalize(u.SourceCulture) is not { } s || !enabled.Contains(s) || Culture.Normalize(u.TargetCulture) is not { } t || !enabled.Contains(t)))
        {
            errors.Add("file", $"line {unit.Line}: '{unit.SourceCulture}' → '{unit.TargetCulture}' is not a pair of cultures enabled on this platform.");
        }

        if (!errors.IsEmpty)
        {
            return errors.ToFailure().ToProblem();
        }

        var usable = units.Where(u => u.Source.Length > 0 && u.Target.Length > 0).ToList();
        await memories.LoadForImportAsync(opened.Value.EnterpriseId, usable.Select(u => u.Source), cancellationToken);
        foreach (var unit in usable)
        {
            await memories.RememberAsync(opened.Value.EnterpriseId, Culture.Normalize(unit.SourceCulture)!, Culture.Normalize(unit.TargetCulture)!,
                unit.Source, unit.Target, "import", cancellationToken, loaded: true);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new ImportResult(units.Count));
    }

    private static async Task<(string? From, string? To)> CulturesAsync(
        string? source, string? target, CultureCatalog cultures, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var enabled = (await cultures.AllAsync(cancellationToken)).Select(c => c.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var (from, to) = (Culture.Normalize(source), Culture.Normalize(target));
        if (from is null || !enabled.Contains(from))
        {
            errors.Add("sourceCulture", $"'{source}' is not a culture enabled on this platform.");
        }

        if (to is null || !enabled.Contains(to))
        {
            errors.Add("targetCulture", $"'{target}' is not a culture enabled on this platform.");
        }

        return (from, to);
    }
}
