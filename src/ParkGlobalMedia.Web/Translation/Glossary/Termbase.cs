using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Content;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Translation.Providers;

namespace ParkGlobalMedia.Translation.Glossary;

/// <summary>The editable shape of a term.</summary>
public sealed record TermInput(
    string? SourceCulture,
    string? Source,
    Dictionary<string, string>? Targets,
    bool DoNotTranslate,
    Dictionary<string, List<string>>? Forbidden,
    string? PartOfSpeech,
    string? Note);

/// <summary>A file to download: what the API and the admin screens hand out alike.</summary>
public sealed record ExportFile(byte[] Content, string ContentType, string FileName);

public sealed record TermView(
    Guid Id, string Termbase, string SourceCulture, string Source, IReadOnlyDictionary<string, string> Targets, bool DoNotTranslate,
    IReadOnlyDictionary<string, List<string>> Forbidden, string? PartOfSpeech, string? Note, DateTime UpdatedAt)
{
    public static TermView From(Term term, string termbase) =>
        new(term.Id, termbase, term.SourceCulture, term.Source, term.Targets, term.DoNotTranslate, term.Forbidden, term.PartOfSpeech, term.Note, term.UpdatedAt);
}

/// <summary>
/// The termbases: the centre's shared one ("shared") and one per enterprise (its slug). Centre curators and admins
/// keep the shared one; an enterprise's editors keep its own; whoever may read an enterprise's drafts may read its
/// termbase and the shared one. Terms are saved by their source (one term per source text and culture per
/// termbase): saving the same source again changes it.
/// </summary>
public sealed partial class Termbase(AppDbContext db, CultureCatalog cultures, TimeProvider clock)
{
    public const int MaxTermLength = 200;
    public const int MaxForbiddenPerCulture = 20;

    /// <summary>Resolves "shared" or an enterprise slug as a termbase the caller may read (or write).</summary>
    public Task<Outcome<(Guid? EnterpriseId, string Name)>> OpenAsync(CallerContext caller, string termbase, bool write, CancellationToken cancellationToken) =>
        TranslationResources.OpenAsync(db, caller, termbase, "termbase", write, cancellationToken);

    public async Task<IReadOnlyList<Term>> ListAsync(Guid? enterpriseId, string? search, CancellationToken cancellationToken)
    {
        var scope = Term.ScopeOf(enterpriseId);
        var terms = await db.Set<Term>().AsNoTracking().Where(t => t.Scope == scope).OrderBy(t => t.SourceCulture).ThenBy(t => t.Source).ToListAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(search)
            ? terms
            : terms.Where(t => t.Source.Contains(search, StringComparison.OrdinalIgnoreCase) || t.Targets.Values.Any(v => v.Contains(search, StringComparison.OrdinalIgnoreCase))).ToList();
    }

