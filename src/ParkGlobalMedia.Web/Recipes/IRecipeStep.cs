using System.Text.Json;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Recipes;

/// <summary>One kind of recipe step ("cultures", "stories" ...). Steps are idempotent: applying twice changes nothing more.</summary>
public interface IRecipeStep
{
    string Name { get; }

    Task ApplyAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken);
}

/// <summary>What a step gets: the database (inside the recipe's transaction), where the recipe file is, and logging.</summary>
public sealed class RecipeContext(AppDbContext db, string recipeFile, IHostEnvironment environment, ILogger logger)
{
    public AppDbContext Db { get; } = db;
    public string RecipeFile { get; } = recipeFile;
    public IHostEnvironment Environment { get; } = environment;
    public ILogger Logger { get; } = logger;

    /// <summary>Paths in recipes are relative to the folder above `recipes/` (where `content/` sits).</summary>
    public string ResolvePath(string relative) =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(RecipeFile)!, "..", relative));

    public static T Read<T>(JsonElement element, string what)
    {
        try
        {
            return element.Deserialize<T>(JsonSerializerOptions.Web) ?? throw new RecipeStepException($"{what} is missing.");
        }
        catch (JsonException exception)
        {
            throw new RecipeStepException($"{what} has the wrong shape: {exception.Message}");
        }
    }
}
