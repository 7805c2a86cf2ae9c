using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Translation.Glossary;
using ParkGlobalMedia.Translation.Segmentation;

namespace ParkGlobalMedia.Translation.Memory;

/// <summary>A stretch of a fuzzy match's source compared with the new source: kept, removed from the match, or new.</summary>
public sealed record DiffPart(string Kind, string Text);

/// <summary>A memory unit offered for a source segment, with how similar its source is (1 = exact).</summary>
public sealed record MemoryMatch(Guid UnitId, string Source, string Target, double Similarity, string Origin, bool Shared, IReadOnlyList<DiffPart> Difference);

/// <summary>
/// Translation memories: one per enterprise plus the shared one. Exact matches (after normalizing width, spacing and
/// punctuation) are reused without asking a provider; fuzzy matches (by default at least 75% similar, by edit distance
/// over characters, which suits Chinese as well as English) are offered to the reviewer with the difference marked.
/// An enterprise's own unit wins over a shared one.
/// </summary>
public sealed partial class TranslationMemory(AppDbContext db, CultureCatalog cultures, TimeProvider clock)
{
    public const double DefaultFuzzyThreshold = 0.75;

    /// <summary>
    /// Brings the units an import may replace into the tracker in a few queries, so <see cref="RememberAsync"/> finds
    /// them there instead of querying once per unit.
    /// </summary>
    public async Task LoadForImportAsync(Guid? enterpriseId, IEnumerable<string> sources, CancellationToken cancellationToken)
    {
        var scope = Term.ScopeOf(enterpriseId);
        foreach (var keys in sources.Select(Key).Distinct().Chunk(500))
        {
            await db.Set<MemoryUnit>().Where(u => u.Scope == scope && keys.Contains(u.SourceKey)).LoadAsync(cancellationToken);
        }
    }

    /// <summary>Remembers a translation, replacing the unit for the same normalized source if there is one.</summary>
    /// <param name="loaded">The candidates are in the tracker already (<see cref="LoadForImportAsync"/>).</param>
    public async Task<MemoryUnit> RememberAsync(
        Guid? enterpriseId, string sourceCulture, string targetCulture, string source, string target, string origin, CancellationToken cancellationToken,
        bool loaded = false)
    {
        var scope = Term.ScopeOf(enterpriseId);
        var key = Key(source);
        var now = clock.GetUtcNow().UtcDateTime;
        var unit = db.Set<MemoryUnit>().Local.FirstOrDefault(u => u.Scope == scope && u.SourceCulture == sourceCulture && u.TargetCulture == targetCulture && u.SourceKey == key);
        if (unit is null && !loaded)
        {
            unit = await db.Set<MemoryUnit>().FirstOrDefaultAsync(
                u => u.Scope == scope && u.SourceCulture == sourceCulture && u.TargetCulture == targetCulture && u.SourceKey == key, cancellationToken);
        }
        if (unit is null)
        {
            unit = new MemoryUnit
            {
                Id = Guid.CreateVersion7(), Scope = scope, EnterpriseId = enterpriseId, SourceCulture = sourceCulture, TargetCulture = targetCulture,
                SourceKey = key, Source = source, Target = target, Origin = origin, CreatedAt = now,
            };
            db.Add(unit);
        }

        (unit.Source, unit.Target, unit.Origin, unit.UpdatedAt, unit.SourceLength) = (source, target, origin, now, Words(source).Length);
        return unit;
    }

    /// <summary>Exact matches for many segments at once (one query), the enterprise's unit before a shared one (null: shared only).</summary>
    public async Task<IReadOnlyDictionary<string, MemoryUnit>> ExactAsync(
        Guid? enterpriseId, string sourceCulture, string targetCulture, IEnumerable<string> sources, CancellationToken cancellationToken)
    {
        var keys = sources.Distinct().ToDictionary(s => s, Key);
        var scopes = new[] { Term.SharedScope, Term.ScopeOf(enterpriseId) };
        var wanted = keys.Values.Distinct().ToList();
        var units = await db.Set<MemoryUnit>().AsNoTracking()
            .Where(u => scopes.Contains(u.Scope) && u.SourceCulture == sourceCulture && u.TargetCulture == targetCulture && wanted.Contains(u.SourceKey))
            .ToListAsync(cancellationToken);
        var byKey = units.GroupBy(u => u.SourceKey).ToDictionary(g => g.Key, g => g.FirstOrDefault(u => u.Scope != Term.SharedScope) ?? g.First());
        return keys.Where(k => byKey.ContainsKey(k.Value)).ToDictionary(k => k.Key, k => byKey[k.Value]);
    }

