using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Admin;
using ParkGlobalMedia.Assets.Library;
using ParkGlobalMedia.Content.Enterprises;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Assets.Admin;

/// <summary>The asset bank browser: search and filters over what the caller may see, a grid, and the upload panel.</summary>
public sealed class AssetBrowserModel(AssetQueries queries, AppDbContext db) : AdminPageModel
{
    public const int PageSize = 24;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Enterprise { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Licence { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sharing { get; set; }
    [BindProperty(SupportsGet = true)] public string? Orientation { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public AssetPage Result { get; private set; } = new([], 0, 1, PageSize);
    public List<Enterprise> Enterprises { get; private set; } = [];

    /// <summary>Libraries the caller may upload into ("centre" for the centre's own).</summary>
    public List<(string Key, string Name)> UploadLibraries { get; } = [];

    public int PageCount => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var caller = await CallerAsync();
        var ui = System.Globalization.CultureInfo.CurrentUICulture.Name;
        Enterprises = await db.Enterprises.AsNoTracking().OrderBy(e => e.Slug).ToListAsync(cancellationToken);
        if (AssetPermissions.CanUpload(caller, null))
        {
            UploadLibraries.Add((Asset.CentreLibrary, T["assets.centreLibrary"]));
        }

        UploadLibraries.AddRange(Enterprises.Where(e => AssetPermissions.CanUpload(caller, e.Id)).Select(e => (e.Slug, e.DisplayName(ui))));
        var outcome = await queries.SearchAsync(caller, new AssetSearchQuery(
            Blank(Q), Blank(Enterprise), Blank(Kind), Blank(Orientation), Blank(Licence), Blank(Sharing), null, null, null, null, null, ui,
            Math.Max(1, PageNumber), PageSize), cancellationToken);
        if (outcome.Succeeded)
        {
            Result = outcome.Value!;
        }
        else
        {
            Show(outcome.Failure!);
        }

        return Page();
    }

    public string PageLink(int page) =>
        QueryString.Create(new Dictionary<string, string?> { ["q"] = Q, ["enterprise"] = Enterprise, ["kind"] = Kind, ["licence"] = Licence, ["sharing"] = Sharing, ["orientation"] = Orientation, ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            .Where(p => !string.IsNullOrEmpty(p.Value))).ToString();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
