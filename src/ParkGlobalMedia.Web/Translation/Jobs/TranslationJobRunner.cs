using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Content.Stories;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Translation.Budgets;
using ParkGlobalMedia.Translation.Glossary;
using ParkGlobalMedia.Translation.Memory;
using ParkGlobalMedia.Translation.Providers;
using ParkGlobalMedia.Translation.Review;

namespace ParkGlobalMedia.Translation.Jobs;

/// <summary>
/// Carries out one job. Per round: segment the source as it is now; for each target take what its document already
/// has (unchanged text, people's edits), then exact memory matches; send only the rest to the provider, all targets
/// with the same missing texts in the same requests; put the results into the documents (never over a translation
/// that is there, so a reviewer's edit made meanwhile stands); then write each complete target as a new draft of its
/// variant. If the source changed while the provider worked, the next round translates just the new text, so a
/// variant is only ever written from one source version. A target that cannot be finished keeps everything it got
/// and is not written at all.
/// </summary>
public sealed partial class TranslationJobRunner(
    IServiceScopeFactory scopes,
    AppDbContext db,
    CallerResolver callers,
    IEnumerable<ITranslationProvider> providers,
    ProviderRunner runner,
    TranslationMemory memory,
    Termbase termbase,
    TranslationBudgets budgets,
    TranslationDocuments documents,
    TimeProvider clock,
    ILogger<TranslationJobRunner> logger)
{
    /// <summary>Source edits during a job are followed this many times before the job gives up on a moving target.</summary>
    public const int MaxRounds = 3;

    // The job row lives in its own context: the story service clears the shared one's tracker when a save fails.
    private AppDbContext _jobs = null!;

    public async Task RunAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var jobScope = scopes.CreateAsyncScope();
        _jobs = jobScope.ServiceProvider.GetRequiredService<AppDbContext>();
        var job = await _jobs.Set<TranslationJob>().FirstOrDefaultAsync(j => j.Id == jobId && j.State == JobState.Queued, cancellationToken);
        if (job is null)
        {
            return;
        }

        job.State = JobState.Running;
        job.StartedAt ??= Now;
        job.HeartbeatAt = Now;
        try
        {
            await _jobs.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return; // another instance claimed it
        }

        LogStarted(job.Id, job.StoryId, job.Provider, string.Join(",", job.Targets.Select(t => t.Culture)));
        try
        {
            await RunRoundsAsync(job, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(exception, job.Id);
            foreach (var target in job.Targets.Where(t => !t.IsFinished).ToList())
            {
                job.Update(target.Culture, t => t with { State = TargetState.Failed, Message = "The job stopped on an unexpected error; the translations received so far are kept. Run it again." });
            }
        }

        job.State = job.Targets.Any(t => t.State == TargetState.Failed) ? JobState.Failed : JobState.Completed;
        job.Message ??= job.State == JobState.Failed
            ? string.Join(" ", job.Targets.Where(t => t.State == TargetState.Failed).Select(t => $"{t.Culture}: {t.Message}"))
            : null;
        job.FinishedAt = Now;
        await SaveJobAsync(job, CancellationToken.None);
        LogFinished(job.Id, job.State, job.CharactersSent, job.Calls);
    }

    private async Task RunRoundsAsync(TranslationJob job, CancellationToken cancellationToken)
    {
        var requester = await callers.ForUserAsync(job.RequestedById, scopes: null, cancellationToken);
        if (!requester.IsAuthenticated)
        {
            FailAll(job, $"{job.RequestedByName}, who asked for this translation, can no longer sign in; nothing was translated.");
            return;
        }

        var provider = providers.FirstOrDefault(p => p.Name == job.Provider);
        var slug = await db.Enterprises.AsNoTracking().Where(e => e.Id == job.EnterpriseId).Select(e => e.Slug).FirstAsync(cancellationToken);
        for (var round = 1; round <= MaxRounds && job.Targets.Any(t => !t.IsFinished); round++)
        {
            var source = await documents.SourceVersionAsync(job.StoryId, cancellationToken);
            if (source is null)
            {
                FailAll(job, "The source variant has no text any more.");
                return;
            }

            var segments = StorySegments.Of(source);
            var missing = new Dictionary<string, List<string>>();
            foreach (var target in job.Targets.Where(t => !t.IsFinished).ToList())
            {
                missing[target.Culture] = await FillFromDocumentAndMemoryAsync(job, target.Culture, segments, cancellationToken);
            }

            await SaveJobAsync(job, cancellationToken);
            if (provider is not null)
            {
                // Targets missing the same texts share requests: Azure takes several targets per call.
                foreach (var group in missing.Where(m => m.Value.Count > 0).GroupBy(m => string.Join('\u0001', m.Value)))
                {
                    await TranslateAsync(job, provider, slug, group.Select(g => g.Key).ToList(), group.First().Value, cancellationToken);
                }
            }

            foreach (var target in job.Targets.Where(t => !t.IsFinished && t.State != TargetState.Failed).ToList())
            {
                await WriteAsync(job, requester, target.Culture, segments, cancellationToken);
            }
        }

        foreach (var target in job.Targets.Where(t => !t.IsFinished).ToList())
        {
            job.Update(target.Culture, t => t with
            {
                State = TargetState.Failed,
                Message = $"The source kept changing during the job ({MaxRounds} rounds); what was translated is kept. Run it again when the source rests.",
            });
        }
    }

    /// <summary>Fills untranslated units from the memory and returns the source texts still missing.</summary>
    private async Task<List<string>> FillFromDocumentAndMemoryAsync(TranslationJob job, string culture, StorySegments segments, CancellationToken cancellationToken)
    {
        var document = await documents.LoadOrCreateAsync(job.StoryId, job.EnterpriseId, job.SourceCulture, culture, cancellationToken);
        var missing = segments.Sources.Where(s => document.Find(s)?.IsTranslated != true).ToList();
        var kept = segments.Sources.Count - missing.Count;
        var remembered = await memory.ExactAsync(job.EnterpriseId, job.SourceCulture, culture, missing, cancellationToken);
        var now = Now;
        await documents.MergeAsync(job.StoryId, culture,
            remembered.Select(r => new TranslationUnit(r.Key, r.Value.Target, UnitOrigins.Memory, null, null, r.Value.Origin, now)), cancellationToken);
        job.Update(culture, t => t with
        {
            State = TargetState.Translating,
            Segments = segments.Sources.Count,
            // In a later round (the source changed) this job's own translations are already in the document.
            Kept = Math.Max(0, kept - t.Machine - t.FromMemory),
            FromMemory = t.FromMemory + remembered.Count,
        });
        return missing.Where(s => !remembered.ContainsKey(s)).ToList();
    }

    private async Task TranslateAsync(TranslationJob job, ITranslationProvider provider, string slug, List<string> cultures, List<string> texts, CancellationToken cancellationToken)
    {
        var providerTexts = texts.Select((text, index) => new ProviderText(index.ToString(System.Globalization.CultureInfo.InvariantCulture), text, text.Contains('<'))).ToList();
        var reserved = provider.IsPaid ? ProviderBatches.Characters(providerTexts, cultures.Count, provider.Measure) : 0;
        if (provider.IsPaid && await budgets.ReserveAsync(job.EnterpriseId, slug, provider.Name, reserved, cancellationToken) is { } refused)
        {
            foreach (var culture in cultures)
            {
                job.Update(culture, t => t with { State = TargetState.Failed, Message = refused.Detail });
            }

            return;
        }

        var terms = await termbase.TermsForAsync(job.EnterpriseId, job.SourceCulture, cultures, texts, cancellationToken);
        ProviderRun? run = null;
        try
        {
            run = await runner.RunAsync(provider, job.SourceCulture, cultures, providerTexts, terms, cancellationToken);
        }
        finally
        {
            // Settled even when cancelled: what the provider was really sent is what counts.
            if (provider.IsPaid)
            {
                await budgets.SettleAsync(job.EnterpriseId, provider.Name, reserved, run?.CharactersSent ?? 0, CancellationToken.None);
            }
        }

        job.CharactersSent += run.CharactersSent;
        job.Calls += run.Calls;
        var now = Now;
        foreach (var culture in cultures)
        {
            var received = run.Translations.Where(t => t.Culture == culture).ToList();
            await documents.MergeAsync(job.StoryId, culture,
                received.Select(t => new TranslationUnit(texts[int.Parse(t.Id, System.Globalization.CultureInfo.InvariantCulture)], t.Text, UnitOrigins.Machine, provider.Name, job.RequestedById, job.RequestedByName, now)),
                cancellationToken);
            var failed = texts.Count - received.Select(t => t.Id).Distinct().Count();
            job.Update(culture, t => t with
            {
                Machine = t.Machine + received.Count,
                Characters = t.Characters + run.CharactersSent / cultures.Count,
                State = failed > 0 ? TargetState.Failed : t.State,
                Message = failed > 0
                    ? $"{failed} of {texts.Count} texts got no translation from {provider.Name}: " +
                      (run.Stopped?.Message ?? run.Failures.Values.FirstOrDefault() ?? "no reason given") +
                      ". Every translation received is kept; run the job again to send only the missing ones."
                    : t.Message,
            });
        }

        await SaveJobAsync(job, cancellationToken);
    }

    private async Task WriteAsync(TranslationJob job, CallerContext requester, string culture, StorySegments segments, CancellationToken cancellationToken)
    {
        var current = await documents.SourceVersionAsync(job.StoryId, cancellationToken);
        if (current?.Id != segments.Version.Id)
        {
            return; // the source changed while we translated: the next round picks up its new text
        }

        var outcome = await documents.WriteAsync(requester, job.StoryId, culture, segments, job.Provider, writeOverEdits: job.ReplaceExisting, cancellationToken);
        if (outcome.Raced)
        {
            return; // a reviewer saved the document as we wrote: the next round writes again, with their edit
        }

        job.Update(culture, t => outcome switch
        {
            { Failure: { } failure, Incomplete: true } when job.Provider == ManualTranslation.Name => t with { State = TargetState.AwaitingTranslator, Message = failure },
            { Failure: { } failure, Refused: true } => t with
            {
                State = TargetState.NeedsEdit,
                Message = $"{failure} Every segment's translation is kept: shorten it in the review editor, whose save writes the variant.",
            },
            { Failure: { } failure } => t with
            {
                State = TargetState.Failed,
                Message = $"{failure} Every segment's translation is kept: fix it in the review editor, whose save writes the variant.",
            },
            { WrittenVersion: { } number } => t with { State = TargetState.Written, WrittenVersion = number },
            _ => t with { State = TargetState.UpToDate },
        });
        await SaveJobAsync(job, cancellationToken);
    }

    private static void FailAll(TranslationJob job, string message)
    {
        foreach (var target in job.Targets.Where(t => !t.IsFinished).ToList())
        {
            job.Update(target.Culture, t => t with { State = TargetState.Failed, Message = message });
        }
    }

    private async Task SaveJobAsync(TranslationJob job, CancellationToken cancellationToken)
    {
        job.HeartbeatAt = Now;
        _jobs.Entry(job).Property(j => j.Targets).IsModified = true;
        await _jobs.SaveChangesAsync(cancellationToken);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [LoggerMessage(Level = LogLevel.Information, Message = "Translation job {JobId} for story {StoryId} started: {Provider} into {Targets}")]
    private partial void LogStarted(Guid jobId, Guid storyId, string provider, string targets);

    [LoggerMessage(Level = LogLevel.Information, Message = "Translation job {JobId} {State}: {Characters} characters in {Calls} calls")]
    private partial void LogFinished(Guid jobId, JobState state, long characters, int calls);

    [LoggerMessage(Level = LogLevel.Error, Message = "Translation job {JobId} stopped on an unexpected error")]
    private partial void LogFailed(Exception exception, Guid jobId);
}
