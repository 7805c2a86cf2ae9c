using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Recipes.Steps;

namespace ParkGlobalMedia.Recipes;

public static class RecipesModule
{
    public static WebApplicationBuilder AddRecipes(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<RecipeRunner>();
        services.AddScoped<IRecipeStep, CulturesStep>();
        services.AddScoped<IRecipeStep, RolesStep>();
        services.AddScoped<IRecipeStep, CategoriesStep>();
        services.AddScoped<IRecipeStep, SettingsStep>();
        services.AddScoped<IRecipeStep, EnterprisesStep>();
        services.AddScoped<IRecipeStep, CampaignsStep>();
        services.AddScoped<IRecipeStep, StoriesStep>();
        services.AddScoped<IRecipeStep, UsersStep>();
        return builder;
    }

    /// <summary>
    /// Start-up: migrate (unless a deployment does it with the CLI), then apply the first-start recipes when the
    /// database is fresh — recognised by having no cultures, which the default recipe always adds.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<PlatformOptions>>().Value;
        if (options.MigrateOnStart)
        {
            await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
        }

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (options.FirstStartRecipes.Count > 0 && !await db.Cultures.AnyAsync())
        {
            var runner = scope.ServiceProvider.GetRequiredService<RecipeRunner>();
            foreach (var recipe in options.FirstStartRecipes)
            {
                await runner.ApplyAsync(recipe);
            }
        }
    }
}
