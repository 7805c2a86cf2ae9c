using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Content.Enterprises;
using ParkGlobalMedia.Content.Taxonomy;
using ParkGlobalMedia.Platform;

namespace ParkGlobalMedia.Content.Stories;

/// <summary>Validation of story requests: every field checked, every problem reported at once.</summary>
public sealed partial class StoryService
{
    private async Task<string?> ValidateCultureAsync(Enterprise enterprise, string culture, string field, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var known = await cultures.FindAsync(culture, cancellationToken);
        if (known is null)
        {
            var enabled = await cultures.AllAsync(cancellationToken);
            errors.Add(field, $"'{culture}' is not a culture enabled on this platform. Enabled: {string.Join(", ", enabled.Select(c => c.Code))}.");
            return null;
        }

        if (!enterprise.Cultures.Contains(known.Code, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add(field, $"Enterprise '{enterprise.Slug}' does not publish in {known.Code}; its cultures are {string.Join(", ", enterprise.Cultures)}.");
            return null;
        }

        return known.Code;
    }

    private sealed record Classification(Guid CategoryId, Guid? CampaignId, string? CoverAssetId, IReadOnlyList<string> Tags);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex TagPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex AssetIdPattern();

    private async Task<Classification> ValidateClassificationAsync(Enterprise enterprise, string? categoryKey, IReadOnlyList<string>? tags, string? campaignKey, string? coverAssetId, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var category = string.IsNullOrWhiteSpace(categoryKey) ? null : await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Key == categoryKey, cancellationToken);
        if (category is null)
        {
            var keys = await db.Categories.OrderBy(c => c.SortOrder).Select(c => c.Key).ToListAsync(cancellationToken);
            errors.Add("category", string.IsNullOrWhiteSpace(categoryKey)
                ? $"category is required. Categories: {string.Join(", ", keys)}."
                : $"Unknown category '{categoryKey}'. Categories: {string.Join(", ", keys)}.");
        }

        Campaign? campaign = null;
        if (!string.IsNullOrWhiteSpace(campaignKey))
        {
            campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Key == campaignKey, cancellationToken);
            if (campaign is null)
            {
                errors.Add("campaign", $"Unknown campaign '{campaignKey}'.");
            }
            else if (campaign.OwnerEnterpriseId is { } owner && owner != enterprise.Id)
            {
                errors.Add("campaign", $"Campaign '{campaignKey}' belongs to another enterprise.");
            }
        }

        var normalizedTags = (tags ?? []).Select(t => t.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (normalizedTags.Count > StoryLimits.MaxTags)
        {
            errors.Add("tags", $"A story has at most {StoryLimits.MaxTags} tags; this one has {normalizedTags.Count}.");
        }

        foreach (var tag in normalizedTags.Where(t => t.Length > 60 || !TagPattern().IsMatch(t)))
        {
            errors.Add("tags", $"Tag '{tag}' must be lowercase letters, digits and single hyphens (at most 60 characters).");
        }

        if (coverAssetId is not null && !AssetIdPattern().IsMatch(coverAssetId))
        {
            errors.Add("coverAssetId", "coverAssetId must be an asset id (letters, digits, '-' or '_', at most 64 characters).");
        }

        return new Classification(category?.Id ?? Guid.Empty, campaign?.Id, coverAssetId, normalizedTags);
    }

    private static VariantContent ValidateContent(VariantContent? content, Guid storyId, ValidationErrors errors)
    {
        if (content is null)
        {
            errors.Add("content", "content (title, body ...) is required.");
            return new VariantContent(null, null, null, null, null, null);
        }

        var title = content.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            errors.Add("title", "title is required.");
        }

        errors.MaxLength("title", title, StoryLimits.TitleLength);
        errors.MaxLength("summary", content.Summary, StoryLimits.SummaryLength);
        errors.MaxLength("body", content.Body, StoryLimits.BodyLength);
        errors.MaxLength("seoTitle", content.SeoTitle, StoryLimits.SeoTitleLength);
        errors.MaxLength("seoDescription", content.SeoDescription, StoryLimits.SeoDescriptionLength);

        var slug = string.IsNullOrWhiteSpace(content.Slug) ? Slugs.ForTitle(title ?? "", storyId) : content.Slug.Trim();
        if (!Slugs.IsValid(slug))
        {
            errors.Add("slug", $"Slug '{slug}' must be lowercase ASCII letters and digits separated by single hyphens, at most {Slugs.MaxLength} characters.");
        }

        return new VariantContent(title, slug, content.Summary?.Trim() ?? "", content.Body ?? "", Blank(content.SeoTitle), Blank(content.SeoDescription));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A slug must not collide with another variant's current slug, nor with a URL that is live right now.</summary>
    private async Task<Failure?> SlugTakenAsync(Guid enterpriseId, string culture, string slug, Guid? exceptVariantId, CancellationToken cancellationToken)
    {
        var clash = await db.StoryVariants.AsNoTracking()
            .Where(v => v.EnterpriseId == enterpriseId && v.Culture == culture && v.Id != exceptVariantId)
            .Where(v => v.Slug == slug || (v.PublishedVersion != null && v.PublishedVersion.Slug == slug && v.State != WorkflowState.Archived))
            .Select(v => new { v.StoryId })
            .FirstOrDefaultAsync(cancellationToken);
        return clash is null
            ? null
            : new Failure(FailureKind.Conflict, "Slug already in use",
                $"The slug '{slug}' is already used by story {clash.StoryId} in {culture}; choose another.",
                new Dictionary<string, string[]> { ["slug"] = [$"'{slug}' is taken in {culture}."] });
    }
}
