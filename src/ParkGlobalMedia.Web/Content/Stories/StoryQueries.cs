using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ParkGlobalMedia.Content.Enterprises;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Markdown;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Content.Stories;

/// <summary>
/// Reads of the story library. Anonymous callers only ever see live published versions; unpublished work is
/// visible only to callers allowed to read the enterprise's drafts, and to everyone else it does not exist (404).
/// </summary>
public sealed class StoryQueries(AppDbContext db, CultureCatalog cultures, MarkdownRenderer markdown, RenderedMarkdownCache renderings)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>culture=source lists each story once, by its source-culture variant (the admin story list).</summary>
    public const string SourceCulture = "source";

    private static readonly string[] Sorts = ["published_desc", "published_asc", "updated_desc", "title"];

    public async Task<Outcome<StoryPage>> ListAsync(CallerContext caller, StoryListQuery query, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? DefaultPageSize;
        if (page < 1)
        {
            errors.Add("page", "page starts at 1.");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", $"pageSize must be between 1 and {MaxPageSize}.");
        }

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

    /// <summary>
    /// The published variant in <paramref name="requestedCulture"/>, or — walking the enterprise's fallback chain —
    /// in the first culture that has one. <see cref="PublishedStory.Culture"/> tells which was served.
    /// </summary>
    public async Task<Outcome<PublishedStory>> GetPublishedAsync(Guid storyId, string requestedCulture, bool fallback, CancellationToken cancellationToken = default)
    {
        // A reader may ask for any real culture (es-MX); the fallback chain maps it onto the ones the site has.
        var requested = Culture.Normalize(requestedCulture);
        if (requested is null)
        {
            return Failure.Invalid("culture", $"'{requestedCulture}' is not a valid culture code (BCP 47, like en, zh-CN or es-MX).");
        }

        // Three narrow queries: the live cultures (titles and slugs only), the story's header, then the one body
        // served. Loading every variant's full body to serve one was most of a read's cost (bench/RESULTS.md).
        var live = await db.StoryVariants.AsNoTracking()
            .Where(v => v.StoryId == storyId && v.PublishedVersionId != null && v.State != WorkflowState.Archived)
            .Select(v => new { v.Culture, VersionId = v.PublishedVersionId!.Value, v.PublishedAt, v.FirstPublishedAt, v.PublishedVersion!.Slug, v.PublishedVersion.Title })
            .ToListAsync(cancellationToken);
        if (live.Count == 0)
        {
            return Failure.NotFound($"Story {storyId} is not published.");
        }

        var header = await db.Stories.AsNoTracking()
            .Where(s => s.Id == storyId)
            .Select(s => new
            {
                s.CoverAssetId,
                Tags = s.Tags.Select(t => t.Tag).ToList(),
                Category = db.Categories.Where(c => c.Id == s.CategoryId).Select(c => c.Key).First(),
                Campaign = db.Campaigns.Where(c => c.Id == s.CampaignId).Select(c => c.Key).FirstOrDefault(),
                Enterprise = db.Enterprises.Where(e => e.Id == s.EnterpriseId).Select(e => new { e.Slug, e.DefaultCulture, e.FallbackChain }).First(),
            })
            .FirstAsync(cancellationToken);

        var site = new Enterprise { Slug = header.Enterprise.Slug, DefaultCulture = header.Enterprise.DefaultCulture, FallbackChain = header.Enterprise.FallbackChain };
        var chain = fallback ? CultureFallback.Chain(site, requested) : [requested];
        var variant = chain.Select(c => live.FirstOrDefault(v => string.Equals(v.Culture, c, StringComparison.OrdinalIgnoreCase)))
            .FirstOrDefault(v => v is not null);
        if (variant is null)
        {
            return Failure.NotFound(
                $"Story {storyId} is not published in {requested}{(fallback ? $" nor in its fallbacks ({string.Join(" → ", chain)})" : "")}. " +
                $"Published in: {string.Join(", ", live.Select(v => v.Culture))}.");
        }

        var version = await db.StoryVersions.AsNoTracking().FirstAsync(v => v.Id == variant.VersionId, cancellationToken);
        var rendered = await RenderAsync(version, variant.Culture, cancellationToken);
        return new PublishedStory(
            storyId,
            header.Enterprise.Slug,
            variant.Culture,
            requested,
            version.Title,
            version.Slug,
            version.Summary,
            version.Body,
            rendered.Html,
            string.IsNullOrWhiteSpace(version.Summary) ? rendered.Excerpt : version.Summary,
            rendered.ReadingMinutes,
            version.SeoTitle,
            version.SeoDescription,
            header.Category,
            header.Tags.Order(StringComparer.Ordinal).ToList(),
            header.Campaign,
            header.CoverAssetId,
            variant.PublishedAt!.Value,
            variant.FirstPublishedAt ?? variant.PublishedAt!.Value,
            version.Number,
            live.OrderBy(v => v.Culture, StringComparer.Ordinal)
                .Select(v => new CultureLink(v.Culture, v.Slug, v.Title, $"/api/v1/stories/{storyId}/{v.Culture}"))
                .ToList());
    }

    /// <summary>
    /// Versions never change, so their rendering is cached by version id. The expiry bounds how long a change in a
    /// referenced asset (alt text, withdrawal) takes to show; the asset bank will evict explicitly.
    /// </summary>
    private async Task<RenderedMarkdown> RenderAsync(StoryVersion version, string culture, CancellationToken cancellationToken) =>
        await renderings.GetOrCreateAsync((version.Id, culture), async entry =>
        {
            var rendered = await markdown.RenderAsync(version.Body, culture, cancellationToken);
            entry.Size = rendered.Html.Length + rendered.PlainText.Length;
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            return rendered;
        }) ?? throw new InvalidOperationException("rendering cache returned nothing");

    /// <summary>Finds the live story behind a public URL (enterprise, culture, slug).</summary>
    public async Task<Guid?> FindPublishedBySlugAsync(string enterpriseSlug, string culture, string slug, CancellationToken cancellationToken = default) =>
        await db.StoryVariants.AsNoTracking()
            .Where(v => v.Culture == culture && v.PublishedVersion!.Slug == slug && v.State != WorkflowState.Archived)
            .Where(v => db.Enterprises.Any(e => e.Id == v.EnterpriseId && e.Slug == enterpriseSlug))
            .Select(v => (Guid?)v.StoryId)
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<Outcome<WorkingStory>> GetWorkingAsync(CallerContext caller, Guid storyId, string culture, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadForEditorsAsync(caller, storyId, culture, cancellationToken);
        if (!loaded.Succeeded)
        {
            return loaded.Failure!;
        }

        var (story, variant) = loaded.Value;
        var version = variant.WorkingVersion!;
        var names = await ClassificationNamesAsync(story, cancellationToken);
        return new WorkingStory(
            story.Id,
            variant.Id,
            await db.Enterprises.Where(e => e.Id == story.EnterpriseId).Select(e => e.Slug).FirstAsync(cancellationToken),
            variant.Culture,
            story.SourceCulture,
            variant.State.ToString(),
            new VariantContent(version.Title, version.Slug, version.Summary, version.Body, version.SeoTitle, version.SeoDescription),
            version.Number,
            variant.PublishedVersion?.Number,
            variant.DraftVersionId is not null,
            names.Category,
            story.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal).ToList(),
            names.Campaign,
            story.CoverAssetId,
            variant.PublishAt,
            variant.ArchiveAt,
            variant.PublishedAt,
            variant.UpdatedAt,
            StoryWorkflow.Available(variant, caller).Select(a => a.Name).ToList(),
            story.Variants.OrderBy(v => v.Culture, StringComparer.Ordinal)
                .Select(v => new VariantStatus(v.Culture, v.State.ToString(), v.IsLive, v.WorkingVersion?.Title ?? "")).ToList(),
            StoryETags.Working(story, variant));
    }

    public async Task<Outcome<StorySummary>> GetSummaryAsync(CallerContext caller, Guid storyId, CancellationToken cancellationToken = default)
    {
        var story = await LoadStoryAsync(storyId, cancellationToken);
        var canSeeDrafts = story is not null && ContentPermissions.CanReadDrafts(caller, story.EnterpriseId);
        var visible = story?.Variants.Where(v => canSeeDrafts || v.IsLive).ToList() ?? [];
        if (story is null || visible.Count == 0)
        {
            return StoryService.StoryNotFound(storyId);
        }

        var names = await ClassificationNamesAsync(story, cancellationToken);
        return new StorySummary(
            story.Id,
            await db.Enterprises.Where(e => e.Id == story.EnterpriseId).Select(e => e.Slug).FirstAsync(cancellationToken),
            story.SourceCulture,
            names.Category,
            story.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal).ToList(),
            names.Campaign,
            story.CoverAssetId,
            visible.OrderBy(v => v.Culture, StringComparer.Ordinal).Select(v => canSeeDrafts
                ? new VariantStatus(v.Culture, v.State.ToString(), v.IsLive, v.WorkingVersion?.Title ?? "")
                : new VariantStatus(v.Culture, WorkflowState.Published.ToString(), true, v.PublishedVersion!.Title)).ToList(),
            StoryETags.Story(story));
    }

    public async Task<Outcome<IReadOnlyList<VersionInfo>>> VersionsAsync(CallerContext caller, Guid storyId, string culture, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadForEditorsAsync(caller, storyId, culture, cancellationToken);
        if (!loaded.Succeeded)
        {
            return loaded.Failure!;
        }

        var variant = loaded.Value.Variant;
        var versions = await db.StoryVersions.AsNoTracking().Where(v => v.VariantId == variant.Id)
            .OrderByDescending(v => v.Number)
            .Select(v => new VersionInfo(v.Number, v.Title, v.Slug, v.AuthorName, v.CreatedAt, v.RestoredFromNumber,
                v.Id == variant.PublishedVersionId, v.Id == variant.DraftVersionId))
            .ToListAsync(cancellationToken);
        return versions;
    }

    public async Task<Outcome<VersionDetail>> VersionAsync(CallerContext caller, Guid storyId, string culture, int number, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadForEditorsAsync(caller, storyId, culture, cancellationToken);
        if (!loaded.Succeeded)
        {
            return loaded.Failure!;
        }

        var version = await db.StoryVersions.AsNoTracking()
            .FirstOrDefaultAsync(v => v.VariantId == loaded.Value.Variant.Id && v.Number == number, cancellationToken);
        return version is null
            ? Failure.NotFound($"The {culture} variant has no version {number}.")
            : new VersionDetail(version.Number, ContentOf(version), version.AuthorName, version.CreatedAt, version.RestoredFromNumber);
    }

    public async Task<Outcome<VersionDiff>> DiffAsync(CallerContext caller, Guid storyId, string culture, int from, int to, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadForEditorsAsync(caller, storyId, culture, cancellationToken);
        if (!loaded.Succeeded)
        {
            return loaded.Failure!;
        }

        var versions = await db.StoryVersions.AsNoTracking()
            .Where(v => v.VariantId == loaded.Value.Variant.Id && (v.Number == from || v.Number == to))
            .ToListAsync(cancellationToken);
        var old = versions.FirstOrDefault(v => v.Number == from);
        var current = versions.FirstOrDefault(v => v.Number == to);
        if (old is null || current is null)
        {
            return Failure.NotFound($"The {culture} variant has no version {(old is null ? from : to)}.");
        }

        var fields = new List<FieldDiff>();
        void Compare(string field, string? a, string? b)
        {
            if (!string.Equals(a ?? "", b ?? "", StringComparison.Ordinal))
            {
                fields.Add(new FieldDiff(field, a, b));
            }
        }

        Compare("title", old.Title, current.Title);
        Compare("slug", old.Slug, current.Slug);
        Compare("summary", old.Summary, current.Summary);
        Compare("seoTitle", old.SeoTitle, current.SeoTitle);
        Compare("seoDescription", old.SeoDescription, current.SeoDescription);
        var body = TextDiff.Lines(old.Body, current.Body)
            .Select(l => new DiffLineView(l.Kind.ToString().ToLowerInvariant(), l.Text, l.OldLineNumber, l.NewLineNumber)).ToList();
        return new VersionDiff(from, to, fields, body);
    }

    public async Task<Outcome<IReadOnlyList<TransitionInfo>>> HistoryAsync(CallerContext caller, Guid storyId, string culture, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadForEditorsAsync(caller, storyId, culture, cancellationToken);
        if (!loaded.Succeeded)
        {
            return loaded.Failure!;
        }

        var variantId = loaded.Value.Variant.Id;
        var rows = await db.WorkflowTransitions.AsNoTracking().Where(t => t.VariantId == variantId)
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(t => t.At).ThenByDescending(t => t.Id)
            .Select(t => new TransitionInfo(t.Action, t.FromState.ToString(), t.ToState.ToString(), t.ActorName, t.Comment, t.VersionNumber, t.At))
            .ToList();
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static VariantContent ContentOf(StoryVersion v) => new(v.Title, v.Slug, v.Summary, v.Body, v.SeoTitle, v.SeoDescription);

    private Task<Story?> LoadStoryAsync(Guid storyId, CancellationToken cancellationToken) =>
        db.Stories.AsNoTracking()
            .Include(s => s.Tags)
            .Include(s => s.Variants).ThenInclude(v => v.DraftVersion)
            .Include(s => s.Variants).ThenInclude(v => v.PublishedVersion)
            .AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Id == storyId, cancellationToken);

    private async Task<Outcome<(Story Story, StoryVariant Variant)>> LoadForEditorsAsync(CallerContext caller, Guid storyId, string culture, CancellationToken cancellationToken)
    {
        var story = await LoadStoryAsync(storyId, cancellationToken);
        if (story is null || !ContentPermissions.CanReadDrafts(caller, story.EnterpriseId))
        {
            return StoryService.StoryNotFound(storyId);
        }

        var (variant, missing) = StoryService.FindVariant(story, culture);
        return missing is not null ? missing : (story, variant!);
    }

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

    private async Task<(string Category, string? Campaign)> ClassificationNamesAsync(Story story, CancellationToken cancellationToken)
    {
        var category = await db.Categories.Where(c => c.Id == story.CategoryId).Select(c => c.Key).FirstAsync(cancellationToken);
        var campaign = story.CampaignId is null
            ? null
            : await db.Campaigns.Where(c => c.Id == story.CampaignId).Select(c => c.Key).FirstOrDefaultAsync(cancellationToken);
        return (category, campaign);
    }
}
