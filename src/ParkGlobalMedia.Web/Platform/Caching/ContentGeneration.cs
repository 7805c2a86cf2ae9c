using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Platform.Caching;

/// <summary>Marks entities whose changes can change what anonymous readers get from the API (stories, enterprises ...).</summary>
public interface IPublicContent;

/// <summary>A single-row counter, bumped after every save that touched public content, on any instance.</summary>
public sealed class ContentGenerationRow
{
    public int Id { get; set; }
    public long Generation { get; set; }
}

internal sealed class ContentGenerationConfiguration : IEntityTypeConfiguration<ContentGenerationRow>
{
    public void Configure(EntityTypeBuilder<ContentGenerationRow> builder)
    {
        builder.ToTable("content_generation");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
    }
}

public sealed class PublicCacheOptions
{
    public const string Section = "PublicCache";

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How long an instance trusts the generation it last read. Changes made on this instance are seen at once;
    /// changes made on another instance show here within this time. Zero reads it on every request.
    /// </summary>
    public TimeSpan GenerationRefresh { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Upper bound of cached response bytes per instance: 256 MB holds about 12,000 story reads of ~20 KB, the whole
    /// published archive of a large member in one culture set.
    /// </summary>
    public long SizeLimitBytes { get; set; } = 256L * 1024 * 1024;
}

/// <summary>
/// The current content generation. Cached responses carry the generation they were computed at and are used only
/// while it is still current, so a publish on any instance invalidates every instance's cache without messaging.
/// </summary>
public sealed class ContentGeneration(IServiceScopeFactory scopes, IOptions<PublicCacheOptions> options, TimeProvider clock)
{
    private long _generation = -1;
    private long _readAt = long.MinValue;

    public async ValueTask<long> CurrentAsync(CancellationToken cancellationToken)
    {
        var refresh = options.Value.GenerationRefresh;
        var now = clock.GetTimestamp();
        if (_generation >= 0 && refresh > TimeSpan.Zero && clock.GetElapsedTime(Volatile.Read(ref _readAt), now) < refresh)
        {
            return Volatile.Read(ref _generation);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var generation = await db.ContentGeneration.AsNoTracking().Where(g => g.Id == 1).Select(g => g.Generation).FirstOrDefaultAsync(cancellationToken);
        Volatile.Write(ref _generation, generation);
        Volatile.Write(ref _readAt, now);
        return generation;
    }

    /// <summary>A change was saved here: the next request re-reads the generation instead of trusting the last one.</summary>
    public void Invalidate() => Volatile.Write(ref _generation, -1);

    /// <summary>
    /// Bumps the generation for a change that bypassed the change tracker (bulk updates, background processing),
    /// which the interceptor cannot see.
    /// </summary>
    public async Task BumpAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync(BumpSql, cancellationToken);
        Invalidate();
    }

    internal const string BumpSql = "UPDATE content_generation SET \"Generation\" = \"Generation\" + 1 WHERE \"Id\" = 1";
}

/// <summary>
/// Bumps the content generation after a save that added, changed or removed public content. The bump runs after the
/// commit (or inside the caller's transaction), and readers read the generation before the data, so a response
/// computed from old data is never stored under the new generation.
/// </summary>
public sealed class ContentGenerationInterceptor(IServiceProvider services) : SaveChangesInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, object> Pending = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && Pending.Remove(context))
        {
            await context.Database.ExecuteSqlRawAsync(ContentGeneration.BumpSql, cancellationToken);
            services.GetRequiredService<ContentGeneration>().Invalidate();
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && Pending.Remove(context))
        {
            context.Database.ExecuteSqlRaw(ContentGeneration.BumpSql);
            services.GetRequiredService<ContentGeneration>().Invalidate();
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Forget(DbContext? context)
    {
        if (context is not null)
        {
            Pending.Remove(context);
        }
    }

    private static void Remember(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries().Any(e =>
                e.Entity is IPublicContent && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            Pending.AddOrUpdate(context, true);
        }
    }
}
