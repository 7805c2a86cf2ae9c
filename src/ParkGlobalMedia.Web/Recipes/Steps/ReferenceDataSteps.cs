using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Content.Taxonomy;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Settings;

namespace ParkGlobalMedia.Recipes.Steps;

/// <summary>{"step":"cultures","cultures":[{"code":"ar","englishName":"Arabic","nativeName":"العربية","rightToLeft":true}]}</summary>
public sealed class CulturesStep : IRecipeStep
{
    private sealed record Item(string? Code, string? EnglishName, string? NativeName, bool RightToLeft);

    public string Name => "cultures";

    public async Task ApplyAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var items = RecipeContext.Read<List<Item>>(step.GetProperty("cultures"), "cultures");
        var order = 0;
        foreach (var item in items)
        {
            var code = Culture.Normalize(item.Code);
            if (code is null || !string.Equals(code, item.Code, StringComparison.Ordinal))
            {
                throw new RecipeStepException(code is null
                    ? $"'{item.Code}' is not a culture code."
                    : $"write culture '{item.Code}' in its canonical form '{code}'.");
            }

            var culture = await context.Db.Cultures.FindAsync([code], cancellationToken);
            if (culture is null)
            {
                culture = new Culture { Code = code, EnglishName = "", NativeName = "" };
                context.Db.Cultures.Add(culture);
            }

            culture.EnglishName = item.EnglishName ?? code;
            culture.NativeName = item.NativeName ?? code;
            culture.IsRightToLeft = item.RightToLeft;
            culture.SortOrder = order++;
        }
    }
}

/// <summary>{"step":"roles"}: makes sure every platform role exists.</summary>
public sealed class RolesStep(UserAccounts accounts) : IRecipeStep
{
    public string Name => "roles";

    public Task ApplyAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken) => accounts.EnsureRolesAsync();
}

/// <summary>{"step":"categories","categories":[{"key":"news","names":{"zh-CN":"新闻","en":"News"}}]}</summary>
public sealed class CategoriesStep : IRecipeStep
{
    private sealed record Item(string? Key, Dictionary<string, string>? Names);

    public string Name => "categories";

    public async Task ApplyAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var items = RecipeContext.Read<List<Item>>(step.GetProperty("categories"), "categories");
        var order = 0;
        foreach (var item in items)
        {
            if (string.IsNullOrWhiteSpace(item.Key) || item.Names is not { Count: > 0 })
            {
                throw new RecipeStepException($"category #{order + 1} needs a key and names.");
            }

            var category = await context.Db.Categories.FirstOrDefaultAsync(c => c.Key == item.Key, cancellationToken);
            if (category is null)
            {
                category = new Category { Id = Guid.CreateVersion7(), Key = item.Key };
                context.Db.Categories.Add(category);
            }

            category.Names = item.Names;
            category.SortOrder = order++;
        }
    }
}

/// <summary>{"step":"settings","settings":{"portal.name":{"zh-CN":"…","en":"…"}}}: one row per key, value kept as JSON.</summary>
public sealed class SettingsStep(TimeProvider clock) : IRecipeStep
{
    public string Name => "settings";

    public async Task ApplyAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        if (!step.TryGetProperty("settings", out var settings) || settings.ValueKind != JsonValueKind.Object)
        {
            throw new RecipeStepException("\"settings\" must be an object of key → value.");
        }

        foreach (var property in settings.EnumerateObject())
        {
            var setting = await context.Db.Settings.FindAsync([property.Name], cancellationToken);
            if (setting is null)
            {
                setting = new PlatformSetting { Key = property.Name, Value = "" };
                context.Db.Settings.Add(setting);
            }

            setting.Value = property.Value.GetRawText();
            setting.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        }
    }
}

/// <summary>{"step":"campaigns","from":"content/campaigns.json"} or {"step":"campaigns","campaigns":[…]}, upserted by key.</summary>
public sealed class CampaignsStep(CampaignService campaigns) : IRecipeStep
{
    public string Name => "campaigns";

    public async Task ApplyAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var items = step.TryGetProperty("from", out var from)
            ? RecipeContext.Read<List<CampaignInput>>(JsonDocument.Parse(await File.ReadAllTextAsync(context.ResolvePath(from.GetString()!), cancellationToken)).RootElement, "campaigns file")
            : RecipeContext.Read<List<CampaignInput>>(step.GetProperty("campaigns"), "campaigns");
        foreach (var input in items)
        {
            var campaign = await context.Db.Campaigns.FirstOrDefaultAsync(c => c.Key == input.Key, cancellationToken);
            var (owner, errors) = await campaigns.ValidateAsync(input, isNew: campaign is null, cancellationToken);
            if (!errors.IsEmpty)
            {
                throw new RecipeStepException($"campaign '{input.Key}': {errors.ToFailure().Detail}");
            }

            campaign ??= context.Db.Campaigns.Add(new Campaign { Id = Guid.CreateVersion7(), Key = input.Key! }).Entity;
            CampaignService.Apply(campaign, input, owner);
        }
    }
}
