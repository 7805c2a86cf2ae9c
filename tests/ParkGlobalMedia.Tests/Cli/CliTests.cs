using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Tests.Infrastructure;

namespace ParkGlobalMedia.Tests.Cli;

/// <summary>The operator verbs, run as a real process of the built app against a fresh SQLite database.</summary>
public sealed class CliTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Migrate_applies_the_schema_once()
    {
        var first = await RunAsync("migrate");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Applied 0001", first.Output);
        var second = await RunAsync("migrate");
        Assert.Contains("up to date", second.Output);
    }

    [Fact]
    public async Task Recipes_users_and_tokens_can_be_set_up_from_the_command_line()
    {
        foreach (var recipe in new[] { "default", "demo" })
        {
            var applied = await RunAsync("recipe", "apply", recipe);
            Assert.True(applied.ExitCode == 0, $"recipe {recipe} exited with {applied.ExitCode}: {applied.Error}");
        }

        var created = await RunAsync("user", "create", "--email", "ops@example.org", "--name", "Ops", "--role", "EnterpriseEditor", "--enterprise", "xiangjiang-heavy");
        Assert.Equal(0, created.ExitCode);
        Assert.Contains("Generated password (shown once):", created.Output);

        var issued = await RunAsync("token", "issue", "--email", "ops@example.org", "--name", "deploy", "--scope", "content:read", "--days", "7");
        Assert.Equal(0, issued.ExitCode);
        var secret = issued.Output.Split('\n', StringSplitOptions.TrimEntries).Single(l => l.StartsWith("pgm_", StringComparison.Ordinal));

        await using var db = Context();
        var outcome = await new ApiTokenService(db, TimeProvider.System).ValidateAsync(secret);
        Assert.Null(outcome.Failure);
        Assert.Equal(["content:read"], outcome.Token!.Scopes);

        var reset = await RunAsync("user", "reset-password", "--email", "ops@example.org", "--password", "A-New-Password-1");
        Assert.Equal(0, reset.ExitCode);
    }

    [Fact]
    public async Task Bad_input_exits_non_zero_with_the_reason()
    {
        await RunAsync("migrate");
        var broken = Path.Combine(_database.Folder, "broken.recipe.json");
        await File.WriteAllTextAsync(broken, """{ "steps": [ { "step": "teleport" } ] }""");

        var recipe = await RunAsync("recipe", "apply", broken);
        Assert.Equal(2, recipe.ExitCode);
        Assert.Contains("broken.recipe.json, step 1 (teleport)", recipe.Error);

        var user = await RunAsync("user", "create", "--email", "x@example.org", "--role", "Overlord");
        Assert.Equal(2, user.ExitCode);
        Assert.Contains("Unknown role", user.Error);

        var token = await RunAsync("token", "issue", "--email", "nobody@example.org", "--name", "x", "--scope", "content:read");
        Assert.Equal(2, token.ExitCode);
        Assert.Contains("No user with e-mail", token.Error);
    }

    private AppDbContext Context()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite(_database.ConnectionString).Options;
        return new AppDbContext(options);
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ParkGlobalMedia.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Database__ConnectionString"] = _database.ConnectionString;
        start.Environment["Platform__DataFolder"] = _database.Folder;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
