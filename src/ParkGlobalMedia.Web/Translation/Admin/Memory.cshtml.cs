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
public sealed class MemoryModel(TranslationMemory memories, AppDbContext db, CultureCatalog cultures) : TranslationPageModel(db, cultures)
{
    public const int PageSize = 50;

    protected override string What => "memory";

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Target { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<MemoryUnit> Units { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public string ScreenPath => $"/admin/memories/{Name}";
    public ImportForm ImportForm => new("memory", $"{ScreenPath}/import", MemoryImportModel.FileFormats, "tmx", ImportPageModel.MaxBytes);

    /// <summary>True when the target filter names a culture this platform does not have (shown, kept in the select).</summary>
    public bool UnknownTarget => !string.IsNullOrEmpty(Target) && !Cultures.Any(c => string.Equals(c.Code, Target, StringComparison.OrdinalIgnoreCase));

    public async Task<IActionResult> OnGetAsync(string memory, CancellationToken cancellationToken)
    {
        if (await OpenAsync(memory, write: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (UnknownTarget)
        {
            Errors.Add(T.Format("memory.unknownCulture", Target));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var units = memories.Units(EnterpriseId, null, Target, Q);
        Total = await units.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Units = await units.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetTmxAsync(string memory, CancellationToken cancellationToken)
    {
        if (await OpenAsync(memory, write: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        var file = await memories.ExportTmxAsync(EnterpriseId, Name, cancellationToken);
        return File(file.Content, file.ContentType, file.FileName);
    }

    public string PageLink(int page) => $"{ScreenPath}?target={Uri.EscapeDataString(Target ?? "")}&q={Uri.EscapeDataString(Q ?? "")}&p={page}";

    /// <summary>Who made a unit, in words: a provider's name stays as it is.</summary>
    public string Origin(string origin) => origin is "import" or "reviewer" ? T[$"memory.origin.{origin}"] : origin;
}
