using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParkGlobalMedia.Admin.Localization;

namespace ParkGlobalMedia.Admin.Pages;

/// <summary>
/// What people see when an admin request fails without a page of its own (unknown path, server error):
/// a readable, localized page instead of the API's ProblemDetails JSON.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(AdminText text) : PageModel
{
    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";
    public string? TraceId { get; private set; }

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        var known = code is 400 or 403 or 404 or 405 or 413 ? code : 500;
        Title = text[$"error.{known}.title"];
        Text = text[$"error.{known}.text"];
        TraceId = known == 500 ? Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier : null;
        Response.StatusCode = code is >= 400 and < 600 ? code : 500;
    }
}
