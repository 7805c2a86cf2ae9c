using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Admin;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Content.Enterprises.Admin;

/// <summary>
/// Create or edit a member enterprise and its site settings: names and profile per culture, cultures, default
/// culture, fallback chain ("es-MX: es, en" per line), theme (one of the installed), custom host, social links.
/// Validation is the API's, all at once.
/// </summary>
/// <remarks>
/// Social links are rows of a network select and a URL input: the saved ones, then a few blank rows to add to, so
/// the form needs no script. A row left blank (or emptied, or ticked Remove) is not saved.
/// </remarks>
public sealed class EnterpriseEditorModel(EnterpriseService service, AppDbContext db, CultureCatalog cultures, IThemeCatalog themes) : AdminPageModel
{
    /// <summary>One row of the social links table as the form posts it.</summary>
    public sealed class SocialLinkRow
    {
        public string? Network { get; set; }
        public string? Url { get; set; }
        public bool Remove { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(Network) && string.IsNullOrWhiteSpace(Url);
    }

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
    [BindProperty] public List<SocialLinkRow> SocialLinks { get; set; } = [];
    [BindProperty] public string? ETag { get; set; }
    [BindProperty] public string? NewSlug { get; set; }

    /// <summary>/admin/enterprises/new adds one ("new" is a reserved slug for that reason).</summary>
    public bool IsNew => Slug == "new";
    public IReadOnlyList<Culture> AllCultures { get; private set; } = [];

    /// <summary>The installed themes, plus the enterprise's own when it is no longer installed (so the page says so).</summary>
    public IReadOnlyList<string> Themes => Theme is null || themes.Installed.Contains(Theme) ? themes.Installed : [.. themes.Installed, Theme];

    public bool IsInstalled(string theme) => themes.Installed.Contains(theme);

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
            AddBlankSocialRows();
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
        SocialLinks = enterprise.SocialLinks.Select(l => new SocialLinkRow { Network = l.Network, Url = l.Url }).ToList();
        AddBlankSocialRows();
        ETag = EnterpriseView.From(enterprise).ETag;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var caller = await CallerAsync();
        var chain = ParseChain(FallbackChain);

        // Rows to save, in order; the page shows exactly these again on a refusal, so socialLinks[i] errors sit on row i.
        SocialLinks = SocialLinks.Where(r => !r.Remove && !r.IsBlank).ToList();
        if (chain is null)
        {
            Errors.Add(T["enterprises.chainFormat"]);
        }
        else
        {
            var input = new EnterpriseInput(IsNew ? NewSlug : Slug, Clean(Names), Clean(Park), Clean(IndustryChain), Clean(Profile),
                Cultures, DefaultCulture, chain, Theme, CustomHost, SocialLinks.Select(r => new SocialLinkInput(r.Network, r.Url)).ToList());
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
        AddBlankSocialRows();
        return Page();
    }

    /// <summary>Up to three blank rows, never more rows than there are networks (a site links one profile per network).</summary>
    private void AddBlankSocialRows()
    {
        var blank = Math.Clamp(SocialNetworks.Known.Count - SocialLinks.Count, 0, 3);
        SocialLinks.AddRange(Enumerable.Range(0, blank).Select(_ => new SocialLinkRow()));
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
