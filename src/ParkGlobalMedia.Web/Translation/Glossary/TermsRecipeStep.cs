using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Recipes;

namespace ParkGlobalMedia.Translation.Glossary;

/// <summary>
/// {"step":"terms","termbase":"shared","from":"content/terms/shared.csv"}: imports a termbase CSV (the format of the
/// termbase export) into the shared termbase or an enterprise's (by slug). Saving a term by its source again changes
/// it, so applying the recipe twice changes nothing more.
/// </summary>
public sealed class TermsRecipeStep(Termbase termbase) : IRecipeStep
{
    public string Name => "terms";

    public async Task ApplyAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var name = RecipeContext.Read<string>(step.GetProperty("termbase"), "termbase");
        var path = context.ResolvePath(RecipeContext.Read<string>(step.GetProperty("from"), "from"));
        Guid? enterpriseId = null;
        if (name != Term.SharedScope)
        {
            enterpriseId = await context.Db.Enterprises.Where(e => e.Slug == name).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(cancellationToken)
                           ?? throw new RecipeStepException($"termbase '{name}' is neither \"shared\" nor an enterprise's slug.");
        }

        if (!File.Exists(path))
        {
            throw new RecipeStepException($"{path} does not exist.");
        }

        await using var csv = File.OpenRead(path);
        var imported = await termbase.ImportCsvAsync(enterpriseId, csv, cancellationToken);
        if (!imported.Succeeded)
        {
            throw new RecipeStepException($"{path}: {imported.Failure!.Detail}");
        }
    }
}
