using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Admin;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Content.Enterprises.Admin;

/// <summary>
/// Create or edit a member enterprise and its site settings: names and profile per culture, cultures, default
/// culture, fallback chain ("es-MX: es, en" per line), theme, custom host. Validation is the API's, all at once.
/// </summary>
public sealed class EnterpriseEditorModel(EnterpriseService service, AppDbContext db, CultureCatalog cultures) : AdminPageModel
{
    [BindProperty(SupportsGet = true)] public string? Slug { get; set; }
    [BindProperty] public Dictionary<string, string> Names { get; set; } = [];
    [BindProperty] public Dictionary<string, string> Park { get; set; } = [];
    [BindProperty] public Dictionary<string, string> IndustryChain { get; set; } = [];
    [BindProperty] public Dictionary<string, string> Profile { get; set; } = [];
    [BindProperty] public List<string> Cultures { get; set; } = [];
    [BindProperty] public string? DefaultCulture { get; set; }
    [BindProperty] public string? FallbackChain { get; set; }
    [BindProperty] public string? Theme { get; set; }
    [BindProperty] public string? CustomHost { get; set; }
    [BindProperty] public string? ETag { get; set; }
    [BindProperty] public string? NewSlug { get; set; }

    /// <summary>/admin/enterprises/new adds one ("new" is a reserved slug for that reason).</summary>
    public bool IsNew => Slug == "new";
    public IReadOnlyList<Culture> AllCultures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var caller = await CallerAsync();
        if (IsNew ? !ContentPermissions.CanManagePlatform(caller) : !ContentPermissions.CanManageEnterprise(caller))
        {
            return Forbid();
        }

        AllCultures = await cultures.AllAsync(cancellationToken);
        if (IsNew)
        {
            (Cultures, DefaultCulture, Theme) = (["zh-CN", "en"], "en", "default");
            return Page();
        }

        var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Slug == Slug, cancellationToken);
        if (enterprise is null)
        {
            return NotFoundPage();
        }

        (Names, Park, IndustryChain, Profile) = (enterprise.Names, enterprise.Park, enterprise.IndustryChain, enterprise.Profile);
        (Cultures, DefaultCulture, Theme, CustomHost) = (enterprise.Cultures, enterprise.DefaultCulture, enterprise.Theme, enterprise.CustomHost);
        FallbackChain = string.Join('\n', enterprise.FallbackChain.Select(c => $"{c.Key}: {string.Join(", ", c.Value)}"));
        ETag = EnterpriseView.From(enterprise).ETag;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var caller = await CallerAsync();
        var chain = ParseChain(FallbackChain);
        if (chain is null)
        {
            Errors.Add(T["enterprises.chainFormat"]);
        }
        else
        {
            var input = new EnterpriseInput(IsNew ? NewSlug : Slug, Clean(Names), Clean(Park), Clean(IndustryChain), Clean(Profile),
                Cultures, DefaultCulture, chain, Theme, CustomHost);
            var saved = IsNew
                ? await service.CreateAsync(caller, input, cancellationToken)
                : await service.UpdateAsync(caller, Slug!, input, ETag, cancellationToken);
            if (saved.Succeeded)
            {
                Notice = T["enterprises.saved"];
                return Redirect($"/admin/enterprises/{saved.Value!.Slug}");
            }

            if (saved.Failure!.Kind == ParkGlobalMedia.Platform.FailureKind.NotFound)
            {
                return NotFoundPage();
            }

            Show(saved.Failure);
            Response.StatusCode = ParkGlobalMedia.Platform.Http.ProblemResults.StatusCode(saved.Failure.Kind);
        }

        AllCultures = await cultures.AllAsync(cancellationToken);
        return Page();
    }

    /// <summary>Only non-empty texts for cultures the site uses; an emptied field removes that culture's text.</summary>
    private Dictionary<string, string> Clean(Dictionary<string, string> texts) =>
        texts.Where(t => !string.IsNullOrWhiteSpace(t.Value) && Cultures.Contains(t.Key)).ToDictionary(t => t.Key, t => t.Value.Trim());

    /// <summary>"es-MX: es, en" per line → {es-MX: [es, en]}; null when a line has no colon.</summary>
    internal static Dictionary<string, List<string>>? ParseChain(string? text)
    {
        var chain = new Dictionary<string, List<string>>();
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(':', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0)
            {
                return null;
            }

            chain[parts[0]] = parts[1].Split([',', '→', '>'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        }

        return chain;
    }
}
