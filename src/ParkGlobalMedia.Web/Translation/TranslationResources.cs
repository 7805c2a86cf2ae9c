using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Content;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Translation.Glossary;

namespace ParkGlobalMedia.Translation;

/// <summary>
/// Who may use a translation resource (termbase, memory): the shared provincial one is kept by centre curators and
/// admins and read by every signed-in member; an enterprise's is kept by its editors and read by whoever may read its
/// drafts, and does not exist for anyone else.
/// </summary>
public static class TranslationResources
{
    /// <summary>Whether the caller may read the shared resource (null) or an enterprise's.</summary>
    public static bool MayRead(CallerContext caller, Guid? enterpriseId) =>
        enterpriseId is { } id ? ContentPermissions.CanReadDrafts(caller, id) : caller.IsAuthenticated;

    /// <summary>Whether the caller may change the shared resource (null) or an enterprise's.</summary>
    public static bool MayWrite(CallerContext caller, Guid? enterpriseId) =>
        enterpriseId is { } id ? ContentPermissions.CanEdit(caller, id) : ContentPermissions.CanManageEnterprise(caller);

    /// <summary>Resolves "shared" or an enterprise slug, checking the caller may read (or write) it.</summary>
    public static async Task<Outcome<(Guid? EnterpriseId, string Name)>> OpenAsync(
        AppDbContext db, CallerContext caller, string name, string what, bool write, CancellationToken cancellationToken)
    {
        if (name == Term.SharedScope)
        {
            if (write ? !MayWrite(caller, null) : !MayRead(caller, null))
            {
                return Failure.Forbidden(write
                    ? $"Only centre curators and admins change the shared provincial {what}."
                    : $"The {what}s are for signed-in members.");
            }

            return ((Guid?)null, Term.SharedScope);
        }

        var enterprise = await db.Enterprises.AsNoTracking().Where(e => e.Slug == name).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(cancellationToken);
        if (enterprise is not { } id || !MayRead(caller, id))
        {
            // Not found for outsiders too: an enterprise's termbase and memory are its own business.
            return Failure.NotFound($"There is no {what} '{name}' you can read.");
        }

        if (write && !MayWrite(caller, id))
        {
            return Failure.Forbidden($"Changing the {what} of '{name}' needs the EnterpriseEditor role in it.");
        }

        return (id, name);
    }
}
