using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Content;
using ParkGlobalMedia.Content.Stories;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Translation.Budgets;
using ParkGlobalMedia.Translation.Memory;
using ParkGlobalMedia.Translation.Providers;
using ParkGlobalMedia.Translation.Review;

namespace ParkGlobalMedia.Translation.Jobs;

/// <summary>"Translate into…": the cultures, the provider, and whether to write over text this workflow did not write.</summary>
public sealed record StartTranslationRequest(IReadOnlyList<string>? Targets, string? Provider, bool ReplaceExisting = false);

/// <summary>What a provider is, for pickers: editors are offered configured ones; test output is marked.</summary>
public sealed record ProviderInfo(string Name, bool IsPaid, bool IsForTesting, bool IsConfigured);

/// <summary>
/// Starts translation jobs after checking everything that can be checked before any work: access, cultures, the
/// provider, target variants with text of their own, a job already running, and the month's budget — so a job that
/// would be refused is refused at once, with nothing created.
/// </summary>
public sealed class TranslationJobs(
    AppDbContext db,
    StoryService stories,
    IEnumerable<ITranslationProvider> providers,
    TranslationMemory memory,
    TranslationBudgets budgets,
    TranslationJobSignal signal,
    TimeProvider clock)
{
    public IReadOnlyList<ProviderInfo> Providers =>
        [.. providers.Select(p => new ProviderInfo(p.Name, p.IsPaid, p.IsForTesting, p.IsConfigured)), new ProviderInfo(ManualTranslation.Name, false, false, true)];

    public async Task<Outcome<TranslationJob>> StartAsync(CallerContext caller, Guid storyId, StartTranslationRequest request, CancellationToken cancellationToken)
    {
        var story = await stories.LoadStoryAsync(caller, storyId, cancellationToken);
        if (story is null)
        {
            return StoryService.StoryNotFound(storyId);
        }

        if (!ContentPermissions.CanEdit(caller, story.EnterpriseId))
        {
            return Failure.Forbidden("Starting a translation needs the EnterpriseEditor role in the story's enterprise.");
        }

        var enterprise = await db.Enterprises.AsNoTracking().FirstAsync(e => e.Id == story.EnterpriseId, cancellationToken);
        var errors = new ValidationErrors();
        var provider = ValidateProvider(request.Provider, errors);
        var targets = ValidateTargets(request.Targets, story, enterprise.Cultures, errors);
        var source = story.Variants.First(v => v.Culture == story.SourceCulture).WorkingVersion;
        if (!errors.IsEmpty)
        {
            return errors.ToFailure();
        }

        if (source is null)
        {
            return Failure.Conflict($"The {story.SourceCulture} source has no text to translate.");
        }

        var documents = await db.Set<TranslationDocument>().AsNoTracking().Where(d => d.StoryId == storyId).ToListAsync(cancellationToken);
        if (WrittenElsewhere(story, targets, documents, request.ReplaceExisting) is { } elsewhere)
        {
            return elsewhere;
        }

        var running = await db.Set<TranslationJob>().AsNoTracking()
            .Where(j => j.StoryId == storyId && (j.State == JobState.Queued || j.State == JobState.Running))
            .Select(j => (Guid?)j.Id).FirstOrDefaultAsync(cancellationToken);
        if (running is { } runningId)
        {
            return Failure.Conflict($"Translation job {runningId} for this story is still running; wait for it (GET /api/v1/translation-jobs/{runningId}) before starting another.");
        }

        if (provider is { IsPaid: true })
        {
            var needed = await CharactersNeededAsync(provider, story, source, targets, documents, cancellationToken);
            var status = await budgets.StatusAsync(story.EnterpriseId, enterprise.Slug, provider.Name, cancellationToken);
            if (needed > status.Left)
            {
                return TranslationBudgets.Refusal(enterprise.Slug, provider.Name, needed, status);
            }
        }

        var job = new TranslationJob
        {
            Id = Guid.CreateVersion7(),
            StoryId = storyId,
            EnterpriseId = story.EnterpriseId,
            SourceCulture = story.SourceCulture,
            Provider = provider?.Name ?? ManualTranslation.Name,
            Targets = targets.Select(t => new JobTarget(t, TargetState.Queued)).ToList(),
            ReplaceExisting = request.ReplaceExisting,
            State = JobState.Queued,
            SourceVersionNumber = source.Number,
            RequestedById = caller.UserId ?? Guid.Empty,
            RequestedByName = caller.Name,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        signal.Wake();
        return job;
    }

    public async Task<Outcome<TranslationJob>> GetAsync(CallerContext caller, Guid jobId, CancellationToken cancellationToken)
    {
        var job = await db.Set<TranslationJob>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        return job is not null && ContentPermissions.CanReadDrafts(caller, job.EnterpriseId)
            ? job
            : Failure.NotFound($"Translation job {jobId} does not exist or you may not see it.");
    }

    /// <summary>The story's jobs, newest first (the story editor shows the latest's progress).</summary>
    public Task<List<TranslationJob>> ForStoryAsync(Guid storyId, int take, CancellationToken cancellationToken) =>
        db.Set<TranslationJob>().AsNoTracking().Where(j => j.StoryId == storyId).OrderByDescending(j => j.CreatedAt).Take(take).ToListAsync(cancellationToken);

    private ITranslationProvider? ValidateProvider(string? name, ValidationErrors errors)
    {
        if (string.Equals(name, ManualTranslation.Name, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var provider = providers.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        if (provider is null)
        {
            errors.Add("provider", $"Unknown provider '{name}'. Providers: {string.Join(", ", Providers.Select(p => p.Name))}.");
        }
        else if (!provider.IsConfigured)
        {
            errors.Add("provider", $"The {provider.Name} provider has no key configured on this server; ask an operator, or choose another provider.");
        }

        return provider;
    }

    private static List<string> ValidateTargets(IReadOnlyList<string>? requested, Story story, IReadOnlyList<string> enterpriseCultures, ValidationErrors errors)
    {
        var targets = new List<string>();
        if (requested is null || requested.Count == 0)
        {
            errors.Add("targets", "Name at least one target culture.");
            return targets;
        }

        foreach (var culture in requested)
        {
            var canonical = enterpriseCultures.FirstOrDefault(c => string.Equals(c, Culture.Normalize(culture ?? ""), StringComparison.OrdinalIgnoreCase));
            if (canonical is null)
            {
                errors.Add("targets", $"'{culture}' is not one of the enterprise's cultures ({string.Join(", ", enterpriseCultures)}).");
            }
            else if (canonical == story.SourceCulture)
            {
                errors.Add("targets", $"{canonical} is the story's source culture.");
            }
            else if (!targets.Contains(canonical))
            {
                targets.Add(canonical);
            }
        }

        return targets;
    }

    /// <summary>
    /// Target variants whose text someone wrote outside this workflow (by hand, or edited in the story editor after
    /// the last translation): a job never writes over a person's text unless asked to, and even then the old text
    /// stays in the variant's history.
    /// </summary>
    private static Failure? WrittenElsewhere(Story story, List<string> targets, List<TranslationDocument> documents, bool replace)
    {
        var variants = story.Variants.Where(v => targets.Contains(v.Culture)).ToList();
        var archived = variants.Where(v => v.State == WorkflowState.Archived).Select(v => v.Culture).ToList();
        if (archived.Count > 0)
        {
            return Failure.Conflict($"The {string.Join(", ", archived)} variant is archived; reopen it before translating into it.");
        }

        if (replace)
        {
            return null;
        }

        var edited = variants
            .Where(v => v.WorkingVersion is { } working && documents.FirstOrDefault(d => d.TargetCulture == v.Culture)?.WrittenVersionNumber != working.Number)
            .Select(v => $"{v.Culture} (version {v.WorkingVersion!.Number} by {v.WorkingVersion.AuthorName})")
            .ToList();
        return edited.Count == 0
            ? null
            : new Failure(FailureKind.Conflict, "Target has text of its own",
                $"These variants have text that was not written by the translation workflow: {string.Join(", ", edited)}. " +
                "Translate with replaceExisting to write over them (their text stays in the history), or leave them out.");
    }

    /// <summary>What a provider would be sent: untranslated source texts not covered by the memory, per target.</summary>
    private async Task<long> CharactersNeededAsync(ITranslationProvider provider, Story story, StoryVersion source, List<string> targets, List<TranslationDocument> documents, CancellationToken cancellationToken)
    {
        var segments = StorySegments.Of(source);
        long needed = 0;
        foreach (var target in targets)
        {
            var document = documents.FirstOrDefault(d => d.TargetCulture == target);
            var missing = segments.Sources.Where(s => document?.Find(s)?.IsTranslated != true).ToList();
            var remembered = await memory.ExactAsync(story.EnterpriseId, story.SourceCulture, target, missing, cancellationToken);
            needed += missing.Where(s => !remembered.ContainsKey(s)).Sum(s => (long)provider.Measure(new ProviderText("", s, s.Contains('<'))));
        }

        return needed;
    }
}
