using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParkGlobalMedia.Admin.Localization;
using ParkGlobalMedia.Identity;

namespace ParkGlobalMedia.Admin.Pages;

/// <summary>Cookie sign-in with lockout after 5 failures (Identity's), antiforgery on the form.</summary>
[AllowAnonymous]
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, AdminText text) : PageModel
{
    public string? Email { get; private set; }
    public string ReturnUrl { get; private set; } = "/admin/stories";
    public bool Failed { get; private set; }
    public string? Message { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = SafeReturnUrl(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? email, string? password, string? returnUrl)
    {
        Email = email;
        ReturnUrl = SafeReturnUrl(returnUrl);
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return Fail("login.required");
        }

        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            return Fail("login.invalid");
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            if (user.PreferredCulture is { } preferred && !Request.Cookies.ContainsKey(AdminModule.LanguageCookie))
            {
                LanguageModel.Remember(Response, preferred);
            }

            return LocalRedirect(ReturnUrl);
        }

        return Fail(result.IsLockedOut ? "login.locked" : "login.invalid");
    }

    private PageResult Fail(string key)
    {
        Failed = true;
        Message = text[key];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Only local admin paths: a crafted returnUrl must not turn sign-in into an open redirect.</summary>
    internal static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is not null && returnUrl.StartsWith("/admin", StringComparison.Ordinal) && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.Contains('\\', StringComparison.Ordinal)
            ? returnUrl
            : "/admin/stories";
}
