using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Translation.Memory;

namespace ParkGlobalMedia.Translation.Admin;

/// <summary>Asks before a memory unit is deleted (a page and a POST form: no script needed), then deletes it.</summary>
public sealed class MemoryUnitDeleteModel(TranslationMemory memories, AppDbContext db, CultureCatalog cultures) : TranslationPageModel(db, cultures)
{
    protected override string What => "memory";

    public MemoryUnit? Unit { get; private set; }
    public string ScreenPath => $"/admin/memories/{Name}";

    public async Task<IActionResult> OnGetAsync(string memory, Guid id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(memory, write: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        Unit = await memories.Units(EnterpriseId, null, null, null).FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        return Unit is null ? NotFoundPage() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string memory, Guid id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(memory, write: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        var deleted = await memories.DeleteAsync(EnterpriseId, id, cancellationToken);
        if (!deleted.Succeeded)
        {
            return Refused(deleted.Failure!);
        }

        Notice = T["memory.deleted"];
        return Redirect(ScreenPath);
    }
}
