using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Recipes;

/// <summary>
/// Applies `recipes/*.recipe.json`: a list of steps run in one database transaction, so a recipe either applies
/// completely or — with a message naming file, step and reason — not at all.
/// </summary>
public sealed partial class RecipeRunner(
    AppDbContext db,
    IEnumerable<IRecipeStep> steps,
    IOptions<PlatformOptions> options,
    IHostEnvironment environment,
    IMemoryCache cache,
    ILogger<RecipeRunner> logger)
{
    /// <summary>A recipe name ("demo") resolves in the recipes folder; anything with a slash or .json is a path.</summary>
    public string Resolve(string nameOrPath) =>
        nameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || nameOrPath.Contains('/', StringComparison.Ordinal)
            ? Path.GetFullPath(nameOrPath)
            : Path.Combine(options.Value.ResolveRecipesFolder(), $"{nameOrPath}.recipe.json");

    public async Task ApplyAsync(string nameOrPath, CancellationToken cancellationToken = default)
    {
        var file = Resolve(nameOrPath);
        var display = Path.GetFileName(file);
        if (!File.Exists(file))
        {
            throw new RecipeException(display, null, null, $"file not found at {file}.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(await File.ReadAllTextAsync(file, cancellationToken),
                new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            throw new RecipeException(display, null, null, $"not valid JSON: {exception.Message}", exception);
        }

        using (document)
        {
            if (!document.RootElement.TryGetProperty("steps", out var stepList) || stepList.ValueKind != JsonValueKind.Array)
            {
                throw new RecipeException(display, null, null, "has no \"steps\" array.");
            }

            var context = new RecipeContext(db, file, environment, logger);
            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var index = 0;
                foreach (var step in stepList.EnumerateArray())
                {
                    var name = step.ValueKind == JsonValueKind.Object && step.TryGetProperty("step", out var n) ? n.GetString() : null;
                    var handler = steps.FirstOrDefault(s => s.Name == name);
                    try
                    {
                        if (handler is null)
                        {
                            throw new RecipeStepException(
                                $"unknown step \"{name}\". Steps: {string.Join(", ", steps.Select(s => s.Name))}.");
                        }

                        await handler.ApplyAsync(step, context, cancellationToken);
                        await db.SaveChangesAsync(cancellationToken);
                    }
                    catch (Exception exception) when (exception is RecipeStepException or DbUpdateException or ArgumentException or IOException)
                    {
                        await transaction.RollbackAsync(CancellationToken.None);
                        db.ChangeTracker.Clear();
                        CultureCatalog.Invalidate(cache);
                        throw new RecipeException(display, index, name, exception.InnerException?.Message ?? exception.Message, exception);
                    }

                    index++;
                }

                await transaction.CommitAsync(cancellationToken);
            });

            CultureCatalog.Invalidate(cache);
            LogApplied(display, stepList.GetArrayLength());
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied recipe {Recipe} ({Steps} steps)")]
    private partial void LogApplied(string recipe, int steps);
}
