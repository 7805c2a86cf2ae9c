using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Translation.Memory;

namespace ParkGlobalMedia.Translation.Admin;

/// <summary>
/// Finds what a memory offers for a source segment someone types: the exact unit and the close ones with the
/// difference marked, as a translation would be offered them (an enterprise's own units before the shared ones; in
/// the shared memory, the shared ones alone).
/// </summary>
/// <remarks>A POST, not a GET form: a paragraph of Chinese is too long for a query string.</remarks>
public sealed class MemoryMatchesModel(TranslationMemory memories, AppDbContext db, CultureCatalog cultures) : TranslationPageModel(db, cultures)
{
    protected override string What => "memory";

    [BindProperty] public string? SourceCulture { get; set; } = "zh-CN";
    [BindProperty] public string? TargetCulture { get; set; } = "en";
    [BindProperty] public string? Source { get; set; }

    public MemoryLookup? Found { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await OpenAsync(write: false, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await OpenAsync(write: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        var found = await memories.LookUpAsync(EnterpriseId, SourceCulture, TargetCulture, Source, cancellationToken);
        if (!found.Succeeded)
        {
            return Refused(found.Failure!);
        }

        Found = found.Value;
        return Page();
    }

    /// <summary>
    /// The match's source against the typed one: removed stretches in &lt;del&gt;, added ones in &lt;ins&gt;, each also
    /// named in words for screen readers (which mostly do not announce the elements) — struck through and underlined
    /// (with the stylesheet's − and + signs), so the difference never rests on colour alone. Built without whitespace
    /// between the parts, which the pre-wrapped diff box would show.
    /// </summary>
    public IHtmlContent Difference(MemoryMatch match) => DifferenceHtml.Render(match, T);

    /// <summary>Whether a culture select should show <paramref name="code"/> as an extra option: typed, but not enabled.</summary>
    public bool IsUnknown(string? code) => !string.IsNullOrEmpty(code) && !Cultures.Any(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));
}
