using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using ParkGlobalMedia.Assets.Api;
using ParkGlobalMedia.Assets.Library;
using ParkGlobalMedia.Assets.Uploads;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform.Http;

namespace ParkGlobalMedia.Assets.Admin;

/// <summary>
/// The admin UI's JSON helpers (cookie session + antiforgery): the upload behind the drag-and-drop panel, the
/// processing status its progress bars poll, and the search behind the story editor's asset picker.
/// </summary>
public static class AssetAdminEndpoints
{
    public sealed record UploadResult(Guid Id, bool Existing, string Href, string FileName);

    public sealed record PickerItem(Guid Id, string Title, string? Alt, string? CreditLine, string? ThumbnailUrl, string Kind, string Licence, string Owner);

    public static IEndpointRouteBuilder MapAssetAdminEndpoints(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/admin/assets").RequireAuthorization().ExcludeFromDescription();
        admin.MapPost("/upload", UploadAsync).DisableAntiforgery(); // validated by hand: the body is the file, not a form
        admin.MapGet("/{id:guid}/status", StatusAsync);
        admin.MapGet("/picker", PickerAsync);
        return routes;
    }

    private static async Task<IResult> UploadAsync(
        string? enterprise, string? fileName, HttpContext http, IAntiforgery antiforgery, AssetService service, IOptions<UploadLimits> limits, CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid form token", detail: "Reload the page and upload again.");
        }

        var caller = await http.CurrentCallerAsync();
        AssetApi.AllowLargeBody(http);
        await using var upload = await UploadSpooler.ReceiveAsync(http.Request.Body, limits.Value, AssetApi.TemporaryFolder(), cancellationToken);
        var created = await service.CreateAsync(caller, enterprise == Asset.CentreLibrary ? null : enterprise, upload, fileName, cancellationToken: cancellationToken);
        return created.Succeeded
            ? Results.Ok(new UploadResult(created.Value!.Asset.Id, created.Value.Existing, $"/admin/assets/{created.Value.Asset.Id}", created.Value.Asset.FileName))
            : created.Failure!.ToProblem();
    }

    private static async Task<IResult> StatusAsync(Guid id, HttpContext http, AssetQueries queries, CancellationToken cancellationToken)
    {
        var view = await queries.GetAsync(await http.CurrentCallerAsync(), id, cancellationToken);
        return view.Succeeded
            ? Results.Ok(new { view.Value!.Processing, Thumbnail = view.Value.Renditions.FirstOrDefault(r => r.Name == "thumb.webp")?.Url })
            : view.Failure!.ToProblem();
    }

    /// <summary>Assets the story's enterprise may newly use, matching the search: what the picker offers.</summary>
    private static async Task<IResult> PickerAsync(string? q, string? enterprise, HttpContext http, AssetQueries queries, CancellationToken cancellationToken)
    {
        var culture = System.Globalization.CultureInfo.CurrentUICulture.Name;
        var page = await queries.SearchAsync(await http.CurrentCallerAsync(),
            new AssetSearchQuery(string.IsNullOrWhiteSpace(q) ? null : q, null, null, null, null, null, null, null, null, "ready", enterprise, culture, 1, 24), cancellationToken);
        return page.Succeeded
            ? Results.Ok(page.Value!.Items.Select(i => new PickerItem(i.Id, i.Title, i.Alt, i.CreditLine, i.ThumbnailUrl, i.Kind, i.Licence, i.Owner)))
            : page.Failure!.ToProblem();
    }
}
