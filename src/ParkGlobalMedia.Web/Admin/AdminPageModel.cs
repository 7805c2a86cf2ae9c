using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParkGlobalMedia.Admin.Localization;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform;

namespace ParkGlobalMedia.Admin;

/// <summary>Base of every signed-in admin page: the caller, localized text and the one way failures are shown.</summary>
[Authorize]
public abstract class AdminPageModel : PageModel
{
    private CallerContext? _caller;

    protected AdminText T => HttpContext.RequestServices.GetRequiredService<AdminText>();

    /// <summary>A confirmation shown once after a redirect (post/redirect/get).</summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>Errors to list at the top of the form, each also tied to its field where there is one.</summary>
    public List<string> Errors { get; } = [];

    protected async Task<CallerContext> CallerAsync() => _caller ??= await HttpContext.CurrentCallerAsync();

    /// <summary>Shows a refused operation: field errors next to their inputs, the message at the top.</summary>
    protected void Show(Failure failure)
    {
        if (failure.Kind == FailureKind.PreconditionFailed)
        {
            Errors.Add(T["editor.stale"]);
            return;
        }

        if (failure.Errors is { Count: > 0 })
        {
            foreach (var (field, messages) in failure.Errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field, message);
                    Errors.Add(message);
                }
            }
        }
        else
        {
            Errors.Add(failure.Detail);
        }
    }

    /// <summary>True when the page answers 404: the layout then shows the localized not-found message instead.</summary>
    public bool Missing { get; private set; }

    /// <summary>Unknown or invisible records answer 404 (never 403: others' drafts must not be confirmed to exist).</summary>
    protected IActionResult NotFoundPage()
    {
        Missing = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
