using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Admin;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Content.Enterprises.Admin;

/// <summary>The member enterprises, for the centre's curators and platform admins.</summary>
public sealed class EnterprisesModel(AppDbContext db) : AdminPageModel
{
    public List<Enterprise> Enterprises { get; private set; } = [];
    public bool CanCreate { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var caller = await CallerAsync();
        if (!ContentPermissions.CanManageEnterprise(caller))
        {
            return Forbid();
        }

        CanCreate = ContentPermissions.CanManagePlatform(caller);
        Enterprises = await db.Enterprises.AsNoTracking().OrderBy(e => e.Slug).ToListAsync(cancellationToken);
        return Page();
    }
}
