using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParkGlobalMedia.Admin.Localization;
using ParkGlobalMedia.Identity;

namespace ParkGlobalMedia.Admin.Pages;

/// <summary>POST /admin/logout (antiforgery-checked, so no other site can sign people out).</summary>
public sealed class LogoutModel(SignInManager<AppUser> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/admin/stories");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/admin/login");
    }
}

/// <summary>POST /admin/language: remembers the interface language in a cookie for a year.</summary>
[AllowAnonymous]
public sealed class LanguageModel : PageModel
{
    public IActionResult OnGet() => Redirect("/admin/stories");

    public IActionResult OnPost(string? language, string? returnUrl)
    {
        Remember(Response, AdminText.Pick(language));
        return LocalRedirect(LoginModel.SafeReturnUrl(returnUrl));
    }

    internal static void Remember(HttpResponse response, string language) =>
        response.Cookies.Append(AdminModule.LanguageCookie,
            Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.MakeCookieValue(
                new Microsoft.AspNetCore.Localization.RequestCulture(AdminText.Pick(language))),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
}

/// <summary>Shown when a signed-in person opens something their roles do not allow.</summary>
public sealed class DeniedModel : AdminPageModel;
