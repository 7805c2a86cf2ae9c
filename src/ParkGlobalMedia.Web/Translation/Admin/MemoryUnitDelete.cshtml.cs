using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Translation.Memory;

namespace ParkGlobalMedia.Translation.Admin;

/// <summary>Deletes a memory unit after asking.</summary>
public sealed class MemoryUnitDeleteModel(TranslationMemory memories, AppDbContext db, CultureCatalog cultures) : ConfirmDeleteModel<MemoryUnit>(db, cultures)
{
    protected override string What => "memory";

    protected override Task<MemoryUnit?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        memories.Units(EnterpriseId, null, null, null).FirstOrDefaultAsync(u => u.Id == id, cancellationToken);

    protected override Task<Outcome<bool>> DeleteAsync(Guid id, CancellationToken cancellationToken) => memories.DeleteAsync(EnterpriseId, id, cancellationToken);

    protected override string DeletedNotice(MemoryUnit? deleted) => T["memory.deleted"];
}
