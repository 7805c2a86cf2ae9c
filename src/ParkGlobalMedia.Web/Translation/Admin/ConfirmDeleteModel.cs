using Microsoft.AspNetCore.Mvc;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Translation.Admin;

/// <summary>
/// Asks before an entry (a term, a memory unit) is deleted — a page showing it and a POST form, so no script is
/// needed — then deletes it. An entry of another termbase or memory is not found here.
/// </summary>
public abstract class ConfirmDeleteModel<TEntry>(AppDbContext db, CultureCatalog cultures) : TranslationPageModel(db, cultures)
    where TEntry : class
{
    /// <summary>What is about to be deleted.</summary>
    public TEntry? Entry { get; private set; }

    protected abstract Task<TEntry?> FindAsync(Guid id, CancellationToken cancellationToken);

    protected abstract Task<Outcome<bool>> DeleteAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The confirmation after the redirect; <paramref name="deleted"/> is null when it was gone already.</summary>
    protected abstract string DeletedNotice(TEntry? deleted);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(write: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        Entry = await FindAsync(id, cancellationToken);
        return Entry is null ? NotFoundPage() : Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(write: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        var entry = await FindAsync(id, cancellationToken);
        var deleted = await DeleteAsync(id, cancellationToken);
        if (!deleted.Succeeded)
        {
            return Refused(deleted.Failure!);
        }

        Notice = DeletedNotice(entry);
        return Redirect(ScreenPath);
    }
}
