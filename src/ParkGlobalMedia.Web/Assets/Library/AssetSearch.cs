using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Assets.Library;

/// <summary>
/// Substring search over <see cref="Asset.SearchText"/> through each provider's trigram index (migration 0005):
/// SQLite's FTS5 trigram table, PostgreSQL's pg_trgm GIN index. Substrings rather than words because Chinese has no
/// spaces: "泵车" must find "混凝土泵车". Both indexes answer LIKE '%term%' for terms of three or more characters.
/// </summary>
public static class AssetSearch
{
    public static IQueryable<Asset> Matching(AppDbContext db, IQueryable<Asset> assets, string search)
    {
        foreach (var term in search.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(8))
        {
            var pattern = $"%{Escape(term)}%";
            if (db.Database.IsSqlite())
            {
                var ids = db.Database.SqlQuery<Guid>($"SELECT asset_id AS \"Value\" FROM assets_search WHERE text LIKE {pattern} ESCAPE '\\'");
                assets = assets.Where(a => ids.Contains(a.Id));
            }
            else
            {
                assets = assets.Where(a => EF.Functions.Like(a.SearchText, pattern, "\\"));
            }
        }

        return assets;
    }

    private static string Escape(string term) =>
        term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
