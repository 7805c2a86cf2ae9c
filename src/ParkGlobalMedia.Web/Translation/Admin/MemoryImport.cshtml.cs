using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Translation.Memory;

namespace ParkGlobalMedia.Translation.Admin;

/// <summary>Imports a TMX file into a memory, all or nothing (<see cref="TranslationMemory.ImportTmxAsync"/>).</summary>
[IgnoreAntiforgeryToken] // validated by hand once the size is known to be fine (ImportPageModel)
public sealed class MemoryImportModel(TranslationMemory memories, AppDbContext db, CultureCatalog cultures, IAntiforgery antiforgery)
    : ImportPageModel(db, cultures, antiforgery)
{
    public static readonly IReadOnlyList<string> FileFormats = ["tmx"];

    protected override string What => "memory";
    public override IReadOnlyList<string> Formats => FileFormats;

    protected override Task<Outcome<int>> ImportAsync(string format, Stream file, CancellationToken cancellationToken) =>
        memories.ImportTmxAsync(EnterpriseId, file, cancellationToken);
}
