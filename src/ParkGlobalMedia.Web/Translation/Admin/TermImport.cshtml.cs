using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Translation.Glossary;

namespace ParkGlobalMedia.Translation.Admin;

/// <summary>Imports a CSV or TBX file into a termbase, all or nothing, every bad line named (<see cref="Termbase"/>).</summary>
[IgnoreAntiforgeryToken] // validated by hand once the size is known to be fine (ImportPageModel)
public sealed class TermImportModel(Termbase terms, AppDbContext db, CultureCatalog cultures, IAntiforgery antiforgery)
    : ImportPageModel(db, cultures, antiforgery)
{
    public static readonly IReadOnlyList<string> FileFormats = ["csv", "tbx"];

    protected override string What => "termbase";
    public override IReadOnlyList<string> Formats => FileFormats;

    protected override Task<Outcome<int>> ImportAsync(string format, Stream file, CancellationToken cancellationToken) =>
        format == "tbx" ? terms.ImportTbxAsync(EnterpriseId, file, cancellationToken) : terms.ImportCsvAsync(EnterpriseId, file, cancellationToken);
}
