using Microsoft.AspNetCore.Mvc;
using ParkGlobalMedia.Admin;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Translation.Admin;

/// <summary>
/// Base of the termbase and memory screens: opens "shared" or an enterprise slug with <see cref="TranslationResources"/>
/// (the API's rules), so an outsider gets the not-found page and a reader who may not write gets the denied page.
/// </summary>
public abstract class TranslationPageModel(AppDbContext db, CultureCatalog cultures) : AdminPageModel
{
    /// <summary>"termbase" or "memory", as <see cref="TranslationResources.OpenAsync"/> names it in its messages.</summary>
    protected abstract string What { get; }

    /// <summary>"shared" or the enterprise's slug.</summary>
    public string Name { get; private set; } = "";

    /// <summary>The picker of this kind of resource.</summary>
    public string PickerPath => PickerPathOf(What);

    /// <summary>The resource's own screen (its list).</summary>
    public string ScreenPath => $"{PickerPath}/{Name}";

    public Guid? EnterpriseId { get; private set; }
    public bool IsShared => EnterpriseId is null;
    public bool CanWrite { get; private set; }
    public IReadOnlyList<Culture> Cultures { get; private set; } = [];

    public static string PickerPathOf(string what) => what == "termbase" ? "/admin/termbases" : "/admin/memories";

    /// <summary>
    /// Opens the resource the route names ({termbase} or {memory}); null when it may be used, otherwise what the page
    /// answers instead. Read from the route data, not bound: binding on a POST would read the form (see ImportPageModel).
    /// </summary>
    protected async Task<IActionResult?> OpenAsync(bool write, CancellationToken cancellationToken)
    {
        var caller = await CallerAsync();
        var opened = await TranslationResources.OpenAsync(db, caller, RouteData.Values[What] as string ?? "", What, write, cancellationToken);
        if (!opened.Succeeded)
        {
            return opened.Failure!.Kind == FailureKind.NotFound ? NotFoundPage() : Forbid();
        }

        (EnterpriseId, Name) = opened.Value;
        CanWrite = TranslationResources.MayWrite(caller, EnterpriseId);
        Cultures = await cultures.AllAsync(cancellationToken);
        return null;
    }

    /// <summary>The writing direction of a culture's text, for the dir attribute of cells holding it.</summary>
    public string Dir(string? culture) =>
        Cultures.FirstOrDefault(c => string.Equals(c.Code, culture, StringComparison.OrdinalIgnoreCase))?.IsRightToLeft == true ? "rtl" : "ltr";

    /// <summary>A culture as people read it: its own name and code.</summary>
    public string CultureName(string culture) =>
        Cultures.FirstOrDefault(c => string.Equals(c.Code, culture, StringComparison.OrdinalIgnoreCase)) is { } known ? $"{known.NativeName} ({known.Code})" : culture;

    /// <summary>The upload form of this resource's import.</summary>
    protected ImportForm ImportFormFor(IReadOnlyList<string> formats, string? selected) =>
        new(What, $"{ScreenPath}/import", formats, selected ?? formats[0], ImportPageModel.MaxBytes);

    /// <summary>Shows a refusal on the page with its HTTP status, keeping what the person typed in the bound fields.</summary>
    protected IActionResult Refused(Failure failure)
    {
        Show(failure);
        Response.StatusCode = ParkGlobalMedia.Platform.Http.ProblemResults.StatusCode(failure.Kind);
        return Page();
    }
}
