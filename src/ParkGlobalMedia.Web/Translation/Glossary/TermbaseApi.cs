using Microsoft.AspNetCore.Http.HttpResults;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Http;

namespace ParkGlobalMedia.Translation.Glossary;

/// <summary>/api/v1/termbases/{termbase}/terms: "shared" (the centre's) or an enterprise slug.</summary>
public static class TermbaseApi
{
    public static IEndpointRouteBuilder MapTermbaseApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/termbases/{termbase}").WithTags("Termbases");
        api.MapGet("/terms", ListAsync).WithName("ListTerms").RequireScope(TokenScopes.ContentRead)
            .WithSummary("The terms of a termbase (\"shared\" or an enterprise slug); q filters by source or translation.");
        api.MapPut("/terms", SaveAsync).WithName("SaveTerm").RequireScope(TokenScopes.ContentWrite)
            .WithSummary("Add a term, or change the one with the same source text and culture.");
        api.MapDelete("/terms/{id:guid}", DeleteAsync).WithName("DeleteTerm").RequireScope(TokenScopes.ContentWrite)
            .WithSummary("Remove a term.");
        api.MapGet("/terms.csv", (string termbase, CallerContext caller, Termbase terms, CancellationToken ct) => ExportAsync(termbase, caller, terms, terms.ExportCsvAsync, ct)).WithName("ExportTerms").RequireScope(TokenScopes.ContentRead)
            .WithSummary("The termbase as CSV (UTF-8): source_culture, source, do_not_translate, part_of_speech, note, target:{culture}…, forbidden:{culture}….");
        api.MapPost("/terms.csv", (string termbase, HttpRequest request, CallerContext caller, Termbase terms, CancellationToken ct) => ImportAsync(termbase, request, caller, terms, terms.ImportCsvAsync, ct)).WithName("ImportTerms").RequireScope(TokenScopes.ContentWrite)
            .Accepts<string>("text/csv")
            .WithSummary("Import CSV in that shape, all or nothing: a bad row is named by its line and nothing is saved.");
        api.MapGet("/terms.tbx", (string termbase, CallerContext caller, Termbase terms, CancellationToken ct) => ExportAsync(termbase, caller, terms, terms.ExportTbxAsync, ct)).WithName("ExportTermsTbx").RequireScope(TokenScopes.ContentRead)
            .WithSummary("The termbase as TBX-Basic (ISO 30042, DCA): preferred terms as translations, deprecated ones as forbidden.");
        api.MapPost("/terms.tbx", (string termbase, HttpRequest request, CallerContext caller, Termbase terms, CancellationToken ct) => ImportAsync(termbase, request, caller, terms, terms.ImportTbxAsync, ct)).WithName("ImportTermsTbx").RequireScope(TokenScopes.ContentWrite)
            .Accepts<string>("application/x-tbx+xml", "application/xml")
            .WithSummary("Import TBX-Basic (DCA, or older files without the namespace), all or nothing: a bad entry is named by its line.");
        return routes;
    }

    private static async Task<Results<Ok<List<TermView>>, ProblemHttpResult>> ListAsync(
        string termbase, string? q, CallerContext caller, Termbase terms, CancellationToken cancellationToken)
    {
        var opened = await terms.OpenAsync(caller, termbase, write: false, cancellationToken);
        if (!opened.Succeeded)
        {
            return opened.Failure!.ToProblem();
        }

        var list = await terms.ListAsync(opened.Value.EnterpriseId, q, cancellationToken);
        return TypedResults.Ok(list.Select(t => TermView.From(t, opened.Value.Name)).ToList());
    }

    private static async Task<Results<Ok<TermView>, ProblemHttpResult>> SaveAsync(
        string termbase, TermInput input, CallerContext caller, Termbase terms, CancellationToken cancellationToken)
    {
        var opened = await terms.OpenAsync(caller, termbase, write: true, cancellationToken);
        if (!opened.Succeeded)
        {
            return opened.Failure!.ToProblem();
        }

        var saved = await terms.SaveAsync(opened.Value.EnterpriseId, input, cancellationToken);
        return saved.Succeeded ? TypedResults.Ok(TermView.From(saved.Value!, opened.Value.Name)) : saved.Failure!.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string termbase, Guid id, CallerContext caller, Termbase terms, CancellationToken cancellationToken)
    {
        var opened = await terms.OpenAsync(caller, termbase, write: true, cancellationToken);
        if (!opened.Succeeded)
        {
            return opened.Failure!.ToProblem();
        }

        var deleted = await terms.DeleteAsync(opened.Value.EnterpriseId, id, cancellationToken);
        return deleted.Succeeded ? TypedResults.NoContent() : deleted.Failure!.ToProblem();
    }

    /// <summary>A termbase file out, in the given format's shape (CSV or TBX), for whoever may read the termbase.</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        string termbase, CallerContext caller, Termbase terms, Func<Guid?, string, CancellationToken, Task<ExportFile>> export, CancellationToken cancellationToken)
    {
        var opened = await terms.OpenAsync(caller, termbase, write: false, cancellationToken);
        if (!opened.Succeeded)
        {
            return opened.Failure!.ToProblem();
        }

        var file = await export(opened.Value.EnterpriseId, opened.Value.Name, cancellationToken);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>A termbase file in (CSV or TBX), all or nothing, for whoever may change the termbase.</summary>
    private static async Task<Results<Ok<ImportResult>, ProblemHttpResult>> ImportAsync(
        string termbase, HttpRequest request, CallerContext caller, Termbase terms, Func<Guid?, Stream, CancellationToken, Task<Outcome<int>>> import,
        CancellationToken cancellationToken)
    {
        var opened = await terms.OpenAsync(caller, termbase, write: true, cancellationToken);
        if (!opened.Succeeded)
        {
            return opened.Failure!.ToProblem();
        }

        var imported = await import(opened.Value.EnterpriseId, request.Body, cancellationToken);
        return imported.Succeeded ? TypedResults.Ok(new ImportResult(imported.Value)) : imported.Failure!.ToProblem();
    }

    public sealed record ImportResult(int Imported);
}