    /// <summary>The most similar units at or above <paramref name="threshold"/>, best first, with the difference to the new source.</summary>
    public async Task<IReadOnlyList<MemoryMatch>> FuzzyAsync(
        Guid? enterpriseId, string sourceCulture, string targetCulture, string source, double threshold = DefaultFuzzyThreshold, int take = 3,
        CancellationToken cancellationToken = default)
    {
        var words = Words(source);
        if (words.Length == 0)
        {
            return [];
        }

        // Edit distance ≥ the length difference, so only units within (1 - threshold) of the length can qualify.
        var (shortest, longest) = ((int)Math.Floor(words.Length * threshold), (int)Math.Ceiling(words.Length / threshold));
        var scopes = new[] { Term.SharedScope, Term.ScopeOf(enterpriseId) };
        var candidates = await db.Set<MemoryUnit>().AsNoTracking()
            .Where(u => scopes.Contains(u.Scope) && u.SourceCulture == sourceCulture && u.TargetCulture == targetCulture &&
                        u.SourceLength >= shortest && u.SourceLength <= longest)
            .OrderByDescending(u => u.UpdatedAt).Take(2_000)
            .ToListAsync(cancellationToken);
        return candidates
            .Select(u => (Unit: u, Similarity: Similarity(words, Words(u.Source))))
            .Where(c => c.Similarity >= threshold)
            .OrderByDescending(c => c.Similarity).ThenBy(c => c.Unit.Scope == Term.SharedScope)
            .Take(take)
            .Select(c => new MemoryMatch(c.Unit.Id, c.Unit.Source, c.Unit.Target, Math.Round(c.Similarity, 3), c.Unit.Origin, c.Unit.Scope == Term.SharedScope,
                Diff(Words(c.Unit.Source), words)))
            .ToList();
    }

    /// <summary>
    /// The key of a source: its words (tags kept as they are), compatibility-normalized (full-width → half-width),
    /// lower-cased, without whitespace and punctuation — "第一段。" and "第一段." and " 第一段 " are one unit.
    /// </summary>
    public static string Key(string tagged)
    {
        var text = tagged.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var kept = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && !char.IsPunctuation(c) || c is '<' or '>' or '/' or '"' or '=')
            {
                kept.Append(c);
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(kept.ToString())));
    }

    /// <summary>The characters compared for similarity: the words without tags, spacing normalized.</summary>
    private static string Words(string tagged) => string.Join(' ', TaggedText.PlainText(tagged).Normalize(NormalizationForm.FormKC)
        .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>1 − Levenshtein distance ÷ the longer length, over text elements (so an emoji or a CJK character counts once).</summary>
    internal static double Similarity(string a, string b)
    {
        var (x, y) = (Elements(a), Elements(b));
        var longest = Math.Max(x.Length, y.Length);
        return longest == 0 ? 1 : 1 - (double)Distance(x, y) / longest;
    }

    private static string[] Elements(string text)
    {
        var elements = new List<string>(text.Length);
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            elements.Add(enumerator.GetTextElement());
        }

        return [.. elements];
    }

    private static int Distance(string[] a, string[] b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>
    /// What changed from the match's source to the new one, by text element (longest common subsequence): "equal"
    /// stretches, "removed" (in the match, not in the new source) and "added" (new) — what the reviewer must fix.
    /// </summary>
    internal static IReadOnlyList<DiffPart> Diff(string from, string to)
    {
        var (a, b) = (Elements(from), Elements(to));
        if ((long)a.Length * b.Length > 1_000_000)
        {
            return [new DiffPart("removed", from), new DiffPart("added", to)]; // two long paragraphs: too costly to align
        }

        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var parts = new List<DiffPart>();
        void Add(string kind, string text)
        {
            if (parts.Count > 0 && parts[^1].Kind == kind)
            {
                parts[^1] = parts[^1] with { Text = parts[^1].Text + text };
            }
            else
            {
                parts.Add(new DiffPart(kind, text));
            }
        }

        var (x, y) = (0, 0);
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                Add("equal", a[x++]);
                y++;
            }
            else if (lcs[x + 1, y] >= lcs[x, y + 1])
            {
                Add("removed", a[x++]);
            }
            else
            {
                Add("added", b[y++]);
            }
        }

        while (x < a.Length)
        {
            Add("removed", a[x++]);
        }

        while (y < b.Length)
        {
            Add("added", b[y++]);
        }

        return parts;
    }
}
