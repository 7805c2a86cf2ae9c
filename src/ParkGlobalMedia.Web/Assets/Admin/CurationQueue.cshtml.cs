using Microsoft.AspNetCore.Mvc;
using ParkGlobalMedia.Admin;
using ParkGlobalMedia.Assets.Library;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Http;

namespace ParkGlobalMedia.Assets.Admin;

/// <summary>The centre's queue: submissions to the shared bank, oldest first, each approved or rejected with a reason.</summary>
public sealed class CurationQueueModel(AssetQueries queries, AssetService assets) : AdminPageModel
{
    public AssetPage Queue { get; private set; } = new([], 0, 1, 100);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!AssetPermissions.CanCurate(await CallerAsync()))
        {
            return Redirect("/admin/denied");
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? step, string? comment, CancellationToken cancellationToken)
    {
        var caller = await CallerAsync();
        var outcome = step == "approve"
            ? await assets.ApproveAsync(caller, id, new CurationRequest(comment), cancellationToken)
            : await assets.RejectAsync(caller, id, new CurationRequest(comment), cancellationToken);
        if (outcome.Succeeded)
        {
            Notice = T[step == "approve" ? "assets.done.approve" : "assets.done.reject"];
            return Redirect("/admin/assets/curation");
        }

        Show(outcome.Failure!);
        Response.StatusCode = ProblemResults.StatusCode(outcome.Failure!.Kind);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var page = await queries.SearchAsync(await CallerAsync(), new AssetSearchQuery(null, null, null, null, null, "submitted", null, null, null, null, null,
            System.Globalization.CultureInfo.CurrentUICulture.Name, 1, AssetQueries.MaxPageSize), cancellationToken);
        Queue = page.Value ?? Queue;
    }
}
