using System.ComponentModel.DataAnnotations;

namespace ParkGlobalMedia.Platform;

/// <summary>Where the instance keeps its files and what it does when it starts.</summary>
public sealed class PlatformOptions
{
    public const string Section = "Platform";

    /// <summary>Folder for the SQLite file and filesystem blobs. Relative paths resolve against the content root.</summary>
    [Required]
    public string DataFolder { get; set; } = "data";

    /// <summary>Apply pending schema migrations before serving. Off only when a deployment runs the `migrate` verb itself.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>
    /// Recipes applied when the database holds no cultures yet (a fresh install). Empty here on purpose: binding
    /// appends to an initialised list, so the list lives in appsettings.json (default) and appsettings.Development.json.
    /// </summary>
    public List<string> FirstStartRecipes { get; set; } = [];

    /// <summary>Folder holding `*.recipe.json`; relative paths resolve against the application base directory.</summary>
    [Required]
    public string RecipesFolder { get; set; } = "recipes";

    public string ResolveDataFolder(string contentRoot) =>
        Path.GetFullPath(Path.IsPathRooted(DataFolder) ? DataFolder : Path.Combine(contentRoot, DataFolder));

    public string ResolveRecipesFolder() =>
        Path.GetFullPath(Path.IsPathRooted(RecipesFolder) ? RecipesFolder : Path.Combine(AppContext.BaseDirectory, RecipesFolder));
}
