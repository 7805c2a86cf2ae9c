using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Recipes;

namespace ParkGlobalMedia.Platform.Cli;

/// <summary>
/// Operator verbs of the same binary: `migrate`, `recipe apply`, `user create`, `user reset-password`, `token issue`.
/// They use the app's own configuration and services, so they act on exactly the database the app would.
/// </summary>
public static class CliVerbs
{
    private static readonly string[] Verbs = ["migrate", "model-script", "recipe", "user", "token", "--help", "-h", "-?"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var root = new RootCommand("ParkGlobalMedia operator commands. Without a command, the web app starts.");
        root.Subcommands.Add(Migrate(app));
        root.Subcommands.Add(ModelScript(app));
        root.Subcommands.Add(Recipe(app));
        root.Subcommands.Add(User(app));
        root.Subcommands.Add(Token(app));
        return await root.Parse(args).InvokeAsync();
    }

    private static Command Migrate(WebApplication app)
    {
        var command = new Command("migrate", "Apply pending schema migrations to the configured database.");
        command.SetAction(async (_, cancellationToken) =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var migrator = scope.ServiceProvider.GetRequiredService<SchemaMigrator>();
            var applied = await migrator.MigrateAsync(cancellationToken);
            var all = await migrator.AppliedVersionsAsync(cancellationToken);
            Console.WriteLine(applied.Count == 0
                ? $"Schema is up to date ({all.Count} migrations applied)."
                : $"Applied {string.Join(", ", applied)}; {all.Count} migrations applied in total.");
            return 0;
        });
        return command;
    }

    /// <summary>
    /// Prints the DDL EF would create for the current model on the configured provider: the reference a developer
    /// compares against when writing the next migration script by hand (EF's design-time tools do not restore here).
    /// </summary>
    private static Command ModelScript(WebApplication app)
    {
        var command = new Command("model-script", "Print the CREATE script of the current EF model for the configured provider.");
        command.SetAction(async (_, _) =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            Console.WriteLine(scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GenerateCreateScript());
            return 0;
        });
        return command;
    }

    private static Command Recipe(WebApplication app)
    {
        var name = new Argument<string>("recipe") { Description = "A recipe name from recipes/ (default, demo) or a path to a .recipe.json file." };
        var apply = new Command("apply", "Apply a recipe (idempotent; all or nothing).") { name };
        apply.SetAction(async (parse, cancellationToken) =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken);
            try
            {
                await scope.ServiceProvider.GetRequiredService<RecipeRunner>().ApplyAsync(parse.GetValue(name)!, cancellationToken);
            }
            catch (RecipeException exception)
            {
                Console.Error.WriteLine(exception.Message);
                return 2;
            }

            Console.WriteLine($"Applied recipe {parse.GetValue(name)}.");
            return 0;
        });
        return new Command("recipe", "Recipes set up cultures, roles, categories and (demo) content.") { Subcommands = { apply } };
    }

    private static Command User(WebApplication app)
    {
        var email = new Option<string>("--email") { Description = "Sign-in e-mail.", Required = true };
        var displayName = new Option<string?>("--name") { Description = "Display name (defaults to the e-mail)." };
        var password = new Option<string?>("--password") { Description = "Password; when omitted a strong one is generated and printed once." };
        var roles = new Option<string[]>("--role") { Description = $"Role, repeatable: {string.Join(", ", Roles.All)}.", AllowMultipleArgumentsPerToken = true };
        var enterprises = new Option<string[]>("--enterprise") { Description = "Enterprise slug the user belongs to, repeatable.", AllowMultipleArgumentsPerToken = true };
        var cultures = new Option<string[]>("--reviewer-culture") { Description = "Culture a LanguageReviewer reviews, repeatable.", AllowMultipleArgumentsPerToken = true };

        var create = new Command("create", "Create a user (or update roles/memberships of an existing one).")
        {
            email, displayName, password, roles, enterprises, cultures,
        };
        create.SetAction(async (parse, cancellationToken) =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken);
            var secret = parse.GetValue(password) ?? UserAccounts.GeneratePassword();
            try
            {
                var user = await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateOrUpdateAsync(new UserAccounts.NewUser(
                    parse.GetValue(email)!, parse.GetValue(displayName) ?? parse.GetValue(email)!, secret,
                    parse.GetValue(roles) ?? [], parse.GetValue(enterprises) ?? [], parse.GetValue(cultures) ?? []), cancellationToken: cancellationToken);
                Console.WriteLine($"User {user.Email} ({user.Id}) is ready.");
                if (parse.GetValue(password) is null)
                {
                    Console.WriteLine($"Generated password (shown once): {secret}");
                }

                return 0;
            }
            catch (ArgumentException exception)
            {
                Console.Error.WriteLine(exception.Message);
                return 2;
            }
        });

        var resetEmail = new Option<string>("--email") { Description = "Sign-in e-mail.", Required = true };
        var resetPassword = new Option<string?>("--password") { Description = "New password; generated and printed when omitted." };
        var reset = new Command("reset-password", "Set a new password and lift any lockout.") { resetEmail, resetPassword };
        reset.SetAction(async (parse, cancellationToken) =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken);
            var secret = parse.GetValue(resetPassword) ?? UserAccounts.GeneratePassword();
            try
            {
                await scope.ServiceProvider.GetRequiredService<UserAccounts>().ResetPasswordAsync(parse.GetValue(resetEmail)!, secret);
            }
            catch (ArgumentException exception)
            {
                Console.Error.WriteLine(exception.Message);
                return 2;
            }

            Console.WriteLine(parse.GetValue(resetPassword) is null ? $"New password (shown once): {secret}" : "Password changed.");
            return 0;
        });

        return new Command("user", "Manage people who sign in.") { Subcommands = { create, reset } };
    }

    private static Command Token(WebApplication app)
    {
        var email = new Option<string>("--email") { Description = "Owner of the token.", Required = true };
        var name = new Option<string>("--name") { Description = "What the token is for (shown in lists).", Required = true };
        var scopes = new Option<string[]>("--scope") { Description = $"Scope, repeatable: {string.Join(", ", TokenScopes.All)}.", AllowMultipleArgumentsPerToken = true, Required = true };
        var days = new Option<int>("--days") { Description = "Lifetime in days (1–366).", DefaultValueFactory = _ => 90 };
        var issue = new Command("issue", "Issue a personal access token; the secret is printed once.") { email, name, scopes, days };
        issue.SetAction(async (parse, cancellationToken) =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(parse.GetValue(email)!);
            if (user is null)
            {
                Console.Error.WriteLine($"No user with e-mail {parse.GetValue(email)}.");
                return 2;
            }

            try
            {
                var issued = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().IssueAsync(
                    user.Id, parse.GetValue(name)!, parse.GetValue(scopes)!, TimeSpan.FromDays(parse.GetValue(days)), cancellationToken);
                Console.WriteLine($"Token {issued.Token.Id} expires {issued.Token.ExpiresAt:yyyy-MM-dd}. Secret (shown once):");
                Console.WriteLine(issued.Secret);
                return 0;
            }
            catch (ArgumentException exception)
            {
                Console.Error.WriteLine(exception.Message);
                return 2;
            }
        });
        return new Command("token", "Personal access tokens for the API.") { Subcommands = { issue } };
    }
}
