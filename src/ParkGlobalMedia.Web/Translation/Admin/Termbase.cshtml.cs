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
public sealed class TermbaseModel(Termbase terms, AppDbContext db, CultureCatalog cultures) : ListScreenModel(db, cultures)
{
    protected override string What => "termbase";

    public IReadOnlyList<Term> Terms { get; private set; } = [];
    public override ImportForm ImportForm => ImportFormFor(TermImportModel.FileFormats, null);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await OpenAsync(write: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        var found = await terms.ListAsync(EnterpriseId, Q, cancellationToken);
        Terms = found.Skip(Paginate(found.Count)).Take(PageSize).ToList();
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        await OpenAsync(write: false, cancellationToken) ?? Download(await terms.ExportCsvAsync(EnterpriseId, Name, cancellationToken));

    public async Task<IActionResult> OnGetTbxAsync(CancellationToken cancellationToken) =>
        await OpenAsync(write: false, cancellationToken) ?? Download(await terms.ExportTbxAsync(EnterpriseId, Name, cancellationToken));

    private FileContentResult Download(ExportFile file) => File(file.Content, file.ContentType, file.FileName);
}
