using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform;

namespace ParkGlobalMedia.Assets.Library;

// The road from an enterprise library to the provincial shared bank: submit → approve (usable by every member within
// its licence) or reject with a reason; withdraw takes any asset out of use. Every step lands in the history.
public sealed partial class AssetService
{
    public async Task<Outcome<Asset>> SubmitAsync(CallerContext caller, Guid id, CurationRequest request, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadForWriteAsync(caller, id, cancellationToken);
        if (!loaded.Succeeded)
        {
            return loaded;
        }

        var asset = loaded.Value!;
        if (!AssetPermissions.CanManage(caller, asset))
        {
            return Failure.Forbidden("Only the owning library's editors submit its assets to the shared bank.");
        }

        var refusal = asset switch
        {
            { Sharing: SharingState.Submitted } => "The asset is already waiting for the centre's decision.",
            { Sharing: SharingState.Approved } => "The asset is already in the shared bank.",
            { Licence: LicenceScope.Internal } => "An internal-use asset cannot be shared: set its licence to members, public or press first.",
            { Processing: not ProcessingState.Ready } => "The asset can be submitted once its processing has finished.",
            _ when asset.IsBlocked(Today) => "A withdrawn or expired asset cannot be submitted.",
            _ => null,
        };
        if (refusal is not null)
        {
            return Failure.Conflict(refusal);
        }

        return await MoveAsync(caller, asset, SharingState.Submitted, "submitted", request.Comment, cancellationToken);
    }

    public async Task<Outcome<Asset>> ApproveAsync(CallerContext caller, Guid id, CurationRequest request, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadSubmittedAsync(caller, id, cancellationToken);
        return loaded.Succeeded
            ? await MoveAsync(caller, loaded.Value!, SharingState.Approved, "approved", request.Comment, cancellationToken)
            : loaded;
    }

    public async Task<Outcome<Asset>> RejectAsync(CallerContext caller, Guid id, CurationRequest request, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(request.Comment))
        {
            return Failure.Invalid("comment", "Say why the asset is rejected, so its owner can fix it and submit again.");
        }

        var loaded = await LoadSubmittedAsync(caller, id, cancellationToken);
        return loaded.Succeeded
            ? await MoveAsync(caller, loaded.Value!, SharingState.Rejected, "rejected", request.Comment, cancellationToken)
            : loaded;
    }

    /// <summary>Takes an asset out of use everywhere (a rights problem, a recall). Owners and the centre may do it.</summary>
    public async Task<Outcome<Asset>> WithdrawAsync(CallerContext caller, Guid id, CurationRequest request, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(request.Comment))
        {
            return Failure.Invalid("comment", "Say why the asset is withdrawn; the reason is shown wherever it is still in use.");
        }

        var loaded = await LoadForWriteAsync(caller, id, cancellationToken);
        if (!loaded.Succeeded)
        {
            return loaded;
        }

        var asset = loaded.Value!;
        if (!AssetPermissions.CanManage(caller, asset) && !AssetPermissions.CanCurate(caller))
        {
            return Failure.Forbidden("Only the owning library's editors and the centre withdraw an asset.");
        }

        if (asset.WithdrawnAt is not null)
        {
            return Failure.Conflict("The asset is already withdrawn.");
        }

        asset.WithdrawnAt = Now;
        asset.WithdrawnReason = request.Comment.Trim();
        return await MoveAsync(caller, asset, asset.Sharing, "withdrawn", request.Comment, cancellationToken);
    }

    private DateOnly Today => DateOnly.FromDateTime(Now);

    private async Task<Outcome<Asset>> LoadSubmittedAsync(CallerContext caller, Guid id, CancellationToken cancellationToken)
    {
        if (!AssetPermissions.CanCurate(caller))
        {
            return Failure.Forbidden("Only the centre's curators decide what enters the shared bank.");
        }

        var loaded = await LoadForWriteAsync(caller, id, cancellationToken);
        return loaded.Succeeded && loaded.Value!.Sharing != SharingState.Submitted
            ? Failure.Conflict($"The asset is not waiting for a decision (it is {loaded.Value.Sharing.ToString().ToLowerInvariant()}).")
            : loaded;
    }

    private async Task<Outcome<Asset>> MoveAsync(CallerContext caller, Asset asset, SharingState state, string action, string? comment, CancellationToken cancellationToken)
    {
        asset.Sharing = state;
        asset.SharingComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        asset.UpdatedAt = Now;
        Record(asset, caller, action, asset.SharingComment);
        var failure = await SaveAsync(cancellationToken);
        return failure is null ? asset : failure;
    }
}
