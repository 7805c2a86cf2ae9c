using Microsoft.Extensions.DependencyInjection;
using ParkGlobalMedia.Content.Enterprises;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Tests.Infrastructure;

/// <summary>The people and enterprises every API test starts from, with a full-scope token for each person.</summary>
public sealed record Seed(
    string EnterpriseA,
    string EnterpriseB,
    SeedUser Admin,
    SeedUser EditorA,
    SeedUser ReviewerA,
    SeedUser FrenchReviewerA,
    SeedUser EditorB,
    SeedUser Curator)
{
    public static async Task<Seed> CreateAsync(IServiceProvider services)
    {
        var enterprises = services.GetRequiredService<EnterpriseService>();
        foreach (var slug in new[] { "alpha-machinery", "beta-rail" })
        {
            var created = await enterprises.CreateAsync(CallerContext.System, new EnterpriseInput(
                slug,
                new Dictionary<string, string> { ["zh-CN"] = $"{slug} 公司", ["en"] = $"{slug} Ltd" },
                new Dictionary<string, string> { ["en"] = "Changsha Economic and Technological Development Zone" },
                null, null,
                ["zh-CN", "en", "fr", "es", "ar"],
                "en",
                new Dictionary<string, List<string>> { ["es-MX"] = ["es", "en"] },
                "default",
                null));
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(created.Failure!.Detail);
            }
        }

        var accounts = services.GetRequiredService<UserAccounts>();
        var tokens = services.GetRequiredService<ApiTokenService>();

        async Task<SeedUser> User(string email, string[] roles, string[] memberOf, string[] reviewerCultures = null!)
        {
            var user = await accounts.CreateOrUpdateAsync(new UserAccounts.NewUser(
                email, email.Split('@')[0], AppFactory.Password, roles, memberOf, reviewerCultures ?? []));
            var token = await tokens.IssueAsync(user.Id, "tests", TokenScopes.All, TimeSpan.FromDays(1));
            return new SeedUser(user.Id, email, token.Secret);
        }

        return new Seed(
            "alpha-machinery",
            "beta-rail",
            await User("admin@example.org", [Roles.Admin], []),
            await User("editor.a@example.org", [Roles.EnterpriseEditor], ["alpha-machinery"]),
            await User("reviewer.a@example.org", [Roles.EnterpriseReviewer], ["alpha-machinery"]),
            await User("fr.reviewer.a@example.org", [Roles.LanguageReviewer], ["alpha-machinery"], ["fr"]),
            await User("editor.b@example.org", [Roles.EnterpriseEditor], ["beta-rail"]),
            await User("curator@example.org", [Roles.CentreCurator], []));
    }
}

public sealed record SeedUser(Guid Id, string Email, string Token);
