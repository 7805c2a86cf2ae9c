using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ParkGlobalMedia.Platform.Data;

/// <summary>
/// A transaction for an operation that needs several SaveChanges, which joins the caller's transaction when there
/// is one (a recipe applies many operations in one). Disposing without commit rolls back only what it owns.
/// </summary>
public sealed class OwnedTransaction : IAsyncDisposable
{
    private readonly IDbContextTransaction? _owned;

    private OwnedTransaction(IDbContextTransaction? owned) => _owned = owned;

    public static async Task<OwnedTransaction> BeginAsync(DbContext db, CancellationToken cancellationToken) =>
        new(db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null);

    public Task CommitAsync(CancellationToken cancellationToken) => _owned?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => _owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
