using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParkGlobalMedia.Content.Stories;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Recipes;
using ParkGlobalMedia.Tests.Infrastructure;

namespace ParkGlobalMedia.Tests.Recipes;

/// <summary>Recipes: the demo recipe fills a fresh database, re-applying changes nothing, a bad recipe changes nothing.</summary>
public sealed class RecipeTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task The_demo_recipe_publishes_every_story_in_every_culture_and_is_safe_to_reapply()
    {
        await ApplyAsync("demo");
        var first = await CountsAsync();
        await ApplyAsync("demo");
        await ApplyAsync("default");
        var second = await CountsAsync();

        Assert.Equal(first, second);
        Assert.True(first.Stories >= 12, $"stories: {first.Stories}");
        Assert.True(first.Enterprises >= 4 + 2, $"enterprises: {first.Enterprises}");
        Assert.Equal(first.Variants, first.Published);
        Assert.True(first.Variants >= 12 * 4);

        var (_, english, _) = await app.Api().ReadAsync("/api/v1/stories?enterprise=yanhui-power&culture=ar");
        Assert.Equal(3, english!["items"]!.AsArray().Count);
        var (_, categories, _) = await app.Api().ReadAsync("/api/v1/categories");
        Assert.Equal(9, categories!.AsArray().Count);
    }

    [Fact]
    public async Task Demo_sign_ins_are_created_only_in_development()
    {
        await ApplyAsync("demo");
        var users = await app.WithScopeAsync(services => services.GetRequiredService<AppDbContext>().Users.CountAsync(u => u.Email!.EndsWith(".demo")));
        Assert.Equal(0, users);
    }

    public static TheoryData<string, int?, string> BrokenRecipes => new()
    {
        { """{ "steps": [ { "step": "cultures", "cultures": [ { "code": "xx-QQ-zz" } ] } ] }""", 0, "not a culture code" },
        { """{ "steps": [ { "step": "categories", "categories": [ { "key": "brand-new-category", "names": { "en": "New" } } ] }, { "step": "teleport" } ] }""", 1, "unknown step \"teleport\"" },
        { """{ "steps": [ { "step": "categories", "categories": [ { "key": "another-new-category", "names": { "en": "New" } } ] }, { "step": "campaigns", "campaigns": [ { "key": "c", "names": { "en": "C" }, "startsOn": "2024-02-01", "endsOn": "2024-01-01" } ] } ] }""", 1, "ends (2024-01-01) before it starts" },
        { """{ "steps": [ { "step": "users", "users": [] } ] }""", 0, "must name the environments" },
        { """{ "steps": [ { "step": "categories", """, null, "not valid JSON" },
        { """{ "name": "no steps" }""", null, "has no \"steps\" array" },
    };

    [Theory]
    [MemberData(nameof(BrokenRecipes))]
    public async Task A_broken_recipe_names_file_step_and_reason_and_changes_nothing(string json, int? step, string reason)
    {
        var file = Path.Combine(app.Database.Folder, $"broken-{Guid.NewGuid():N}.recipe.json");
        await File.WriteAllTextAsync(file, json);
        var before = await app.WithScopeAsync(services => services.GetRequiredService<AppDbContext>().Categories.CountAsync());

        var error = await Assert.ThrowsAsync<RecipeException>(() => ApplyAsync(file));

        Assert.Equal(Path.GetFileName(file), error.File);
        Assert.Equal(step, error.StepIndex);
        Assert.Contains(reason, error.Message);
        Assert.Contains(Path.GetFileName(file), error.Message);
        var after = await app.WithScopeAsync(services => services.GetRequiredService<AppDbContext>().Categories.CountAsync());
        Assert.Equal(before, after);
    }

    private async Task ApplyAsync(string recipe)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RecipeRunner>().ApplyAsync(recipe);
    }

    private Task<(int Stories, int Variants, int Published, int Enterprises)> CountsAsync() =>
        app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            return (await db.Stories.CountAsync(), await db.StoryVariants.CountAsync(),
                await db.StoryVariants.CountAsync(v => v.State == WorkflowState.Published), await db.Enterprises.CountAsync());
        });
}
