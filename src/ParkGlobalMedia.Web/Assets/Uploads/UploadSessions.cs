using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParkGlobalMedia.Assets.Library;
using ParkGlobalMedia.Assets.Storage;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Assets.Uploads;

/// <summary>
/// Resumable uploads for large files (aerial footage over a hotel connection). The client declares length and SHA-256,
/// sends chunks at increasing offsets (each stored as a part only once it arrived whole), asks where to resume after a
/// dropped connection, and completes: the parts are streamed through the same spooler as a direct upload (type by
/// magic bytes, size limit, hash), the hash must match the declared one, and the result becomes an asset.
/// </summary>
public sealed partial class UploadSessions(
    AppDbContext db,
    IBlobStorage storage,
    AssetLookup lookup,
    AssetService assets,
    IOptions<UploadLimits> limits,
    TimeProvider clock)
{
    /// <summary>The largest chunk accepted in one request; clients send 8–64 MB.</summary>
    public const long MaxChunkBytes = 64L * 1024 * 1024;

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Hex();

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome<UploadSession>> StartAsync(CallerContext caller, StartUploadRequest request, CancellationToken cancellationToken)
    {
        var owner = await lookup.ResolveLibraryAsync(request.Enterprise, cancellationToken);
        if (!owner.Succeeded)
        {
            return owner.Failure!;
        }

        if (!AssetPermissions.CanUpload(caller, owner.Value))
        {
            return Failure.Forbidden("You can upload only into the libraries of enterprises you edit for.");
        }

        var errors = new ValidationErrors();
        var largest = new[] { limits.Value.ImageBytes, limits.Value.VideoBytes, limits.Value.DocumentBytes, limits.Value.H5PackageBytes }.Max();
        if (request.Length <= 0 || request.Length > largest)
        {
            errors.Add("length", $"length is the whole file's size in bytes, between 1 and {largest:N0}.");
        }

        var sha = request.Sha256?.Trim().ToLowerInvariant();
        if (sha is null || !Sha256Hex().IsMatch(sha))
        {
            errors.Add("sha256", "sha256 is the whole file's SHA-256 as 64 hexadecimal characters; completion checks it.");
        }

        if (!errors.IsEmpty)
        {
            return errors.ToFailure();
        }

        var session = new UploadSession
        {
            Id = Guid.CreateVersion7(),
            OwnerEnterpriseId = owner.Value,
            FileName = FileNames.Clean(request.FileName, "bin"),
            Length = request.Length,
            Sha256 = sha!,
            CreatedById = caller.UserId ?? Guid.Empty,
            CreatedAt = Now,
            ExpiresAt = Now + Lifetime,
        };
        db.UploadSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session;
    }

    public async Task<Outcome<UploadSession>> GetAsync(CallerContext caller, Guid id, CancellationToken cancellationToken)
    {
        var session = await db.UploadSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        return session is null || session.CreatedById != caller.UserId || session.ExpiresAt < Now
            ? Failure.NotFound($"Upload {id} does not exist, has expired, or is not yours.")
            : session;
    }

    /// <summary>Stores one chunk that starts at <paramref name="offset"/>; it must start where the received bytes end.</summary>
    public async Task<Outcome<UploadSession>> AppendAsync(CallerContext caller, Guid id, long offset, Stream body, string temporaryFolder, CancellationToken cancellationToken)
    {
        var found = await GetAsync(caller, id, cancellationToken);
        if (!found.Succeeded)
        {
            return found;
        }

        var session = found.Value!;
        if (session.AssetId is not null)
        {
            return Failure.Conflict("The upload is already complete.");
        }

        if (offset != session.ReceivedBytes)
        {
            return Failure.Conflict($"The next chunk must start at byte {session.ReceivedBytes}, not {offset}: resume from there.");
        }

        // Spool first: a chunk cut off mid-way throws here and leaves nothing behind, so the client simply resends it.
        Directory.CreateDirectory(temporaryFolder);
        var path = Path.Combine(temporaryFolder, $"chunk-{Guid.NewGuid():N}");
        try
        {
            long length;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                length = await CopyBoundedAsync(body, file, Math.Min(MaxChunkBytes, session.Length - offset), cancellationToken);
            }

            if (length == 0)
            {
                return Failure.Invalid("body", "The chunk is empty.");
            }

            var partKey = session.PartKey(session.Parts);
            await using (var part = File.OpenRead(path))
            {
                await storage.PutAsync(partKey, part, "application/octet-stream", cancellationToken);
            }

            // Compare-and-set on the offset: of two racing requests for the same offset, one wins and one is told to resume.
            var moved = await db.UploadSessions.Where(s => s.Id == id && s.ReceivedBytes == offset)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.ReceivedBytes, offset + length).SetProperty(s => s.Parts, s => s.Parts + 1), cancellationToken);
            if (moved == 0)
            {
                return Failure.Conflict("Another request stored a chunk at this offset at the same moment; ask where to resume.");
            }

            return await GetAsync(caller, id, cancellationToken);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Assembles the parts into an asset after checking the declared SHA-256. The parts are removed either way.</summary>
    public async Task<Outcome<UploadedAsset>> CompleteAsync(CallerContext caller, Guid id, string temporaryFolder, CancellationToken cancellationToken)
    {
        var found = await GetAsync(caller, id, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        var session = found.Value!;
        if (session.ReceivedBytes != session.Length)
        {
            return Failure.Conflict($"{session.ReceivedBytes:N0} of {session.Length:N0} bytes have arrived; send the rest from byte {session.ReceivedBytes} first.");
        }

        var library = session.OwnerEnterpriseId is { } ownerId
            ? await db.Enterprises.Where(e => e.Id == ownerId).Select(e => e.Slug).FirstAsync(cancellationToken)
            : null;
        Outcome<UploadedAsset> created;
        await using (var parts = new PartsStream(storage, Enumerable.Range(0, session.Parts).Select(session.PartKey).ToList()))
        {
            await using var spooled = await UploadSpooler.ReceiveAsync(parts, limits.Value, temporaryFolder, cancellationToken);
            if (!CryptographicOperations.FixedTimeEquals(Convert.FromHexString(spooled.Sha256), Convert.FromHexString(session.Sha256)))
            {
                await DiscardAsync(session, CancellationToken.None);
                return new Failure(FailureKind.Validation, "Checksum mismatch",
                    $"The assembled file's SHA-256 is {spooled.Sha256}, not the declared {session.Sha256}: a chunk was corrupted in transit. The upload was discarded; start again.");
            }

            created = await assets.CreateAsync(caller, library, spooled, session.FileName, cancellationToken: cancellationToken);
        }

        if (created.Succeeded)
        {
            await db.UploadSessions.Where(s => s.Id == id).ExecuteUpdateAsync(set => set.SetProperty(s => s.AssetId, created.Value!.Asset.Id), cancellationToken);
            await DeletePartsAsync(session);
        }

        return created;
    }

    public async Task<Outcome<bool>> AbortAsync(CallerContext caller, Guid id, CancellationToken cancellationToken)
    {
        var found = await GetAsync(caller, id, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        await DiscardAsync(found.Value!, cancellationToken);
        return true;
    }

    /// <summary>Removes expired sessions and their parts (abandoned uploads must not fill the storage).</summary>
    public async Task<int> SweepExpiredAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        var expired = await db.UploadSessions.AsNoTracking().Where(s => s.ExpiresAt < now).OrderBy(s => s.ExpiresAt).Take(100).ToListAsync(cancellationToken);
        foreach (var session in expired)
        {
            await DiscardAsync(session, cancellationToken);
        }

        return expired.Count;
    }

    private async Task DiscardAsync(UploadSession session, CancellationToken cancellationToken)
    {
        await db.UploadSessions.Where(s => s.Id == session.Id).ExecuteDeleteAsync(cancellationToken);
        await DeletePartsAsync(session);
    }

    private async Task DeletePartsAsync(UploadSession session)
    {
        for (var index = 0; index < session.Parts; index++)
        {
            await storage.DeleteAsync(session.PartKey(index), CancellationToken.None);
        }
    }

    private static async Task<long> CopyBoundedAsync(Stream source, Stream target, long limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > limit)
            {
                throw new UploadRejectedException($"A chunk may be at most {limit:N0} bytes here (the chunk limit, or what is left of the declared length).", StatusCodes.Status413PayloadTooLarge);
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return total;
    }
}
