using System.Text.Json;
using ParkGlobalMedia.Identity;

namespace ParkGlobalMedia.Recipes.Steps;

/// <summary>
/// {"step":"users","environments":["Development"],"users":[…]}. Users with passwords written in a recipe are demo
/// accounts: the step refuses to run outside the environments it names, so production never gets a known password.
/// </summary>
public sealed class UsersStep(UserAccounts accounts) : IRecipeStep
{
    private sealed record Item(string? Email, string? DisplayName, string? Password, List<string>? Roles, List<string>? Enterprises, List<string>? ReviewerCultures, string? PreferredCulture);

    public string Name => "users";

    public async Task ApplyAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var environments = step.TryGetProperty("environments", out var list)
            ? RecipeContext.Read<List<string>>(list, "environments")
            : [];
        if (environments.Count == 0)
        {
            throw new RecipeStepException("a users step must name the environments it may run in (e.g. [\"Development\"]).");
        }

        if (!environments.Contains(context.Environment.EnvironmentName, StringComparer.OrdinalIgnoreCase))
        {
            context.Logger.LogInformation("Skipping demo users: environment {Environment} is not in {Allowed}",
                context.Environment.EnvironmentName, string.Join(", ", environments));
            return;
        }

        foreach (var item in RecipeContext.Read<List<Item>>(step.GetProperty("users"), "users"))
        {
            if (string.IsNullOrWhiteSpace(item.Email) || string.IsNullOrWhiteSpace(item.Password))
            {
                throw new RecipeStepException("every user needs an email and a password.");
            }

            await accounts.CreateOrUpdateAsync(new UserAccounts.NewUser(
                item.Email, item.DisplayName ?? item.Email, item.Password, item.Roles ?? [], item.Enterprises ?? [],
                item.ReviewerCultures ?? [], item.PreferredCulture), resetPasswordIfExists: false, cancellationToken);
        }
    }
}
