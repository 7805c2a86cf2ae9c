using System.Text;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Translation.Glossary;

namespace ParkGlobalMedia.Translation.Memory;

/// <summary>What a memory offers for one source segment: the exact unit, if any, and the close ones (below 100%).</summary>
public sealed record MemoryLookup(MemoryUnit? Exact, IReadOnlyList<MemoryMatch> Fuzzy);

// A memory as people keep it (the API and the admin screens): its units listed and filtered, one removed, TMX out and
// in (all or nothing), and the matches for a segment someone types, each checked the same way for both.
public sealed partial class TranslationMemory
{
    public const int MaxSourceLength = 20_000;

    /// <summary>
    /// The units of a memory, newest first, optionally of one source or target culture and containing a text in the
    /// source or the translation (ASCII letters in any case; other scripts have none or are compared as written).
    /// </summary>
    public IQueryable<MemoryUnit> Units(Guid? enterpriseId, string? sourceCulture, string? targetCulture, string? search)
    {
        var scope = Term.ScopeOf(enterpriseId);
        var units = db.Set<MemoryUnit>().AsNoTracking().Where(u => u.Scope == scope);
        if (Culture.Normalize(sourceCulture) is { } from)
        {
            units = units.Where(u => u.SourceCulture == from);
        }

        if (Culture.Normalize(targetCulture) is { } to)
        {
            units = units.Where(u => u.TargetCulture == to);
        }

        if (search?.Trim().ToLowerInvariant() is { Length: > 0 } text)
        {
#pragma warning disable CA1862 // Translated to SQL lower(...) LIKE/instr: the StringComparison overload has no translation on both providers.
            units = units.Where(u => u.Source.ToLower().Contains(text) || u.Target.ToLower().Contains(text));
#pragma warning restore CA1862
        }

        return units.OrderByDescending(u => u.UpdatedAt).ThenBy(u => u.Id);
    }

    /// <summary>The whole memory as TMX 1.4b, oldest unit first.</summary>
    public async Task<ExportFile> ExportTmxAsync(Guid? enterpriseId, string memory, CancellationToken cancellationToken)
    {
        var scope = Term.ScopeOf(enterpriseId);
        var units = await db.Set<MemoryUnit>().AsNoTracking().Where(u => u.Scope == scope).OrderBy(u => u.CreatedAt).ToListAsync(cancellationToken);
        var tmx = MemoryTmx.Write(units, units.Count > 0 ? units[0].SourceCulture : "zh-CN");
        return new(Encoding.UTF8.GetBytes(tmx), "application/x-tmx+xml; charset=utf-8", $"memory-{memory}.tmx");
    }

    public async Task<Outcome<bool>> DeleteAsync(Guid? enterpriseId, Guid id, CancellationToken cancellationToken)
    {
        var scope = Term.ScopeOf(enterpriseId);
        var deleted = await db.Set<MemoryUnit>().Where(u => u.Id == id && u.Scope == scope).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? Failure.NotFound($"Unit {id} is not in this memory.") : true;
    }

    /// <summary>
    /// Imports TMX 1.4b all or nothing: broken XML, or a unit between cultures not enabled here (named by its line),
    /// saves none. Units with an empty side are passed over; the count is of the units read.
    /// </summary>
    public async Task<Outcome<int>> ImportTmxAsync(Guid? enterpriseId, Stream tmx, CancellationToken cancellationToken)
    {
        // XmlReader reads synchronously: take the (size-limited) body into memory first.
        using var buffer = new MemoryStream();
        await tmx.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        var (units, problem) = MemoryTmx.Read(buffer);
        if (problem is not null)
        {
            return Failure.Invalid("file", problem);
        }

        var errors = new ValidationErrors();
        var enabled = await EnabledCulturesAsync(cancellationToken);
        foreach (var unit in units.Where(u => Culture.Normalize(u.SourceCulture) is not { } s || !enabled.Contains(s) || Culture.Normalize(u.TargetCulture) is not { } t || !enabled.Contains(t)))
        {
            errors.Add("file", $"line {unit.Line}: '{unit.SourceCulture}' → '{unit.TargetCulture}' is not a pair of cultures enabled on this platform.");
        }

        if (!errors.IsEmpty)
        {
            return errors.ToFailure();
        }

        var usable = units.Where(u => u.Source.Length > 0 && u.Target.Length > 0).ToList();
        await LoadForImportAsync(enterpriseId, usable.Select(u => u.Source), cancellationToken);
        foreach (var unit in usable)
        {
            await RememberAsync(enterpriseId, Culture.Normalize(unit.SourceCulture)!, Culture.Normalize(unit.TargetCulture)!,
                unit.Source, unit.Target, "import", cancellationToken, loaded: true);
        }

        await db.SaveChangesAsync(cancellationToken);
        return units.Count;
    }

    /// <summary>
    /// The exact and fuzzy matches of <paramref name="source"/> (tagged text) in an enterprise's memory and the shared
    /// one, own units first (null: the shared memory alone); cultures and source checked with every problem named.
    /// </summary>
    public async Task<Outcome<MemoryLookup>> LookUpAsync(
        Guid? enterpriseId, string? sourceCulture, string? targetCulture, string? source, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (from, to) = await CheckCulturesAsync(sourceCulture, targetCulture, errors, cancellationToken);
        if (string.IsNullOrWhiteSpace(source))
        {
            errors.Add("source", "source is required: the segment's tagged text.");
        }

        errors.MaxLength("source", source, MaxSourceLength);
        if (!errors.IsEmpty)
        {
            return errors.ToFailure();
        }

        var exact = await ExactAsync(enterpriseId, from!, to!, [source!], cancellationToken);
        var fuzzy = await FuzzyAsync(enterpriseId, from!, to!, source!, cancellationToken: cancellationToken);
        return new MemoryLookup(exact.GetValueOrDefault(source!), fuzzy.Where(f => f.Similarity < 1).ToList());
    }

    /// <summary>The canonical codes of a culture pair, with an error for each that is not enabled on this platform.</summary>
    public async Task<(string? From, string? To)> CheckCulturesAsync(string? source, string? target, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var enabled = await EnabledCulturesAsync(cancellationToken);
        var (from, to) = (Culture.Normalize(source), Culture.Normalize(target));
        if (from is null || !enabled.Contains(from))
        {
            errors.Add("sourceCulture", $"'{source}' is not a culture enabled on this platform.");
        }

        if (to is null || !enabled.Contains(to))
        {
            errors.Add("targetCulture", $"'{target}' is not a culture enabled on this platform.");
        }

        return (from, to);
    }

    private async Task<HashSet<string>> EnabledCulturesAsync(CancellationToken cancellationToken) =>
        (await cultures.AllAsync(cancellationToken)).Select(c => c.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
}
