using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Content.Enterprises;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Markdown;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Caching;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Content.Stories;

/// <summary>
/// Reads of the story library. Anonymous callers only ever see live published versions; unpublished work is
/// visible only to callers allowed to read the enterprise's drafts, and to everyone else it does not exist (404).
/// </summary>
public sealed partial class StoryQueries(AppDbContext db, CultureCatalog cultures, MarkdownRenderer markdown, RenderedMarkdownCache renderings, ContentGeneration generation)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>culture=source lists each story once, by its source-culture variant (the admin story list).</summary>
    public const string SourceCulture = "source";

    private static readonly string[] Sorts = ["published_desc", "published_asc", "updated_desc", "title"];

    public async Task<Outcome<StoryPage>> ListAsync(CallerContext caller, StoryListQuery query, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        var (page, pageSize) = Paging.Read(query.Page, query.PageSize, DefaultPageSize, MaxPageSize, errors);

        var sort = query.Sort ?? "published_desc";
        if (!Sorts.Contains(sort))
        {
            errors.Add("sort", $"Unknown sort '{sort}'. Sorts: {string.Join(", ", Sorts)}.");
        }

        var working = string.Equals(query.View, "working", StringComparison.OrdinalIgnoreCase) || query.State is not null;
        if (query.View is not null && !working && !string.Equals(query.View, "published", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("view", $"Unknown view '{query.View}'. Views: published, working.");
        }

        WorkflowState? state = null;
        if (query.State is not null)
        {
            if (Enum.TryParse<WorkflowState>(query.State, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                state = parsed;
            }
            else
            {
                errors.Add("state", $"Unknown state '{query.State}'. States: {string.Join(", ", Enum.GetNames<WorkflowState>())}.");
            }
        }

        string? culture = null;
        var sourceOnly = string.Equals(query.Culture, SourceCulture, StringComparison.OrdinalIgnoreCase);
        if (query.Culture is not null && !sourceOnly)
        {
            culture = (await cultures.FindAsync(query.Culture, cancellationToken))?.Code;
            if (culture is null)
            {
                errors.Add("culture", $"'{query.Culture}' is not a culture enabled on this platform.");
            }
        }

        Enterprise? enterprise = null;
        if (query.Enterprise is not null)
        {
            enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Slug == query.Enterprise, cancellationToken);
            if (enterprise is null)
            {
                return Failure.NotFound($"Enterprise '{query.Enterprise}' does not exist.");
            }
        }

        var search = query.Search?.Trim();
        if (search is { Length: > 100 })
        {
            errors.Add("q", "q is at most 100 characters.");
        }

        if (working && !caller.IsAuthenticated)
        {
            errors.Add("view", "The working view (drafts and workflow states) needs an access token.");
        }

        if (!errors.IsEmpty)
        {
            return errors.ToFailure();
        }

        var variants = db.StoryVariants.AsNoTracking();
        if (enterprise is not null)
        {
            variants = variants.Where(v => v.EnterpriseId == enterprise.Id);
        }

        if (culture is not null)
        {
            variants = variants.Where(v => v.Culture == culture);
        }
        else if (sourceOnly)
        {
            variants = variants.Where(v => v.Culture == v.Story.SourceCulture);
        }

        if (query.Category is not null)
        {
            variants = variants.Where(v => db.Categories.Any(c => c.Id == v.Story.CategoryId && c.Key == query.Category));
        }

        if (query.Campaign is not null)
        {
            variants = variants.Where(v => db.Campaigns.Any(c => c.Id == v.Story.CampaignId && c.Key == query.Campaign));
        }

        if (query.Tag is not null)
        {
            var tag = query.Tag.Trim().ToLowerInvariant();
            variants = variants.Where(v => db.StoryTags.Any(t => t.StoryId == v.StoryId && t.Tag == tag));
        }

        if (working)
        {
            variants = FilterReadable(variants, caller);
            if (state is not null)
            {
                variants = variants.Where(v => v.State == state);
            }
        }
        else
        {
            variants = variants.Where(v => v.PublishedVersionId != null && v.State != WorkflowState.Archived);
        }

        if (!string.IsNullOrEmpty(search))
        {
            // Title search for editors and API clients; lower() on both sides so it ignores case on both providers.
            var needle = search.ToLowerInvariant();
#pragma warning disable CA1862 // Translated to SQL lower(...) LIKE/instr: the StringComparison overload has no translation on both providers.
            variants = variants.Where(v => (working && v.DraftVersion != null ? v.DraftVersion.Title : v.PublishedVersion!.Title).ToLower().Contains(needle));
#pragma warning restore CA1862
        }

        var total = await variants.CountAsync(cancellationToken);
        variants = sort switch
        {
            "published_asc" => variants.OrderBy(v => v.PublishedAt).ThenBy(v => v.Id),
            "updated_desc" => variants.OrderByDescending(v => v.UpdatedAt).ThenBy(v => v.Id),
            "title" => variants.OrderBy(v => working && v.DraftVersion != null ? v.DraftVersion.Title : v.PublishedVersion!.Title).ThenBy(v => v.Id),
            _ => variants.OrderByDescending(v => v.PublishedAt).ThenBy(v => v.Id),
        };

        var rows = await variants
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(v => new
            {
                v.StoryId,
                v.Culture,
                v.State,
                v.PublishedAt,
                v.UpdatedAt,
                // Scalar CASEs rather than a conditional navigation: they translate to SQL on both providers.
                Slug = working && v.DraftVersion != null ? v.DraftVersion.Slug : v.PublishedVersion!.Slug,
                Title = working && v.DraftVersion != null ? v.DraftVersion.Title : v.PublishedVersion!.Title,
                Summary = working && v.DraftVersion != null ? v.DraftVersion.Summary : v.PublishedVersion!.Summary,
                EnterpriseSlug = db.Enterprises.Where(e => e.Id == v.EnterpriseId).Select(e => e.Slug).First(),
                Category = db.Categories.Where(c => c.Id == v.Story.CategoryId).Select(c => c.Key).First(),
                Campaign = db.Campaigns.Where(c => c.Id == v.Story.CampaignId).Select(c => c.Key).FirstOrDefault(),
                v.Story.CoverAssetId,
            })
            .ToListAsync(cancellationToken);

        var storyIds = rows.Select(r => r.StoryId).Distinct().ToList();
        var tags = await db.StoryTags.AsNoTracking().Where(t => storyIds.Contains(t.StoryId))
            .OrderBy(t => t.Tag).ToListAsync(cancellationToken);
        var siblings = await CultureStatusesAsync(storyIds, working, cancellationToken);

        var items = rows.Select(r => new StoryListItem(
            r.StoryId,
            r.EnterpriseSlug,
            r.Culture,
            r.Slug,
            r.Title,
            r.Summary,
            r.Category,
            tags.Where(t => t.StoryId == r.StoryId).Select(t => t.Tag).ToList(),
            r.Campaign,
            r.CoverAssetId,
            r.PublishedAt,
            r.UpdatedAt,
            working ? r.State.ToString() : null,
            siblings.GetValueOrDefault(r.StoryId) ?? [],
            working ? $"/api/v1/stories/{r.StoryId}/{r.Culture}/draft" : $"/api/v1/stories/{r.StoryId}/{r.Culture}")).ToList();
        return new StoryPage(items, page, pageSize, total);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private IQueryable<StoryVariant> FilterReadable(IQueryable<StoryVariant> variants, CallerContext caller)
    {
        if (!caller.Allows(TokenScopes.ContentRead) && !caller.Allows(TokenScopes.ContentWrite))
        {
            return variants.Where(_ => false);
        }

        if (caller.IsInRole(Roles.Admin) || caller.IsInRole(Roles.CentreCurator))
        {
            return variants;
        }

        var memberships = caller.Enterprises.ToList();
        return variants.Where(v => memberships.Contains(v.EnterpriseId));
    }

    private async Task<Dictionary<Guid, List<VariantStatus>>> CultureStatusesAsync(List<Guid> storyIds, bool working, CancellationToken cancellationToken)
    {
        var rows = await db.StoryVariants.AsNoTracking()
            .Where(v => storyIds.Contains(v.StoryId))
            .Where(v => working || (v.PublishedVersionId != null && v.State != WorkflowState.Archived))
            .Select(v => new
            {
                v.StoryId,
                v.Culture,
                v.State,
                Live = v.PublishedVersionId != null && v.State != WorkflowState.Archived,
                Title = working && v.DraftVersion != null ? v.DraftVersion.Title : v.PublishedVersion!.Title,
            })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.StoryId).ToDictionary(
            g => g.Key,
            g => g.OrderBy(r => r.Culture, StringComparer.Ordinal)
                .Select(r => new VariantStatus(r.Culture, working ? r.State.ToString() : WorkflowState.Published.ToString(), r.Live, r.Title)).ToList());
    }
}
