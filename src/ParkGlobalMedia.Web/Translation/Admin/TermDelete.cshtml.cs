using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Translation.Glossary;

namespace ParkGlobalMedia.Translation.Admin;

/// <summary>Deletes a term after asking.</summary>
public sealed class TermDeleteModel(Termbase terms, AppDbContext db, CultureCatalog cultures) : ConfirmDeleteModel<Term>(db, cultures)
{
    protected override string What => "termbase";

    protected override Task<Term?> FindAsync(Guid id, CancellationToken cancellationToken) => terms.FindAsync(EnterpriseId, id, cancellationToken);

    protected override Task<Outcome<bool>> DeleteAsync(Guid id, CancellationToken cancellationToken) => terms.DeleteAsync(EnterpriseId, id, cancellationToken);

    protected override string DeletedNotice(Term? deleted) => T.Format("termbase.deleted", deleted?.Source);
}