    /// <summary>One term of the termbase, or null when <paramref name="id"/> is not in it (another termbase's included).</summary>
    public async Task<Term?> FindAsync(Guid? enterpriseId, Guid id, CancellationToken cancellationToken)
    {
        var scope = Term.ScopeOf(enterpriseId);
        return await db.Set<Term>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.Scope == scope, cancellationToken);
    }

    /// <summary>Adds the term, or changes the termbase's term with the same source text and culture.</summary>
    public async Task<Outcome<Term>> SaveAsync(Guid? enterpriseId, TermInput input, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (valid, source, sourceCulture) = await ValidateAsync(input, "", errors, cancellationToken);
        if (!errors.IsEmpty)
        {
            return errors.ToFailure();
        }

        var term = await UpsertAsync(enterpriseId, valid, source, sourceCulture, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return Failure.Stale($"Someone saved the term '{source}' at the same moment; reload and try again.");
        }

        return term;
    }

    public async Task<Outcome<bool>> DeleteAsync(Guid? enterpriseId, Guid id, CancellationToken cancellationToken)
    {
        var scope = Term.ScopeOf(enterpriseId);
        var deleted = await db.Set<Term>().Where(t => t.Id == id && t.Scope == scope).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? Failure.NotFound($"Term {id} is not in this termbase.") : true;
    }

    /// <summary>
    /// Imports rows all or nothing: every row is checked first, and one bad row (named by its line) saves none.
    /// Existing terms with the same source are changed, others added; nothing is deleted.
    /// </summary>
    public async Task<Outcome<int>> ImportAsync(Guid? enterpriseId, IReadOnlyList<(int Line, TermInput Input)> rows, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var checkedRows = new List<(TermInput Input, string Source, string Culture)>();
        var seen = new Dictionary<(string, string), int>();
        foreach (var (line, input) in rows)
        {
            var (valid, source, culture) = await ValidateAsync(input, $"line {line}: ", errors, cancellationToken);
            if (source.Length > 0 && !seen.TryAdd((culture, source), line))
            {
                errors.Add("file", $"line {line}: '{source}' ({culture}) is already on line {seen[(culture, source)]}.");
            }

            checkedRows.Add((valid, source, culture));
        }

        if (!errors.IsEmpty)
        {
            return errors.ToFailure();
        }

        // One read of the termbase instead of one per row: the upserts below then find existing terms in the tracker.
        var scope = Term.ScopeOf(enterpriseId);
        await db.Set<Term>().Where(t => t.Scope == scope).LoadAsync(cancellationToken);
        foreach (var (input, source, culture) in checkedRows)
        {
            await UpsertAsync(enterpriseId, input, source, culture, cancellationToken, termbaseLoaded: true);
        }

        await db.SaveChangesAsync(cancellationToken);
        return checkedRows.Count;
    }

    /// <summary>The whole termbase as CSV, with a byte order mark: spreadsheet programs then read the Chinese as UTF-8.</summary>
    public async Task<ExportFile> ExportCsvAsync(Guid? enterpriseId, string termbase, CancellationToken cancellationToken)
    {
        var csv = TermCsv.Write(await ListAsync(enterpriseId, null, cancellationToken));
        return new([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)], "text/csv; charset=utf-8", $"termbase-{termbase}.csv");
    }

    /// <summary>The whole termbase as TBX-Basic.</summary>
    public async Task<ExportFile> ExportTbxAsync(Guid? enterpriseId, string termbase, CancellationToken cancellationToken)
    {
        var tbx = TermTbx.Write(await ListAsync(enterpriseId, null, cancellationToken), termbase);
        return new(Encoding.UTF8.GetBytes(tbx), "application/x-tbx+xml; charset=utf-8", $"termbase-{termbase}.tbx");
    }

    /// <summary>Imports a CSV file (UTF-8, see <see cref="TermCsv"/>): a file of the wrong shape is refused as a whole.</summary>
    public async Task<Outcome<int>> ImportCsvAsync(Guid? enterpriseId, Stream csv, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(csv, Encoding.UTF8);
        var (rows, problem) = TermCsv.Read(await reader.ReadToEndAsync(cancellationToken));
        return problem is not null ? Failure.Invalid("file", problem) : await ImportAsync(enterpriseId, rows, cancellationToken);
    }

    /// <summary>Imports a TBX-Basic file (see <see cref="TermTbx"/>): broken or foreign XML is refused as a whole.</summary>
    public async Task<Outcome<int>> ImportTbxAsync(Guid? enterpriseId, Stream tbx, CancellationToken cancellationToken)
    {
        // XmlReader reads synchronously: take the (size-limited) body into memory first.
        using var buffer = new MemoryStream();
        await tbx.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        var (rows, problem) = TermTbx.Read(buffer);
        return problem is not null ? Failure.Invalid("file", problem) : await ImportAsync(enterpriseId, rows, cancellationToken);
    }

    /// <summary>
    /// The terms of an enterprise's termbase and the shared one (the enterprise's win on the same source) that occur
    /// in <paramref name="texts"/>: what QA checks a translation against.
    /// </summary>
    public async Task<IReadOnlyList<Term>> UsedInAsync(Guid enterpriseId, string sourceCulture, IEnumerable<string> texts, CancellationToken cancellationToken)
    {
        var scopes = new[] { Term.SharedScope, Term.ScopeOf(enterpriseId) };
        var terms = await db.Set<Term>().AsNoTracking().Where(t => scopes.Contains(t.Scope) && t.SourceCulture == sourceCulture).ToListAsync(cancellationToken);
        var all = string.Join('\n', texts);
        return terms.Where(t => all.Contains(t.Source, StringComparison.Ordinal))
            .GroupBy(t => t.Source, StringComparer.Ordinal)
            .Select(g => g.FirstOrDefault(t => t.Scope != Term.SharedScope) ?? g.First())
            .ToList();
    }

    /// <summary>
    /// <see cref="UsedInAsync"/> per target culture, as providers apply them. A "do not translate" term applies to
    /// every culture; a translated term only where it has a translation.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ProviderTerm>>> TermsForAsync(
        Guid enterpriseId, string sourceCulture, IReadOnlyList<string> targetCultures, IEnumerable<string> texts, CancellationToken cancellationToken)
    {
        var used = await UsedInAsync(enterpriseId, sourceCulture, texts, cancellationToken);
        return targetCultures.ToDictionary(
            culture => culture,
            culture => (IReadOnlyList<ProviderTerm>)used
                .Where(t => t.DoNotTranslate || t.Targets.ContainsKey(culture))
                .Select(t => new ProviderTerm(t.Source, t.DoNotTranslate ? t.Source : t.Targets[culture], t.DoNotTranslate))
                .ToList());
    }

    /// <param name="termbaseLoaded">The whole termbase is in the tracker already (an import): no query per term.</param>
    private async Task<Term> UpsertAsync(
        Guid? enterpriseId, TermInput input, string source, string sourceCulture, CancellationToken cancellationToken, bool termbaseLoaded = false)
    {
        var scope = Term.ScopeOf(enterpriseId);
        var now = clock.GetUtcNow().UtcDateTime;
        var term = db.Set<Term>().Local.FirstOrDefault(t => t.Scope == scope && t.SourceCulture == sourceCulture && t.Source == source);
        if (term is null && !termbaseLoaded)
        {
            term = await db.Set<Term>().FirstOrDefaultAsync(t => t.Scope == scope && t.SourceCulture == sourceCulture && t.Source == source, cancellationToken);
        }
        if (term is null)
        {
            term = new Term { Id = Guid.CreateVersion7(), Scope = scope, EnterpriseId = enterpriseId, SourceCulture = sourceCulture, Source = source, CreatedAt = now };
            db.Add(term);
        }

        term.Targets = input.DoNotTranslate ? [] : new Dictionary<string, string>(input.Targets ?? []);
        term.DoNotTranslate = input.DoNotTranslate;
        term.Forbidden = new Dictionary<string, List<string>>(input.Forbidden ?? []);
        term.PartOfSpeech = input.PartOfSpeech;
        term.Note = input.Note;
        term.UpdatedAt = now;
        return term;
    }

    /// <summary>Checks one term; returns it cleaned (cultures normalized, texts trimmed, empty entries dropped).</summary>
    private async Task<(TermInput Input, string Source, string SourceCulture)> ValidateAsync(
        TermInput input, string at, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var enabled = (await cultures.AllAsync(cancellationToken)).Select(c => c.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var source = Clean(input.Source);
        if (source.Length == 0)
        {
            errors.Add("source", $"{at}source is required: the word or phrase as the source text writes it.");
        }
        else if (source.Length > MaxTermLength)
        {
            errors.Add("source", $"{at}source is at most {MaxTermLength} characters; this one has {source.Length}.");
        }

        var sourceCulture = Culture.Normalize(input.SourceCulture ?? "zh-CN") ?? input.SourceCulture ?? "";
        if (!enabled.Contains(sourceCulture))
        {
            errors.Add("sourceCulture", $"{at}'{input.SourceCulture}' is not a culture enabled on this platform.");
        }

        var targets = new Dictionary<string, string>();
        foreach (var (culture, text) in input.Targets ?? [])
        {
            var code = Culture.Normalize(culture);
            var cleaned = Clean(text);
            if (code is null || !enabled.Contains(code))
            {
                errors.Add("targets", $"{at}'{culture}' is not a culture enabled on this platform.");
            }
            else if (cleaned.Length > MaxTermLength)
            {
                errors.Add($"targets.{code}", $"{at}the {code} term is at most {MaxTermLength} characters.");
            }
            else if (cleaned.Length > 0)
            {
                targets[code] = cleaned;
            }
        }

        if (!input.DoNotTranslate && targets.Count == 0 && source.Length > 0)
        {
            errors.Add("targets", $"{at}'{source}' needs a translation in at least one culture, or doNotTranslate for a name that stays as written.");
        }

        var forbidden = new Dictionary<string, List<string>>();
        foreach (var (culture, words) in input.Forbidden ?? [])
        {
            var code = Culture.Normalize(culture);
            var list = (words ?? []).Select(Clean).Where(w => w.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            if (code is null || !enabled.Contains(code))
            {
                errors.Add("forbidden", $"{at}'{culture}' is not a culture enabled on this platform.");
            }
            else if (list.Count > MaxForbiddenPerCulture || list.Any(w => w.Length > MaxTermLength))
            {
                errors.Add($"forbidden.{code}", $"{at}at most {MaxForbiddenPerCulture} forbidden alternatives of at most {MaxTermLength} characters per culture.");
            }
            else if (list.Count > 0)
            {
                forbidden[code] = list;
            }
        }

        errors.MaxLength("partOfSpeech", input.PartOfSpeech, 40);
        errors.MaxLength("note", input.Note, 1000);
        return (input with { Targets = targets, Forbidden = forbidden, PartOfSpeech = NullIfEmpty(input.PartOfSpeech), Note = NullIfEmpty(input.Note) }, source, sourceCulture);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>Trimmed, inner runs of whitespace (and line breaks) as one space: a term is one line.</summary>
    private static string Clean(string? text) => Whitespace().Replace(text ?? "", " ").Trim();

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
