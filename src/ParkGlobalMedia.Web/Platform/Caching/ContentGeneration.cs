using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Platform.Caching;

/// <summary>
/// Marks entities whose changes can change what anonymous readers get (API reads, site pages). A change to one
/// that belongs to no single site (a category, a culture, an asset) evicts the <see cref="ContentScopes.Shared"/> scope.
/// </summary>
public interface IPublicContent;

/// <summary>Public content of one enterprise site: its changes evict only that site's pages (and the portal).</summary>
public interface ISiteContent : IPublicContent
{
    Guid SiteId { get; }
}

/// <summary>
/// Public content that is only ever saved together with its owner (a story's tags with the story), whose own change
/// names the scope; it adds none of its own.
/// </summary>
public interface IPublicContentPart : IPublicContent;

/// <summary>
/// Names of what a cached page depends on. Each change bumps the global generation and records it as the scope's
/// generation, so a page computed at generation G is fresh while every scope it depends on is at most G.
/// </summary>
public static class ContentScopes
{
    /// <summary>Content every site shows: categories, campaigns, cultures, assets.</summary>
    public const string Shared = "shared";

    /// <summary>Everything: pages that list all sites (the portal, the sitemap index) depend on every change.</summary>
    public const string All = "*";

    public static string Site(Guid enterpriseId) => $"site:{enterpriseId:N}";

    /// <summary>The scopes of one site's pages.</summary>
    public static string[] OfSite(Guid enterpriseId) => [Site(enterpriseId), Shared];
}

/// <summary>The generation at which a scope last changed.</summary>
public sealed class ContentScopeRow
{
    public required string Scope { get; set; }
    public long Generation { get; set; }
}

internal sealed class ContentScopeConfiguration : IEntityTypeConfiguration<ContentScopeRow>
{
    public void Configure(EntityTypeBuilder<ContentScopeRow> builder)
    {
        builder.ToTable("content_scopes");
        builder.HasKey(s => s.Scope);
        builder.Property(s => s.Scope).HasMaxLength(80);
    }
}

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

    /// <summary>Each scope's last change, as far as read; complete up to <see cref="_scopesReadUpTo"/>.</summary>
    private readonly ConcurrentDictionary<string, long> _scopes = new(StringComparer.Ordinal);
    private long _scopesReadUpTo = -1;

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
        var readUpTo = Volatile.Read(ref _scopesReadUpTo);
        if (generation != readUpTo)
        {
            // A bump commits the counter and its scope rows together, so every scope change up to the generation
            // just read is visible now (later ones may be too; they only make pages look stale sooner).
            var changed = await db.ContentScopes.AsNoTracking().Where(s => s.Generation > readUpTo).ToListAsync(cancellationToken);
            foreach (var row in changed)
            {
                _scopes.AddOrUpdate(row.Scope, row.Generation, (_, known) => Math.Max(known, row.Generation));
            }

            InterlockedMax(ref _scopesReadUpTo, generation);
        }

        Volatile.Write(ref _generation, generation);
        Volatile.Write(ref _readAt, now);
        return generation;
    }

    /// <summary>
    /// Whether something computed at <paramref name="computedAt"/> from content in <paramref name="dependsOn"/> is
    /// still current, as of the last <see cref="CurrentAsync"/>: no scope it depends on changed after it was computed.
    /// </summary>
    public bool IsFresh(long computedAt, IReadOnlyList<string> dependsOn)
    {
        foreach (var scope in dependsOn)
        {
            var changedAt = scope == ContentScopes.All ? Volatile.Read(ref _generation) : _scopes.GetValueOrDefault(scope);
            if (changedAt > computedAt || changedAt < 0)
            {
                return false;
            }
        }

        return true;
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    /// <summary>A change was saved here: the next request re-reads the generation instead of trusting the last one.</summary>
    public void Invalidate() => Volatile.Write(ref _generation, -1);

    /// <summary>
    /// Bumps the generation for a change that bypassed the change tracker (bulk updates, background processing),
    /// which the interceptor cannot see.
    /// </summary>
    public async Task BumpAsync(AppDbContext db, CancellationToken cancellationToken, params IReadOnlyCollection<string> changedScopes)
    {
        await BumpAsync(db.Database, changedScopes.Count == 0 ? [ContentScopes.Shared] : changedScopes, cancellationToken);
        Invalidate();
    }

    /// <summary>
    /// Increments the counter and stamps each changed scope with the new value, in one transaction (the caller's, when
    /// it has one), so a reader that sees the new counter also sees the scopes it changed.
    /// </summary>
    internal static async Task BumpAsync(DatabaseFacade database, IReadOnlyCollection<string> changedScopes, CancellationToken cancellationToken)
    {
        var own = database.CurrentTransaction is null ? await database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await database.ExecuteSqlRawAsync(BumpSql, cancellationToken);
            foreach (var scope in changedScopes)
            {
                await database.ExecuteSqlRawAsync(StampScopeSql, [scope], cancellationToken);
            }

            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    internal static void Bump(DatabaseFacade database, IReadOnlyCollection<string> changedScopes)
    {
        using var own = database.CurrentTransaction is null ? database.BeginTransaction() : null;
        database.ExecuteSqlRaw(BumpSql);
        foreach (var scope in changedScopes)
        {
            database.ExecuteSqlRaw(StampScopeSql, [scope]);
        }

        own?.Commit();
    }

    private const string BumpSql = "UPDATE content_generation SET \"Generation\" = \"Generation\" + 1 WHERE \"Id\" = 1";

    // Standard upsert in both SQLite and PostgreSQL; the WHERE keeps SQLite's parser from reading ON CONFLICT as a join.
    private const string StampScopeSql =
        "INSERT INTO content_scopes (\"Scope\", \"Generation\") SELECT {0}, \"Generation\" FROM content_generation WHERE \"Id\" = 1 " +
        "ON CONFLICT (\"Scope\") DO UPDATE SET \"Generation\" = excluded.\"Generation\"";
}

/// <summary>
/// Bumps the content generation after a save that added, changed or removed public content. The bump runs after the
/// commit (or inside the caller's transaction), and readers read the generation before the data, so a response
/// computed from old data is never stored under the new generation.
/// </summary>
public sealed class ContentGenerationInterceptor(IServiceProvider services) : SaveChangesInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, HashSet<string>> Pending = new();

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
        if (eventData.Context is { } context && Pending.TryGetValue(context, out var changedScopes))
        {
            Pending.Remove(context);
            await ContentGeneration.BumpAsync(context.Database, changedScopes, cancellationToken);
            services.GetRequiredService<ContentGeneration>().Invalidate();
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && Pending.TryGetValue(context, out var changedScopes))
        {
            Pending.Remove(context);
            ContentGeneration.Bump(context.Database, changedScopes);
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
        if (context is null)
        {
            return;
        }

        var changedScopes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case ISiteContent site:
                    changedScopes.Add(ContentScopes.Site(site.SiteId));
                    break;
                case IPublicContentPart:
                    break;
                case IPublicContent:
                    changedScopes.Add(ContentScopes.Shared);
                    break;
            }
        }

        if (changedScopes.Count > 0 || context.ChangeTracker.Entries().Any(e => e.Entity is IPublicContentPart && e.State != EntityState.Unchanged))
        {
            Pending.AddOrUpdate(context, changedScopes);
        }
    }
}
