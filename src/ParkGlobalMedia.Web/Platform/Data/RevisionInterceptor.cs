using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ParkGlobalMedia.Platform.Data;

/// <summary>Bumps <see cref="IHasRevision.Revision"/> on every insert/update, in one place instead of in every service.</summary>
public sealed class RevisionInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Bump(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Bump(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Bump(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries<IHasRevision>())
        {
            if (entry.State == EntityState.Added && entry.Entity.Revision == 0)
            {
                entry.Entity.Revision = 1;
            }
            else if (entry.State == EntityState.Modified)
            {
                // The original value stays in the WHERE clause; the new one is what the next writer must present.
                entry.Entity.Revision = entry.Property(e => e.Revision).OriginalValue + 1;
            }
        }
    }
}
