using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Assets.Processing;
using ParkGlobalMedia.Assets.Storage;
using ParkGlobalMedia.Assets.Uploads;
using ParkGlobalMedia.Content.Stories;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Assets.Library;

/// <summary>The outcome of an upload: the asset, and whether it already existed (same bytes, same library).</summary>
public sealed record UploadedAsset(Asset Asset, bool Existing);

/// <summary>
/// Writes to the asset bank: turning a received file into an asset (or finding the one with the same bytes),
/// editing metadata and rights, curation, deletion. Every method checks the caller first.
/// </summary>
public sealed partial class AssetService(
    AppDbContext db,
    IBlobStorage storage,
    AssetLookup lookup,
    AssetProcessingSignal processingSignal,
    TimeProvider clock,
    ILogger<AssetService> logger)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Stores a spooled upload as a new asset in the library of <paramref name="enterprise"/> (null: the centre's),
    /// or returns the existing asset with the same SHA-256 there. The original goes to storage before the row is
    /// inserted; if the insert loses a race with the same bytes, the stored copy is removed and the winner returned.
    /// </summary>
    public async Task<Outcome<UploadedAsset>> CreateAsync(CallerContext caller, string? enterprise, SpooledUpload upload, string? fileName, Guid? id = null, CancellationToken cancellationToken = default)
    {
        var owner = await lookup.ResolveLibraryAsync(enterprise, cancellationToken);
        if (!owner.Succeeded)
        {
            return owner.Failure!;
        }

        var ownerId = owner.Value;
        if (!AssetPermissions.CanUpload(caller, ownerId))
        {
            return Failure.Forbidden(ownerId is null
                ? "Only the centre's curators upload into the centre's library."
                : "You can upload only into the libraries of enterprises you edit for.");
        }

        var library = ownerId?.ToString() ?? Asset.CentreLibrary;
        var existing = await db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Library == library && a.Sha256 == upload.Sha256, cancellationToken);
        if (existing is not null)
        {
            return new UploadedAsset(existing, Existing: true);
        }

        var assetId = id ?? Guid.CreateVersion7();
        var asset = new Asset
        {
            Id = assetId,
            OwnerEnterpriseId = ownerId,
            Library = library,
            Kind = upload.Type.Kind,
            ContentType = upload.Type.ContentType,
            Extension = upload.Type.Extension,
            FileName = FileNames.Clean(fileName, upload.Type.Extension),
            Length = upload.Length,
            Sha256 = upload.Sha256,
            OriginalKey = $"originals/{assetId:N}.{upload.Type.Extension}",

            // The centre's own uploads are curated by definition; enterprise uploads start in their own library.
            Sharing = ownerId is null ? SharingState.Approved : SharingState.Private,
            Licence = LicenceScope.Internal,
            Processing = ProcessingState.Pending,
            CreatedById = caller.UserId ?? Guid.Empty,
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        asset.SearchText = AssetSearchText.Build(asset);

        await using (var content = upload.OpenRead())
        {
            await storage.PutAsync(asset.OriginalKey, content, asset.ContentType, cancellationToken);
        }

        db.Assets.Add(asset);
        Record(asset, caller, "uploaded", asset.FileName);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (DbErrors.IsUniqueViolation(exception))
        {
            db.ChangeTracker.Clear();
            await storage.DeleteAsync(asset.OriginalKey, CancellationToken.None);
            var winner = await db.Assets.AsNoTracking().FirstAsync(a => a.Library == library && a.Sha256 == upload.Sha256, cancellationToken);
            return new UploadedAsset(winner, Existing: true);
        }
        catch
        {
            await storage.DeleteAsync(asset.OriginalKey, CancellationToken.None);
            throw;
        }

        LogUploaded(logger, asset.Id, library, asset.ContentType, asset.Length);
        processingSignal.Wake();
        return new UploadedAsset(asset, Existing: false);
    }

    /// <summary>Applies a partial update. A new focal point or poster second re-renders under a new rendition version.</summary>
    public async Task<Outcome<Asset>> UpdateAsync(CallerContext caller, Guid id, AssetUpdateRequest request, string? ifMatch, CancellationToken cancellationToken = default)
    {
        var asset = await LoadForWriteAsync(caller, id, cancellationToken);
        if (!asset.Succeeded)
        {
            return asset;
        }

        var target = asset.Value!;
        var curatorOnly = !AssetPermissions.CanManage(caller, target);
        if (curatorOnly && (request.Texts is not null || request.Rights is not null || request.FocalPoint is not null || request.PosterSecond is not null || request.Campaign is not null))
        {
            return Failure.Forbidden("Curators of the shared bank may change tags and collections; the rest belongs to the owning library.");
        }

        if (StoryETags.CheckIfMatch(ifMatch, AssetETags.For(target), "asset") is { } stale)
        {
            return stale;
        }

        var errors = new ValidationErrors();
        var changes = await AssetEdits.ApplyAsync(db, target, request, errors, cancellationToken);
        if (!errors.IsEmpty)
        {
            return errors.ToFailure();
        }

        if (changes.RendersAgain)
        {
            target.RenditionVersion++;
            target.Processing = ProcessingState.Pending;
            target.ProcessingPercent = 0;
            target.ProcessingError = null;
            target.ProcessingAttempts = 0;
        }

        target.SearchText = AssetSearchText.Build(target);
        target.UpdatedAt = Now;
        Record(target, caller, "edited", changes.Summary);
        var failure = await SaveAsync(cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        if (changes.RendersAgain)
        {
            processingSignal.Wake();
        }

        return target;
    }

    /// <summary>Deletes an asset that is used nowhere, with its original and renditions.</summary>
    public async Task<Outcome<bool>> DeleteAsync(CallerContext caller, Guid id, CancellationToken cancellationToken = default)
    {
        var asset = await LoadForWriteAsync(caller, id, cancellationToken);
        if (!asset.Succeeded)
        {
            return asset.Failure!;
        }

        var target = asset.Value!;
        if (!AssetPermissions.CanManage(caller, target))
        {
            return Failure.Forbidden("Only the owning library's editors may delete an asset.");
        }

        var usages = await db.AssetUsages.CountAsync(u => u.AssetId == id, cancellationToken);
        if (usages > 0)
        {
            return Failure.Conflict($"The asset is used in {usages} place(s); remove it there first, or withdraw it instead.");
        }

        db.Assets.Remove(target);
        await db.SaveChangesAsync(cancellationToken);

        // Rows first, then bytes: a failure in between leaves unreferenced blobs, never a row pointing at nothing.
        // The prefixes take every version's presets and on-demand sizes, and the package's files.
        await storage.DeleteAsync(target.OriginalKey, CancellationToken.None);
        await storage.DeletePrefixAsync($"renditions/{target.Id:N}", CancellationToken.None);
        await storage.DeletePrefixAsync(Packages.PackageStore.Prefix(target.Id), CancellationToken.None);
        return true;
    }

    /// <summary>Loads an asset for a write; callers who may not see it get 404, like for stories.</summary>
    private async Task<Outcome<Asset>> LoadForWriteAsync(CallerContext caller, Guid id, CancellationToken cancellationToken)
    {
        var asset = await db.Assets.Include(a => a.Tags).Include(a => a.Collections).AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (asset is null || !(AssetPermissions.CanSeeAll(caller, asset) || AssetPermissions.CanCurate(caller)))
        {
            return Failure.NotFound($"Asset {id} does not exist or is not visible to you.");
        }

        return asset;
    }

    private void Record(Asset asset, CallerContext caller, string action, string? comment) =>
        db.AssetEvents.Add(new AssetEvent
        {
            AssetId = asset.Id,
            Action = action,
            Comment = comment is { Length: > 2000 } ? comment[..2000] : comment,
            ActorId = caller.UserId,
            ActorName = caller.Name,
            At = Now,
        });

    private async Task<Failure?> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Failure.Stale("Someone else saved this asset at the same moment; reload it and apply your change again.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Asset {AssetId} uploaded to library {Library}: {ContentType}, {Length} bytes")]
    private static partial void LogUploaded(ILogger logger, Guid assetId, string library, string contentType, long length);
}

/// <summary>ETags of assets: the revision, bumped by every save.</summary>
public static class AssetETags
{
    public static string For(Asset asset) => $"\"a{asset.Revision}\"";
}
