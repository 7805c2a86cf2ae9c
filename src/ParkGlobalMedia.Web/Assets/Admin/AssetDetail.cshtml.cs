using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Admin;
using ParkGlobalMedia.Assets.Library;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Http;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Assets.Admin;

/// <summary>One asset: preview with focal point picker, renditions, texts per culture, rights, sharing, usage, history.</summary>
public sealed class AssetDetailModel(AssetQueries queries, AssetService assets, AppDbContext db) : AdminPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? ETag { get; set; }

    public AssetView Asset { get; private set; } = null!;
    public List<string> Cultures { get; private set; } = [];
    public List<(string Key, string Name)> Campaigns { get; private set; } = [];
    public bool CanManage { get; private set; }
    public bool CanCurate { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFoundPage();

    public Task<IActionResult> OnPostDescribeAsync(string? tags, string? collections, string? campaign, CancellationToken cancellationToken) =>
        UpdateAsync(async () =>
        {
            var cultures = Request.Form.Keys.Where(k => k.StartsWith("title-", StringComparison.Ordinal)).Select(k => k[6..]);
            var texts = cultures.ToDictionary(c => c, c => (AssetText?)new AssetText(Form($"title-{c}"), Form($"caption-{c}"), Form($"alt-{c}")));
            return await assets.UpdateAsync(await CallerAsync(), Id, new AssetUpdateRequest(
                texts, Split(tags), collections is null ? null : Split(collections), campaign ?? "", null, null, null), ETag, cancellationToken);
        }, "assets.saved", cancellationToken);

    public Task<IActionResult> OnPostRightsAsync(
        string? creator, string? creditLine, string? copyright, string? licence, string? territories, DateOnly? expiresOn, string? limitedUse, bool modelRelease, bool propertyRelease, CancellationToken cancellationToken) =>
        UpdateAsync(async () => await assets.UpdateAsync(await CallerAsync(), Id, new AssetUpdateRequest(null, null, null, null,
            new AssetRightsInput(creator ?? "", creditLine ?? "", copyright ?? "", licence, Split(territories)?.Select(t => t.ToUpperInvariant()).ToList(),
                expiresOn, limitedUse ?? "", modelRelease, propertyRelease, ClearExpiry: expiresOn is null), null, null), ETag, cancellationToken), "assets.saved", cancellationToken);

    public Task<IActionResult> OnPostFocusAsync(double focusX, double focusY, double? posterSecond, CancellationToken cancellationToken) =>
        UpdateAsync(async () => await assets.UpdateAsync(await CallerAsync(), Id,
            new AssetUpdateRequest(null, null, null, null, null, new FocalPointInput(focusX, focusY), posterSecond), ETag, cancellationToken), "assets.rerendering", cancellationToken);

    public async Task<IActionResult> OnPostCurateAsync(string? step, string? comment, CancellationToken cancellationToken)
    {
        var caller = await CallerAsync();
        var request = new CurationRequest(comment);
        Outcome<Asset> outcome = step switch
        {
            "submit" => await assets.SubmitAsync(caller, Id, request, cancellationToken),
            "approve" => await assets.ApproveAsync(caller, Id, request, cancellationToken),
            "reject" => await assets.RejectAsync(caller, Id, request, cancellationToken),
            "withdraw" => await assets.WithdrawAsync(caller, Id, request, cancellationToken),
            _ => Failure.Invalid("step", "Unknown step."),
        };
        return await AfterAsync(outcome.Failure, $"assets.done.{step}", cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        var deleted = await assets.DeleteAsync(await CallerAsync(), Id, cancellationToken);
        if (deleted.Succeeded)
        {
            Notice = T["assets.deleted"];
            return Redirect("/admin/assets");
        }

        return await AfterAsync(deleted.Failure, "", cancellationToken);
    }

    public string Text(string culture, Func<AssetText, string?> field) => Asset.Texts.TryGetValue(culture, out var text) ? field(text) ?? "" : "";

    private async Task<IActionResult> UpdateAsync(Func<Task<Outcome<Asset>>> update, string notice, CancellationToken cancellationToken) =>
        await AfterAsync((await update()).Failure, notice, cancellationToken);

    private async Task<IActionResult> AfterAsync(Failure? failure, string notice, CancellationToken cancellationToken)
    {
        if (failure is null)
        {
            Notice = T[notice];
            return Redirect($"/admin/assets/{Id}");
        }

        if (!await LoadAsync(cancellationToken))
        {
            return NotFoundPage();
        }

        Show(failure);
        Response.StatusCode = ProblemResults.StatusCode(failure.Kind);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var caller = await CallerAsync();
        var view = await queries.GetAsync(caller, Id, cancellationToken);
        if (!view.Succeeded)
        {
            return false;
        }

        Asset = view.Value!;
        ETag = Asset.ETag;
        CanCurate = AssetPermissions.CanCurate(caller);
        var owner = Asset.Owner == Library.Asset.CentreLibrary ? null : await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Slug == Asset.Owner, cancellationToken);
        CanManage = AssetPermissions.CanUpload(caller, owner?.Id);
        Cultures = (owner?.Cultures ?? ["zh-CN", "en"]).Concat(Asset.Texts.Keys).Distinct(StringComparer.Ordinal).ToList();
        var ui = CultureInfo.CurrentUICulture.Name;
        Campaigns = (await db.Campaigns.AsNoTracking().Where(c => c.OwnerEnterpriseId == null || c.OwnerEnterpriseId == owner!.Id).OrderBy(c => c.Key).ToListAsync(cancellationToken))
            .Select(c => (c.Key, ParkGlobalMedia.Content.LocalizedText.Pick(c.Names, ui) ?? c.Key)).ToList();
        return true;
    }

    private string? Form(string key) => Request.Form.TryGetValue(key, out var value) ? value.ToString() : null;

    private static List<string>? Split(string? list) =>
        list?.Split([',', '，', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
