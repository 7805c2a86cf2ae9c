using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Content.Enterprises;
using ParkGlobalMedia.Content.Taxonomy;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Markdown;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Content.Stories;

/// <summary>
/// Every change to stories: create, save a draft, classify, move through the workflow, schedule, restore.
/// Each method checks access, validates the whole request, and either saves everything or nothing.
/// </summary>
public sealed partial class StoryService(
    AppDbContext db,
    CultureCatalog cultures,
    TimeProvider clock,
    IEnumerable<IStoryChangeObserver> observers,
    IStoryAssetPolicy assetPolicy,
    IEnumerable<IVariantReleaseCheck> releaseChecks,
    ILogger<StoryService> logger)
{
    public async Task<Outcome<StoryVariant>> CreateAsync(CallerContext caller, CreateStoryRequest request, CancellationToken cancellationToken = default)
    {
        var enterprise = await db.Enterprises.FirstOrDefaultAsync(e => e.Slug == request.Enterprise, cancellationToken);
        if (enterprise is null)
        {
            return string.IsNullOrWhiteSpace(request.Enterprise)
                ? Failure.Invalid("enterprise", "enterprise is required (the slug of a member enterprise).")
                : Failure.NotFound($"Enterprise '{request.Enterprise}' does not exist.");
        }

        if (!ContentPermissions.CanEdit(caller, enterprise.Id))
        {
            return Failure.Forbidden($"You are not an editor of enterprise '{enterprise.Slug}'.");
        }

        var errors = new ValidationErrors();
        var culture = await ValidateCultureAsync(enterprise, request.SourceCulture ?? "zh-CN", "sourceCulture", errors, cancellationToken);
        var classification = await ValidateClassificationAsync(enterprise, request.Category, request.Tags, request.Campaign, request.CoverAssetId, errors, cancellationToken);
        var storyId = Guid.CreateVersion7();
        var content = ValidateContent(request.Content, storyId, errors);
        await CheckNewAssetsAsync(enterprise.Id, [.. ClassificationCover(classification), .. AssetReferences.Find(content.Body)], [], "assets", errors, cancellationToken);
        if (!errors.IsEmpty)
        {
            return errors.ToFailure();
        }

        if (await SlugTakenAsync(enterprise.Id, culture!, content.Slug!, null, cancellationToken) is { } taken)
        {
            return taken;
        }

        var now = Now;
        var story = new Story
        {
            Id = storyId,
            EnterpriseId = enterprise.Id,
            SourceCulture = culture!,
            CategoryId = classification.CategoryId,
            CampaignId = classification.CampaignId,
            CoverAssetId = classification.CoverAssetId,
            Tags = classification.Tags.Select(t => new StoryTag { StoryId = storyId, Tag = t }).ToList(),
            CreatedById = caller.UserId ?? Guid.Empty,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var variant = NewVariant(story, culture!, content.Slug!);
        await using var transaction = await OwnedTransaction.BeginAsync(db, cancellationToken);
        db.Stories.Add(story);
        db.StoryVariants.Add(variant);
        // Variant and version point at each other; EF cannot order that cycle, so the variant goes first.
        if (await SaveAsync(cancellationToken) is { } failure)
        {
            return failure;
        }

        await AddVersionAsync(variant, content, caller, restoredFrom: null, cancellationToken);
        Record(variant, WorkflowState.Draft, WorkflowState.Draft, "create", caller, null);
        if (await SaveAsync(cancellationToken) is { } versionFailure)
        {
            return versionFailure;
        }

        await transaction.CommitAsync(cancellationToken);
        LogCreated(story.Id, enterprise.Slug, culture!);
        return variant;
    }

    /// <summary>Saves new text for a culture as a new version. Creates the variant when the culture is new (a translation).</summary>
    public Task<Outcome<StoryVariant>> SaveDraftAsync(CallerContext caller, Guid storyId, string culture, VariantContent? content, string? ifMatch, CancellationToken cancellationToken = default) =>
        SaveDraftAsync(caller, storyId, culture, content, new DraftWrite(ifMatch), cancellationToken);

    /// <summary>
    /// How a draft save is guarded: by the If-Match the editor sent, or (for text the translation workflow writes) by
    /// a precondition on the variant as it is now. <paramref name="ReviewerMayWrite"/>: a language reviewer of the
    /// culture may write a translation that is not yet approved, not only editors; with <paramref name="ReviewCorrection"/>
    /// their save during review is a correction, which keeps the variant in review and its author accountable.
    /// </summary>
    internal sealed record DraftWrite(
        string? IfMatch, int? RestoredFrom = null, Func<StoryVariant?, Failure?>? Precondition = null, bool ReviewCorrection = false, bool ReviewerMayWrite = false);

    internal async Task<Outcome<StoryVariant>> SaveDraftAsync(CallerContext caller, Guid storyId, string culture, VariantContent? content, DraftWrite write, CancellationToken cancellationToken)
    {
        var story = await LoadStoryAsync(caller, storyId, cancellationToken);
        if (story is null)
        {
            return StoryNotFound(storyId);
        }

        var existing = story.Variants.FirstOrDefault(v => string.Equals(v.Culture, Culture.Normalize(culture), StringComparison.OrdinalIgnoreCase));
        var reviewing = write.ReviewerMayWrite && (existing?.State is null or WorkflowState.Draft or WorkflowState.InReview) &&
                        ContentPermissions.CanReview(caller, story.EnterpriseId, existing?.Culture ?? Culture.Normalize(culture) ?? culture);
        var correcting = reviewing && write.ReviewCorrection && existing is { State: WorkflowState.InReview };
        if (!reviewing && !ContentPermissions.CanEdit(caller, story.EnterpriseId))
        {
            return Failure.Forbidden("You may read this story but not edit it: editing needs the EnterpriseEditor role in its enterprise.");
        }

        var enterprise = await db.Enterprises.FirstAsync(e => e.Id == story.EnterpriseId, cancellationToken);
        var errors = new ValidationErrors();
        var canonicalCulture = await ValidateCultureAsync(enterprise, culture, "culture", errors, cancellationToken);
        var validated = ValidateContent(content, storyId, errors);
        var variant = story.Variants.FirstOrDefault(v => v.Culture == canonicalCulture);
        await CheckNewAssetsAsync(story.EnterpriseId, AssetReferences.Find(validated.Body), await CurrentBodyReferencesAsync(variant, cancellationToken), "body", errors, cancellationToken);
        if (!errors.IsEmpty)
        {
            return errors.ToFailure();
        }

        if (write.Precondition?.Invoke(variant) is { } refused)
        {
            return refused;
        }

        if (variant is not null)
        {
            if (write.Precondition is null && StoryETags.CheckIfMatch(write.IfMatch, StoryETags.Working(story, variant)) is { } stale)
            {
                return stale;
            }

            if (variant.State == WorkflowState.Archived)
            {
                return Failure.Conflict($"The {variant.Culture} variant is archived; reopen it before editing.");
            }
        }

        if (await SlugTakenAsync(story.EnterpriseId, canonicalCulture!, validated.Slug!, variant?.Id, cancellationToken) is { } taken)
        {
            return taken;
        }

        var isNew = variant is null;
        await using var transaction = await OwnedTransaction.BeginAsync(db, cancellationToken);
        if (variant is null)
        {
            variant = NewVariant(story, canonicalCulture!, validated.Slug!);
            db.StoryVariants.Add(variant);
            Record(variant, WorkflowState.Draft, WorkflowState.Draft, "create", caller, null);
            if (await SaveAsync(cancellationToken) is { } failure)
            {
                return failure;
            }
        }
        else if (correcting)
        {
            Record(variant, variant.State, variant.State, "correct", caller, null);
        }
        else if (variant.State is WorkflowState.InReview or WorkflowState.Approved or WorkflowState.Published)
        {
            // New text needs new review; an approved, scheduled publish must not go out with unreviewed text.
            Record(variant, variant.State, WorkflowState.Draft, StoryWorkflow.Edit, caller, null);
            variant.State = WorkflowState.Draft;
            variant.PublishAt = null;
        }

        var correctedAuthor = correcting ? variant.DraftVersion?.AccountableAuthorId ?? variant.PublishedVersion?.AccountableAuthorId : null;
        variant.Slug = validated.Slug!;
        variant.UpdatedAt = Now;
        await AddVersionAsync(variant, validated, caller, write.RestoredFrom, cancellationToken);
        variant.DraftVersion!.CorrectedFromAuthorId = correctedAuthor;
        var saved = await SaveAsync(cancellationToken);
        if (saved is not null)
        {
            return saved;
        }

        await transaction.CommitAsync(cancellationToken);

        await NotifyAsync(story, variant, isNew ? "created" : "edited", cancellationToken);
        return variant;
    }

    /// <summary>Changes the story-level classification (shared by all cultures).</summary>
    public async Task<Outcome<Story>> UpdateStoryAsync(CallerContext caller, Guid storyId, UpdateStoryRequest request, string? ifMatch, CancellationToken cancellationToken = default)
    {
        var story = await LoadStoryAsync(caller, storyId, cancellationToken);
        if (story is null)
        {
            return StoryNotFound(storyId);
        }

        if (!ContentPermissions.CanEdit(caller, story.EnterpriseId))
        {
            return Failure.Forbidden("Changing a story's category, tags or campaign needs the EnterpriseEditor role in its enterprise.");
        }

        if (StoryETags.CheckIfMatch(ifMatch, StoryETags.Story(story)) is { } stale)
        {
            return stale;
        }

        var enterprise = await db.Enterprises.FirstAsync(e => e.Id == story.EnterpriseId, cancellationToken);
        var errors = new ValidationErrors();
        var classification = await ValidateClassificationAsync(enterprise, request.Category, request.Tags, request.Campaign, request.CoverAssetId, errors, cancellationToken);
        await CheckNewAssetsAsync(story.EnterpriseId, ClassificationCover(classification), story.CoverAssetId is { } current ? [current] : [], "coverAssetId", errors, cancellationToken);
        if (!errors.IsEmpty)
        {
            return errors.ToFailure();
        }

        story.CategoryId = classification.CategoryId;
        story.CampaignId = classification.CampaignId;
        story.CoverAssetId = classification.CoverAssetId;
        story.UpdatedAt = Now;
        var wanted = classification.Tags.ToHashSet(StringComparer.Ordinal);
        story.Tags.RemoveAll(t => !wanted.Contains(t.Tag));
        foreach (var tag in wanted.Where(t => story.Tags.All(existing => existing.Tag != t)))
        {
            story.Tags.Add(new StoryTag { StoryId = story.Id, Tag = tag });
        }

        // Classification shows on every variant: bump the story so every working ETag changes.
        db.Entry(story).State = EntityState.Modified;
        var saved = await SaveAsync(cancellationToken);
        if (saved is not null)
        {
            return saved;
        }

        foreach (var variant in story.Variants)
        {
            await NotifyAsync(story, variant, "classified", cancellationToken);
        }

        return story;
    }

    /// <summary>Copies an old version into a new draft; history is never rewritten.</summary>
    public async Task<Outcome<StoryVariant>> RestoreAsync(CallerContext caller, Guid storyId, string culture, int versionNumber, string? ifMatch, CancellationToken cancellationToken = default)
    {
        // No If-Match check here: the save of the restored text below checks it.
        var (story, variant, failure) = await LoadVariantAsync(caller, storyId, culture, ifMatch: null, checkIfMatch: false, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var old = await db.StoryVersions.AsNoTracking()
            .FirstOrDefaultAsync(v => v.VariantId == variant!.Id && v.Number == versionNumber, cancellationToken);
        if (old is null)
        {
            return Failure.NotFound($"The {variant!.Culture} variant has no version {versionNumber}.");
        }

        var content = new VariantContent(old.Title, old.Slug, old.Summary, old.Body, old.SeoTitle, old.SeoDescription);
        return await SaveDraftAsync(caller, story!.Id, variant!.Culture, content, new DraftWrite(ifMatch, RestoredFrom: versionNumber), cancellationToken);
    }

    // ---- loading -------------------------------------------------------------------------------------------

    /// <summary>The story with its variants and versions, or null when missing or invisible to the caller (404 either way).</summary>
    internal async Task<Story?> LoadStoryAsync(CallerContext caller, Guid storyId, CancellationToken cancellationToken)
    {
        var story = await db.Stories
            .Include(s => s.Tags)
            .Include(s => s.Variants).ThenInclude(v => v.DraftVersion)
            .Include(s => s.Variants).ThenInclude(v => v.PublishedVersion)
            .AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Id == storyId, cancellationToken);
        return story is not null && ContentPermissions.CanReadDrafts(caller, story.EnterpriseId) ? story : null;
    }

    /// <summary>The story and one variant for a write; with <paramref name="checkIfMatch"/>, also the concurrency check (If-Match required).</summary>
    private async Task<(Story? Story, StoryVariant? Variant, Failure? Failure)> LoadVariantAsync(CallerContext caller, Guid storyId, string culture, string? ifMatch, bool checkIfMatch, CancellationToken cancellationToken)
    {
        var story = await LoadStoryAsync(caller, storyId, cancellationToken);
        if (story is null)
        {
            return (null, null, StoryNotFound(storyId));
        }

        var (variant, missing) = FindVariant(story, culture);
        if (missing is not null)
        {
            return (story, null, missing);
        }

        return checkIfMatch && StoryETags.CheckIfMatch(ifMatch, StoryETags.Working(story, variant!)) is { } stale
            ? (story, variant, stale)
            : (story, variant, null);
    }

    internal static Failure StoryNotFound(Guid storyId) => Failure.NotFound($"Story {storyId} does not exist or you may not see it.");

    /// <summary>The variant for a culture code in any spelling (zh-cn, zh_CN), or a 404 that lists the cultures it has.</summary>
    internal static (StoryVariant? Variant, Failure? Failure) FindVariant(Story story, string culture)
    {
        var canonical = Culture.Normalize(culture);
        var variant = story.Variants.FirstOrDefault(v => string.Equals(v.Culture, canonical, StringComparison.OrdinalIgnoreCase));
        return variant is null
            ? (null, Failure.NotFound($"Story {story.Id} has no '{culture}' variant. It exists in: {string.Join(", ", story.Variants.Select(v => v.Culture))}."))
            : (variant, null);
    }

    // ---- writing -------------------------------------------------------------------------------------------

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private StoryVariant NewVariant(Story story, string culture, string slug) => new()
    {
        Id = Guid.CreateVersion7(),
        StoryId = story.Id,
        Story = story,
        EnterpriseId = story.EnterpriseId,
        Culture = culture,
        Slug = slug,
        State = WorkflowState.Draft,
        UpdatedAt = Now,
    };

    private async Task AddVersionAsync(StoryVariant variant, VariantContent content, CallerContext caller, int? restoredFrom, CancellationToken cancellationToken)
    {
        var latest = await db.StoryVersions.Where(v => v.VariantId == variant.Id).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0;
        var version = new StoryVersion
        {
            Id = Guid.CreateVersion7(),
            VariantId = variant.Id,
            Number = latest + 1,
            Title = content.Title!,
            Slug = content.Slug!,
            Summary = content.Summary ?? "",
            Body = content.Body ?? "",
            SeoTitle = content.SeoTitle,
            SeoDescription = content.SeoDescription,
            AuthorId = caller.UserId ?? Guid.Empty,
            AuthorName = caller.Name,
            CreatedAt = Now,
            RestoredFromNumber = restoredFrom,
        };
        db.StoryVersions.Add(version);
        variant.DraftVersionId = version.Id;
        variant.DraftVersion = version;
    }

    private void Record(StoryVariant variant, WorkflowState from, WorkflowState to, string action, CallerContext caller, string? comment) =>
        db.WorkflowTransitions.Add(new WorkflowTransition
        {
            Id = Guid.CreateVersion7(),
            VariantId = variant.Id,
            FromState = from,
            ToState = to,
            Action = action,
            ActorId = caller.UserId,
            ActorName = caller.Name,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            VersionNumber = variant.DraftVersion?.Number ?? variant.PublishedVersion?.Number,
            At = Now,
        });

    private async Task<Failure?> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Failure.Stale("Someone else saved this story at the same moment; reload it and apply your change again.");
        }
        catch (DbUpdateException exception) when (DbErrors.IsUniqueViolation(exception))
        {
            db.ChangeTracker.Clear();
            return Failure.Conflict("Another story took this slug at the same moment; choose another.");
        }
    }

    private async Task NotifyAsync(Story story, StoryVariant variant, string change, CancellationToken cancellationToken)
    {
        foreach (var observer in observers)
        {
            await observer.OnChangedAsync(new StoryChanged(story.Id, story.EnterpriseId, variant.Culture, change, variant.State), cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Story {StoryId} created for {Enterprise} in {Culture}")]
    private partial void LogCreated(Guid storyId, string enterprise, string culture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Story {StoryId} {Culture}: {Action} by {Actor}")]
    private partial void LogTransition(Guid storyId, string culture, string action, string actor);
}
