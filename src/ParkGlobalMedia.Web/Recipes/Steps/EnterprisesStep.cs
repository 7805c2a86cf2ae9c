using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Content.Enterprises;

namespace ParkGlobalMedia.Recipes.Steps;

/// <summary>{"step":"enterprises","from":"content/enterprises"}: one JSON file per enterprise, upserted by slug.</summary>
public sealed class EnterprisesStep(EnterpriseService enterprises, TimeProvider clock) : IRecipeStep
{
    public string Name => "enterprises";

    public async Task ApplyAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var inputs = new List<(string Source, EnterpriseInput Input)>();
        if (step.TryGetProperty("from", out var from))
        {
            var folder = context.ResolvePath(from.GetString()!);
            if (!Directory.Exists(folder))
            {
                throw new RecipeStepException($"folder {folder} does not exist.");
            }

            foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                using var document = JsonDocument.Parse(await File.ReadAllTextAsync(file, cancellationToken));
                inputs.Add((Path.GetFileName(file), RecipeContext.Read<EnterpriseInput>(document.RootElement, Path.GetFileName(file))));
            }
        }
        else
        {
            foreach (var item in RecipeContext.Read<List<EnterpriseInput>>(step.GetProperty("enterprises"), "enterprises"))
            {
                inputs.Add((item.Slug ?? "?", item));
            }
        }

        foreach (var (source, input) in inputs)
        {
            var enterprise = await context.Db.Enterprises.FirstOrDefaultAsync(e => e.Slug == input.Slug, cancellationToken);
            var isNew = enterprise is null;
            var now = clock.GetUtcNow().UtcDateTime;
            enterprise ??= new Enterprise { Id = Guid.CreateVersion7(), Slug = input.Slug ?? "", DefaultCulture = "", CreatedAt = now };
            var errors = await enterprises.ApplyAsync(enterprise, input, isNew, cancellationToken);
            if (!errors.IsEmpty)
            {
                throw new RecipeStepException($"{source}: {errors.ToFailure().Detail}");
            }

            enterprise.UpdatedAt = now;
            if (isNew)
            {
                context.Db.Enterprises.Add(enterprise);
            }

            // Saved per enterprise so that later ones (and later steps) can see it.
            await context.Db.SaveChangesAsync(cancellationToken);
        }
    }
}
