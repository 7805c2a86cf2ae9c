using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Content.Stories;
using ParkGlobalMedia.Identity;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace ParkGlobalMedia.Recipes.Steps;

/// <summary>
/// {"step":"stories","from":"content/stories","publish":true}: imports `{enterprise}/{story}/story.json` (with an optional
/// "cover" asset id; the assets step runs first) plus one
/// `{culture}.md` (YAML front matter + Markdown body) per culture, through the same service and workflow as the API.
/// A story whose source-culture slug exists already is skipped, which makes re-applying safe.
/// </summary>
public sealed class StoriesStep(StoryService stories) : IRecipeStep
{
    private sealed record StoryFile(string? Key, string? Category, List<string>? Tags, string? Campaign, string? SourceCulture, DateTime? PublishedAt, string? Cover);

    private static readonly IDeserializer FrontMatter = new DeserializerBuilder().Build();

    public string Name => "stories";

    public async Task ApplyAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var root = context.ResolvePath(step.GetProperty("from").GetString()!);
        var publish = step.TryGetProperty("publish", out var p) && p.GetBoolean();
        if (!Directory.Exists(root))
        {
            throw new RecipeStepException($"folder {root} does not exist.");
        }

        foreach (var enterpriseFolder in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            foreach (var storyFolder in Directory.GetDirectories(enterpriseFolder).Order(StringComparer.Ordinal))
            {
                await ImportAsync(Path.GetFileName(enterpriseFolder), storyFolder, publish, context, cancellationToken);
            }
        }
    }

    private async Task ImportAsync(string enterprise, string folder, bool publish, RecipeContext context, CancellationToken cancellationToken)
    {
        var where = $"{enterprise}/{Path.GetFileName(folder)}";
        var metaPath = Path.Combine(folder, "story.json");
        if (!File.Exists(metaPath))
        {
            throw new RecipeStepException($"{where}: story.json is missing.");
        }

        StoryFile meta;
        using (var document = JsonDocument.Parse(await File.ReadAllTextAsync(metaPath, cancellationToken)))
        {
            meta = RecipeContext.Read<StoryFile>(document.RootElement, $"{where}/story.json");
        }

        var sourceCulture = meta.SourceCulture ?? "zh-CN";
        var variants = new Dictionary<string, VariantContent>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            variants[Path.GetFileNameWithoutExtension(file)] = ParseMarkdownFile(await File.ReadAllTextAsync(file, cancellationToken), $"{where}/{Path.GetFileName(file)}");
        }

        if (!variants.TryGetValue(sourceCulture, out var source))
        {
            throw new RecipeStepException($"{where}: no {sourceCulture}.md for the source culture.");
        }

        var exists = await context.Db.StoryVariants.AnyAsync(v => v.Culture == sourceCulture && v.Slug == source.Slug &&
            context.Db.Enterprises.Any(e => e.Id == v.EnterpriseId && e.Slug == enterprise), cancellationToken);
        if (exists)
        {
            return;
        }

        var caller = CallerContext.System;
        var created = Check(await stories.CreateAsync(caller, new CreateStoryRequest(enterprise, sourceCulture, meta.Category, meta.Tags, meta.Campaign, meta.Cover, source), cancellationToken), where, sourceCulture);
        var storyId = created.StoryId;
        foreach (var (culture, content) in variants.Where(v => v.Key != sourceCulture))
        {
            Check(await stories.SaveDraftAsync(caller, storyId, culture, content, ifMatch: null, cancellationToken), where, culture);
        }

        if (!publish)
        {
            return;
        }

        foreach (var culture in variants.Keys)
        {
            foreach (var action in new[] { StoryWorkflow.Submit, StoryWorkflow.Approve, StoryWorkflow.Publish })
            {
                Check(await stories.TransitionAsync(caller, storyId, culture, new TransitionRequest(action, "demo content"), "*", cancellationToken), where, culture);
            }
        }

        if (meta.PublishedAt is { } publishedAt)
        {
            // Demo stories keep their original dates so that listings look like a real archive.
            var utc = DateTime.SpecifyKind(publishedAt.ToUniversalTime(), DateTimeKind.Utc);
            foreach (var variant in await context.Db.StoryVariants.Where(v => v.StoryId == storyId).ToListAsync(cancellationToken))
            {
                variant.PublishedAt = utc;
                variant.FirstPublishedAt = utc;
            }

            await context.Db.SaveChangesAsync(cancellationToken);
        }
    }

    private static T Check<T>(ParkGlobalMedia.Platform.Outcome<T> outcome, string where, string culture) =>
        outcome.Succeeded ? outcome.Value! : throw new RecipeStepException($"{where} ({culture}): {outcome.Failure!.Detail}");

    /// <summary>Splits `---` YAML front matter (title, slug, summary, seoTitle, seoDescription) from the Markdown body.</summary>
    internal static VariantContent ParseMarkdownFile(string text, string where)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            throw new RecipeStepException($"{where}: must start with '---' YAML front matter.");
        }

        var end = text.IndexOf("\n---", 4, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new RecipeStepException($"{where}: front matter is not closed by '---'.");
        }

        Dictionary<string, string> fields;
        try
        {
            fields = FrontMatter.Deserialize<Dictionary<string, string>>(text[4..end]) ?? [];
        }
        catch (YamlException exception)
        {
            throw new RecipeStepException($"{where}: front matter is not valid YAML: {exception.Message}");
        }

        var body = text[(end + 4)..].TrimStart('\n');
        return new VariantContent(
            fields.GetValueOrDefault("title"),
            fields.GetValueOrDefault("slug"),
            fields.GetValueOrDefault("summary"),
            body,
            fields.GetValueOrDefault("seoTitle"),
            fields.GetValueOrDefault("seoDescription"));
    }
}
