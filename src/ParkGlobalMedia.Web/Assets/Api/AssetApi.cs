using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ParkGlobalMedia.Assets.Delivery;
using ParkGlobalMedia.Assets.Imaging;
using ParkGlobalMedia.Assets.Library;
using ParkGlobalMedia.Assets.Uploads;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Http;

namespace ParkGlobalMedia.Assets.Api;

/// <summary>A signed on-demand size: width, height (0 = natural, with fit "inside"), fit (cover|inside), format (jpg|webp|avif).</summary>
public sealed record CustomSizeRequest(int Width, int Height, string? Fit, string? Format);

public sealed record CustomSizeView(string Url, int Width, int Height, string Fit, string ContentType);

/// <summary>The asset bank's API: upload (direct or resumable), search, read, edit, curate, and sizes.</summary>
public static class AssetApi
{
    public static IEndpointRouteBuilder MapAssetApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/assets").WithTags("Assets");
        api.MapGet("/", SearchAsync).WithName("SearchAssets")
            .WithSummary("Search and filter the assets the caller may see (q searches titles, captions, alt texts, tags in every culture, Chinese included).");
        api.MapPost("/", UploadAsync).WithName("UploadAsset").RequireScope(TokenScopes.ContentWrite)
            .Accepts<Stream>("application/octet-stream").DisableAntiforgery()
            .WithSummary("Upload a file as the request body (?enterprise=slug&fileName=…). The type comes from the bytes. The same bytes in the same library return the existing asset (200) instead of a copy (201).");
        api.MapGet("/{id:guid}", GetAsync).WithName("GetAsset").WithSummary("One asset with its renditions, rights, usage and history (the last two for its owner and the centre).");
        api.MapPatch("/{id:guid}", UpdateAsync).WithName("UpdateAsset").RequireScope(TokenScopes.ContentWrite)
            .WithSummary("Change texts, tags, collections, campaign, rights, focal point or poster second; null fields stay. Needs If-Match.");
        api.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteAsset").RequireScope(TokenScopes.ContentWrite)
            .WithSummary("Delete an asset that is used nowhere.");
        api.MapGet("/{id:guid}/processing", ProcessingAsync).WithName("GetAssetProcessing")
            .WithSummary("Background processing state and percentage, for progress bars.");
        api.MapPost("/{id:guid}/submit", (Guid id, CurationRequest request, CallerContext caller, AssetService service, AssetQueries queries, CancellationToken ct) =>
                CurateAsync(service.SubmitAsync(caller, id, request, ct), caller, queries, ct))
            .WithName("SubmitAsset").RequireScope(TokenScopes.ContentWrite).WithSummary("Offer the asset to the provincial shared bank.");
        api.MapPost("/{id:guid}/approve", (Guid id, CurationRequest request, CallerContext caller, AssetService service, AssetQueries queries, CancellationToken ct) =>
                CurateAsync(service.ApproveAsync(caller, id, request, ct), caller, queries, ct))
            .WithName("ApproveAsset").RequireScope(TokenScopes.ContentWrite).WithSummary("Centre curators: accept a submission into the shared bank.");
        api.MapPost("/{id:guid}/reject", (Guid id, CurationRequest request, CallerContext caller, AssetService service, AssetQueries queries, CancellationToken ct) =>
                CurateAsync(service.RejectAsync(caller, id, request, ct), caller, queries, ct))
            .WithName("RejectAsset").RequireScope(TokenScopes.ContentWrite).WithSummary("Centre curators: refuse a submission, with the reason.");
        api.MapPost("/{id:guid}/withdraw", (Guid id, CurationRequest request, CallerContext caller, AssetService service, AssetQueries queries, CancellationToken ct) =>
                CurateAsync(service.WithdrawAsync(caller, id, request, ct), caller, queries, ct))
            .WithName("WithdrawAsset").RequireScope(TokenScopes.ContentWrite).WithSummary("Take the asset out of use everywhere, with the reason.");
        api.MapPost("/{id:guid}/sizes", SignSizeAsync).WithName("SignAssetSize")
            .WithSummary("A signed URL for a size that is not a preset; rendered on first request, then cached.");

