using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Admin;
using ParkGlobalMedia.Content.Enterprises;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Content.Taxonomy.Admin;

/// <summary>Campaigns the caller can see, and a form to add or change one (names per culture, dates, hashtag, owner).</summary>
public sealed class CampaignsModel(CampaignService campaigns, AppDbContext db, CultureCatalog cultures) : AdminPageModel
{
    [BindProperty(SupportsGet = true)] public string? Key { get; set; }
    [BindProperty] public string? NewKey { get; set; }
    [BindProperty] public Dictionary<string, string> Names { get; set; } = [];
    [BindProperty] public DateOnly? StartsOn { get; set; }
    [BindProperty] public DateOnly? EndsOn { get; set; }
    [BindProperty] public string? Hashtag { get; set; }
    [BindProperty] public string? Owner { get; set; }
    [BindProperty] public string? ETag { get; set; }

    public List<Campaign> Campaigns { get; private set; } = [];
    public List<Enterprise> Owners { get; private set; } = [];
    public bool CanManageCentre { get; private set; }
    public IReadOnlyList<Culture> AllCultures { get; private set; } = [];
    public bool Editing => Key is not null;
    public bool IsNew => Key == "new";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Editing && !IsNew)
        {
            var campaign = Campaigns.FirstOrDefault(c => c.Key == Key);
            if (campaign is null || !CampaignService.CanManage(await CallerAsync(), campaign.OwnerEnterpriseId))
            {
                return NotFoundPage();
            }

            (Names, StartsOn, EndsOn, Hashtag, ETag) = (campaign.Names, campaign.StartsOn, campaign.EndsOn, campaign.Hashtag, CampaignService.ETag(campaign));
            Owner = Owners.FirstOrDefault(e => e.Id == campaign.OwnerEnterpriseId)?.Slug;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var input = new CampaignInput(IsNew ? NewKey : Key, Names.Where(n => !string.IsNullOrWhiteSpace(n.Value)).ToDictionary(n => n.Key, n => n.Value.Trim()),
            StartsOn, EndsOn, Hashtag?.Trim(), string.IsNullOrEmpty(Owner) ? null : Owner);
        var saved = await campaigns.SaveAsync(await CallerAsync(), IsNew ? null : Key, input, ETag, cancellationToken);
        if (saved.Succeeded)
        {
            Notice = T["campaigns.saved"];
            return Redirect("/admin/campaigns");
        }

        if (saved.Failure!.Kind == ParkGlobalMedia.Platform.FailureKind.NotFound)
        {
            return NotFoundPage();
        }

        await LoadAsync(cancellationToken);
        Show(saved.Failure);
        Response.StatusCode = ParkGlobalMedia.Platform.Http.ProblemResults.StatusCode(saved.Failure.Kind);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var caller = await CallerAsync();
        CanManageCentre = CampaignService.CanManage(caller, null);
        var enterprises = await db.Enterprises.AsNoTracking().OrderBy(e => e.Slug).ToListAsync(cancellationToken);
        Owners = enterprises.Where(e => CampaignService.CanManage(caller, e.Id)).ToList();
        var visible = Owners.Select(e => (Guid?)e.Id).ToList();
        Campaigns = await db.Campaigns.AsNoTracking()
            .Where(c => c.OwnerEnterpriseId == null || visible.Contains(c.OwnerEnterpriseId))
            .OrderByDescending(c => c.StartsOn).ToListAsync(cancellationToken);
        AllCultures = await cultures.AllAsync(cancellationToken);
    }
}
