using Microsoft.AspNetCore.Mvc;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Translation.Glossary;

namespace ParkGlobalMedia.Translation.Admin;

/// <summary>
/// A termbase's terms, searchable and paged, with its CSV and TBX downloads and, for those who may change it, the
/// add, edit, delete and import controls.
/// </summary>
/// <remarks>
/// The downloads are served here rather than linked to the API: the API takes tokens only, never the admin cookie.
/// They are the same files (<see cref="Termbase.ExportCsvAsync"/>, <see cref="Termbase.ExportTbxAsync"/>).
/// </remarks>
public sealed class TermbaseModel(Termbase terms, AppDbContext db, CultureCatalog cultures) : TranslationPageModel(db, cultures)
{
    public const int PageSize = 50;

    protected override string What => "termbase";

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Term> Terms { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public string ScreenPath => $"/admin/termbases/{Name}";
    public ImportForm ImportForm => new("termbase", $"{ScreenPath}/import", TermImportModel.FileFormats, "csv", ImportPageModel.MaxBytes);

    public async Task<IActionResult> OnGetAsync(string termbase, CancellationToken cancellationToken)
    {
        if (await OpenAsync(termbase, write: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        var all = await terms.ListAsync(EnterpriseId, Q, cancellationToken);
        Total = all.Count;
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Terms = all.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(string termbase, CancellationToken cancellationToken) =>
        await OpenAsync(termbase, write: false, cancellationToken) ?? Download(await terms.ExportCsvAsync(EnterpriseId, Name, cancellationToken));

    public async Task<IActionResult> OnGetTbxAsync(string termbase, CancellationToken cancellationToken) =>
        await OpenAsync(termbase, write: false, cancellationToken) ?? Download(await terms.ExportTbxAsync(EnterpriseId, Name, cancellationToken));

    public string PageLink(int page) => $"{ScreenPath}?q={Uri.EscapeDataString(Q ?? "")}&p={page}";

    private FileContentResult Download(ExportFile file) => File(file.Content, file.ContentType, file.FileName);
}