        var uploads = api.MapGroup("/uploads").RequireScope(TokenScopes.ContentWrite);
        uploads.MapPost("/", StartUploadAsync).WithName("StartResumableUpload")
            .WithSummary("Start a resumable upload: declare the file's length and SHA-256; then PUT chunks with Content-Range.");
        uploads.MapGet("/{id:guid}", GetUploadAsync).WithName("GetResumableUpload").WithSummary("Where to resume: receivedBytes.");
        uploads.MapPut("/{id:guid}", AppendChunkAsync).WithName("AppendUploadChunk").Accepts<Stream>("application/octet-stream").DisableAntiforgery()
            .WithSummary("Send the chunk that starts at receivedBytes (Content-Range: bytes start-end/total).");
        uploads.MapPost("/{id:guid}/complete", CompleteUploadAsync).WithName("CompleteResumableUpload")
            .WithSummary("Assemble the chunks, verify the SHA-256, and create the asset.");
        uploads.MapDelete("/{id:guid}", AbortUploadAsync).WithName("AbortResumableUpload").WithSummary("Give up an upload and discard its chunks.");
        return routes;
    }

    private static async Task<Results<Ok<AssetPage>, ProblemHttpResult>> SearchAsync([AsParameters] AssetSearchQuery query, CallerContext caller, AssetQueries queries, CancellationToken cancellationToken)
    {
        var page = await queries.SearchAsync(caller, query, cancellationToken);
        return page.Succeeded ? TypedResults.Ok(page.Value!) : page.Failure!.ToProblem();
    }

    private static async Task<IResult> UploadAsync(
        string? enterprise, string? fileName, HttpContext http, CallerContext caller, AssetService service, AssetQueries queries, Microsoft.Extensions.Options.IOptions<UploadLimits> limits, CancellationToken cancellationToken)
    {
        if (!AssetPermissions.CanUpload(caller, null) && string.IsNullOrEmpty(enterprise))
        {
            return Failure.Invalid("enterprise", "Say which enterprise's library the file goes to (?enterprise=slug).").ToProblem();
        }

        AllowLargeBody(http);
        await using var upload = await UploadSpooler.ReceiveAsync(http.Request.Body, limits.Value, TemporaryFolder(), cancellationToken);
        var created = await service.CreateAsync(caller, enterprise, upload, fileName, cancellationToken: cancellationToken);
        if (!created.Succeeded)
        {
            return created.Failure!.ToProblem();
        }

        var view = (await queries.GetAsync(caller, created.Value!.Asset.Id, cancellationToken)).Value!;
        http.Response.Headers.ETag = view.ETag;
        return created.Value.Existing ? TypedResults.Ok(view) : TypedResults.Created($"/api/v1/assets/{view.Id}", view);
    }

    private static async Task<Results<Ok<AssetView>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, CallerContext caller, AssetQueries queries, CancellationToken cancellationToken)
    {
        var view = await queries.GetAsync(caller, id, cancellationToken);
        if (!view.Succeeded)
        {
            return view.Failure!.ToProblem();
        }

        http.Response.Headers.ETag = view.Value!.ETag;
        return TypedResults.Ok(view.Value);
    }

    private static async Task<Results<Ok<AssetView>, ProblemHttpResult>> UpdateAsync(
        Guid id, AssetUpdateRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, CallerContext caller, AssetService service, AssetQueries queries, CancellationToken cancellationToken)
    {
        var updated = await service.UpdateAsync(caller, id, request, ifMatch, cancellationToken);
        return updated.Succeeded ? await GetAsync(id, http, caller, queries, cancellationToken) : updated.Failure!.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, CallerContext caller, AssetService service, CancellationToken cancellationToken)
    {
        var deleted = await service.DeleteAsync(caller, id, cancellationToken);
        return deleted.Succeeded ? TypedResults.NoContent() : deleted.Failure!.ToProblem();
    }

    private static async Task<Results<Ok<AssetProcessingView>, ProblemHttpResult>> ProcessingAsync(Guid id, CallerContext caller, AssetQueries queries, CancellationToken cancellationToken)
    {
        var view = await queries.GetAsync(caller, id, cancellationToken);
        return view.Succeeded ? TypedResults.Ok(view.Value!.Processing) : view.Failure!.ToProblem();
    }

    private static async Task<Results<Ok<AssetView>, ProblemHttpResult>> CurateAsync(Task<Outcome<Asset>> step, CallerContext caller, AssetQueries queries, CancellationToken cancellationToken)
    {
        var outcome = await step;
        if (!outcome.Succeeded)
        {
            return outcome.Failure!.ToProblem();
        }

        var view = await queries.GetAsync(caller, outcome.Value!.Id, cancellationToken);
        return view.Succeeded ? TypedResults.Ok(view.Value!) : view.Failure!.ToProblem();
    }

    private static async Task<Results<Ok<CustomSizeView>, ProblemHttpResult>> SignSizeAsync(
        Guid id, CustomSizeRequest request, CallerContext caller, AssetQueries queries, MediaUrlSigner signer, IImageProcessor images, CancellationToken cancellationToken)
    {
        var view = await queries.GetAsync(caller, id, cancellationToken);
        if (!view.Succeeded)
        {
            return view.Failure!.ToProblem();
        }

        var fit = request.Fit ?? "cover";
        var format = request.Format ?? "webp";
        var size = MediaUrls.ParseCustom($"{request.Width}x{request.Height}-{fit}.{format}");
        if (size is null)
        {
            return Failure.Invalid("size",
                $"Sizes are {CustomSize.MinSide}–{CustomSize.MaxSide} pixels a side (height 0 with fit 'inside' keeps the aspect), fit 'cover' or 'inside', format jpg, webp or avif.").ToProblem();
        }

        if (size.Format == ImageFormat.Avif && !images.SupportsAvif)
        {
            return Failure.Invalid("format", "This server's libvips cannot encode AVIF; ask for webp or jpg.").ToProblem();
        }

        var signature = await signer.SignAsync(MediaUrls.CustomSignedPath(id, size), cancellationToken);
        return TypedResults.Ok(new CustomSizeView(MediaUrls.Custom(id, view.Value!.RenditionVersion, size, signature), size.Width, size.Height, fit, size.ContentType));
    }

    private static async Task<Results<Created<UploadSessionView>, ProblemHttpResult>> StartUploadAsync(StartUploadRequest request, CallerContext caller, UploadSessions sessions, CancellationToken cancellationToken)
    {
        var started = await sessions.StartAsync(caller, request, cancellationToken);
        return started.Succeeded ? TypedResults.Created(Href(started.Value!.Id), View(started.Value)) : started.Failure!.ToProblem();
    }

    private static async Task<Results<Ok<UploadSessionView>, ProblemHttpResult>> GetUploadAsync(Guid id, CallerContext caller, UploadSessions sessions, CancellationToken cancellationToken)
    {
        var session = await sessions.GetAsync(caller, id, cancellationToken);
        return session.Succeeded ? TypedResults.Ok(View(session.Value!)) : session.Failure!.ToProblem();
    }

    private static async Task<Results<Ok<UploadSessionView>, ProblemHttpResult>> AppendChunkAsync(Guid id, HttpContext http, CallerContext caller, UploadSessions sessions, CancellationToken cancellationToken)
    {
        var range = http.Request.Headers.ContentRange.ToString();
        if (!System.Net.Http.Headers.ContentRangeHeaderValue.TryParse(range, out var parsed) || parsed.From is not { } from || parsed.Unit != "bytes")
        {
            return Failure.Invalid("Content-Range", "Send the chunk's position as Content-Range: bytes {first}-{last}/{total}.").ToProblem();
        }

        AllowLargeBody(http);
        var appended = await sessions.AppendAsync(caller, id, from, http.Request.Body, TemporaryFolder(), cancellationToken);
        return appended.Succeeded ? TypedResults.Ok(View(appended.Value!)) : appended.Failure!.ToProblem();
    }

    private static async Task<IResult> CompleteUploadAsync(Guid id, HttpContext http, CallerContext caller, UploadSessions sessions, AssetQueries queries, CancellationToken cancellationToken)
    {
        var completed = await sessions.CompleteAsync(caller, id, TemporaryFolder(), cancellationToken);
        if (!completed.Succeeded)
        {
            return completed.Failure!.ToProblem();
        }

        var view = (await queries.GetAsync(caller, completed.Value!.Asset.Id, cancellationToken)).Value!;
        http.Response.Headers.ETag = view.ETag;
        return completed.Value.Existing ? TypedResults.Ok(view) : TypedResults.Created($"/api/v1/assets/{view.Id}", view);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> AbortUploadAsync(Guid id, CallerContext caller, UploadSessions sessions, CancellationToken cancellationToken)
    {
        var aborted = await sessions.AbortAsync(caller, id, cancellationToken);
        return aborted.Succeeded ? TypedResults.NoContent() : aborted.Failure!.ToProblem();
    }

    /// <summary>Lifts the platform's 2 MB body limit for uploads; the spooler enforces each type's own limit while reading.</summary>
    public static void AllowLargeBody(HttpContext http)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }
    }

    public static string TemporaryFolder() => Path.Combine(Path.GetTempPath(), "pgm-uploads");

    private static string Href(Guid id) => $"/api/v1/assets/uploads/{id}";

    private static UploadSessionView View(UploadSession session) =>
        new(session.Id, session.FileName, session.Length, session.ReceivedBytes, session.Sha256, session.ExpiresAt, session.AssetId, Href(session.Id));
}
