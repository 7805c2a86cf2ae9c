using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Identity;

public static class IdentityModule
{
    /// <summary>Policy scheme: the API authenticates bearer tokens only (no cookies, so no CSRF); everything else uses the admin cookie.</summary>
    public const string Scheme = "pgm";

    public static WebApplicationBuilder AddPlatformIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = Scheme;
                options.DefaultChallengeScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "API token or admin cookie", options =>
                // The API takes only tokens. Media URLs (renditions, originals, packages) take either: a partner app
                // fetches with its token, the admin UI's <img> tags with the cookie.
                options.ForwardDefaultSelector = context =>
                    context.Request.Path.StartsWithSegments("/api") ||
                    (context.Request.Path.StartsWithSegments("/media") && context.Request.Headers.Authorization.Count > 0)
                        ? ApiTokenAuthentication.SchemeName
                        : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null)
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "pgm.admin";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/admin/login";
            options.LogoutPath = "/admin/logout";
            options.AccessDeniedPath = "/admin/denied";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });

        services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddAuthorization();
        services.AddScoped<CallerResolver>();
        services.AddScoped<ApiTokenService>();
        services.AddScoped<UserAccounts>();
        return builder;
    }

    /// <summary>
    /// A present but unusable bearer token is an error even on public routes: a client that believes it is
    /// authenticated must learn that it is not, instead of silently receiving only public data. Runs after
    /// UseAuthentication, whose token handler has already recorded why the token was refused.
    /// </summary>
    public static IApplicationBuilder UseRejectedTokenProblems(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (ApiTokenAuthentication.FailureMessage(context) is { } message)
            {
                await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Invalid access token", detail: message)
                    .ExecuteAsync(context);
                return;
            }

            await next(context);
        });
}
