using Microsoft.AspNetCore.Mvc;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Translation.Glossary;

namespace ParkGlobalMedia.Translation.Admin;

/// <summary>
/// Adds a term (/terms/new) or edits one: source and its culture, a translation per culture or "do not translate",
/// forbidden alternatives per culture (one per line), part of speech, note. Validation is the termbase's, all at once.
/// </summary>
/// <remarks>
/// A termbase keeps one term per source text and culture and saving a source again changes that term, so an edit
/// keeps its source: renaming would silently change whichever term already has the new source.
/// </remarks>
public sealed class TermEditorModel(Termbase terms, AppDbContext db, CultureCatalog cultures) : TranslationPageModel(db, cultures)
{
    protected override string What => "termbase";

    [BindProperty] public string? SourceCulture { get; set; }
    [BindProperty] public string? Source { get; set; }
    [BindProperty] public Dictionary<string, string> Targets { get; set; } = [];
    [BindProperty] public bool DoNotTranslate { get; set; }
    [BindProperty] public Dictionary<string, string> Forbidden { get; set; } = [];
    [BindProperty] public string? PartOfSpeech { get; set; }
    [BindProperty] public string? Note { get; set; }

    /// <summary>The term edited, null for a new one.</summary>
    public Guid? TermId { get; private set; }

    public bool IsNew => TermId is null;

    /// <summary>A row per enabled culture, plus any culture the form came back with (so nothing typed is dropped).</summary>
    public IEnumerable<string> Rows => Cultures.Select(c => c.Code).Concat(Targets.Keys).Concat(Forbidden.Keys).Distinct(StringComparer.OrdinalIgnoreCase);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(write: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (id == "new")
        {
            SourceCulture = "zh-CN";
            return Page();
        }

        if (!Guid.TryParse(id, out var termId) || await terms.FindAsync(EnterpriseId, termId, cancellationToken) is not { } term)
        {
            return NotFoundPage();
        }

        TermId = term.Id;
        (SourceCulture, Source, DoNotTranslate, PartOfSpeech, Note) = (term.SourceCulture, term.Source, term.DoNotTranslate, term.PartOfSpeech, term.Note);
        Targets = new Dictionary<string, string>(term.Targets);
        Forbidden = term.Forbidden.ToDictionary(f => f.Key, f => string.Join('\n', f.Value));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(write: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (id != "new")
        {
            if (!Guid.TryParse(id, out var termId) || await terms.FindAsync(EnterpriseId, termId, cancellationToken) is not { } term)
            {
                return Refused(Failure.NotFound(T.Format("termbase.notInTermbase", id, Name)));
            }

            (TermId, SourceCulture, Source) = (term.Id, term.SourceCulture, term.Source);
        }

        var input = new TermInput(SourceCulture, Source, Targets, DoNotTranslate,
            Forbidden.ToDictionary(f => f.Key, f => (f.Value ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList()),
            PartOfSpeech, Note);
        var saved = await terms.SaveAsync(EnterpriseId, input, cancellationToken);
        if (!saved.Succeeded)
        {
            return Refused(saved.Failure!);
        }

        Notice = T.Format("termbase.saved", saved.Value!.Source);
        return Redirect($"{ScreenPath}?q={Uri.EscapeDataString(saved.Value.Source)}");
    }
}
