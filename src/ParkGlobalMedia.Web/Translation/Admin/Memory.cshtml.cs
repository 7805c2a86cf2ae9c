using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Translation.Memory;

namespace ParkGlobalMedia.Translation.Admin;

/// <summary>
/// A translation memory's units, newest first, filtered by target culture and text and paged, with its TMX download,
/// the match finder and, for those who may change it, delete and TMX import.
/// </summary>
/// <remarks>The download is served here, not linked to the API, which takes tokens only (see <see cref="TermbaseModel"/>).</remarks>
public sealed class MemoryModel(TranslationMemory memories, AppDbContext db, CultureCatalog cultures) : ListScreenModel(db, cultures)
{
    protected override string What => "memory";

    [BindProperty(SupportsGet = true)] public string? Target { get; set; }

    public IReadOnlyList<MemoryUnit> Units { get; private set; } = [];
    public override ImportForm ImportForm => ImportFormFor(MemoryImportModel.FileFormats, null);

    /// <summary>True when the target filter names a culture this platform does not have (shown, kept in the select).</summary>
    public bool UnknownTarget => !string.IsNullOrEmpty(Target) && !Cultures.Any(c => string.Equals(c.Code, Target, StringComparison.OrdinalIgnoreCase));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await OpenAsync(write: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (UnknownTarget)
        {
            Errors.Add(T.Format("memory.unknownCulture", Target));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var found = memories.Units(EnterpriseId, null, Target, Q);
        var skip = Paginate(await found.CountAsync(cancellationToken));
        Units = await found.Skip(skip).Take(PageSize).ToListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetTmxAsync(CancellationToken cancellationToken)
    {
        if (await OpenAsync(write: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        var file = await memories.ExportTmxAsync(EnterpriseId, Name, cancellationToken);
        return File(file.Content, file.ContentType, file.FileName);
    }

    public override string PageLink(int page) => $"{base.PageLink(page)}&target={Uri.EscapeDataString(Target ?? "")}";

    /// <summary>Who made a unit, in words: a provider's name stays as it is.</summary>
    public string Origin(string origin) => origin is "import" or "reviewer" ? T[$"memory.origin.{origin}"] : origin;
}
