using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Platform.Cultures;

/// <summary>
/// The cultures enabled on this platform, cached because almost every request validates one. Scoped and reading
/// through the caller's context, so a recipe that adds cultures inside its transaction sees them.
/// </summary>
public sealed class CultureCatalog(AppDbContext db, IMemoryCache cache)
{
    private const string CacheKey = "platform:cultures";

    public async Task<IReadOnlyList<Culture>> AllAsync(CancellationToken cancellationToken = default) =>
        await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5);
            return (IReadOnlyList<Culture>)await db.Cultures.AsNoTracking()
                .OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToListAsync(cancellationToken);
        }) ?? [];

    /// <summary>The canonical code when <paramref name="code"/> names an enabled culture, otherwise null.</summary>
    public async Task<Culture?> FindAsync(string? code, CancellationToken cancellationToken = default)
    {
        var normalized = Culture.Normalize(code);
        if (normalized is null)
        {
            return null;
        }

        var all = await AllAsync(cancellationToken);
        return all.FirstOrDefault(c => string.Equals(c.Code, normalized, StringComparison.OrdinalIgnoreCase));
    }

    public static void Invalidate(IMemoryCache cache) => cache.Remove(CacheKey);
}
