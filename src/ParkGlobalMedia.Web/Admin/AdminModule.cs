using System.Globalization;
using Microsoft.AspNetCore.Localization;
using ParkGlobalMedia.Admin.Localization;

namespace ParkGlobalMedia.Admin;

/// <summary>
/// The admin UI shell: server-rendered Razor Pages under /admin with cookie sign-in and antiforgery, localized in
/// zh-CN and en. Pages live with their capability (Content/Stories/Admin ...); this module owns the layout,
/// sign-in, language choice and the pieces every page shares.
/// </summary>
public static class AdminModule
{
    public const string LanguageCookie = "pgm.admin.lang";

    public static WebApplicationBuilder AddAdmin(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(options =>
        {
            // Pages sit in capability folders and declare absolute /admin/... routes.
            options.RootDirectory = "/";
        });
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "pgm.admin.csrf";
            options.HeaderName = "X-CSRF-TOKEN";
        });
        builder.Services.AddSingleton<AdminText>();
        // Pages are mostly Chinese, Arabic, Cyrillic: emit those characters as they are, not as &#x...; entities
        // (three times the bytes, unreadable in view-source). Markup characters are still encoded.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        return builder;
    }

    public static WebApplication UseAdmin(this WebApplication app)
    {
        app.UseStaticFiles();
        // People get readable pages, API clients ProblemDetails: admin paths re-execute errors into a localized page.
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/admin"), admin =>
        {
            admin.UseExceptionHandler("/admin/error/500");
            admin.UseStatusCodePagesWithReExecute("/admin/error/{0}");
        });
        var cultures = AdminText.Languages.Select(CultureInfo.GetCultureInfo).ToList();
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/admin"), admin => admin.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(AdminText.Chinese),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
            RequestCultureProviders =
            [
                new CookieRequestCultureProvider { CookieName = LanguageCookie },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ],
        }));
        return app;
    }

    public static WebApplication MapAdmin(this WebApplication app)
    {
        app.MapGet("/admin", () => Results.Redirect("/admin/stories")).ExcludeFromDescription();
        app.MapRazorPages();
        return app;
    }
}
