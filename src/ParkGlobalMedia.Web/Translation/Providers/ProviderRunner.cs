using Microsoft.Extensions.Options;

namespace ParkGlobalMedia.Translation.Providers;

public sealed class ProviderRetryOptions
{
    public const string Section = "Translation:Retry";

    /// <summary>Tries per request for throttling and transient failures, the first included.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>First backoff; doubled per attempt, with ±50% jitter so many jobs do not retry in step.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait the runner accepts, from a Retry-After or the backoff; longer means "give up for now".</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);
}

/// <summary>What became of each text of a run.</summary>
/// <param name="Translations">Every translation received, per text and culture; kept whatever failed later.</param>
/// <param name="Failures">Per text id: the provider's message for the texts that got no translation.</param>
/// <param name="CharactersSent">Characters sent (text × target cultures, retries included): what a paid provider bills.</param>
/// <param name="Calls">HTTP calls made, retries included.</param>
/// <param name="Stopped">Set when the run stopped early (quota, configuration): the reason, in the provider's words.</param>
public sealed record ProviderRun(
    IReadOnlyList<ProviderTranslation> Translations,
    IReadOnlyDictionary<string, string> Failures,
    long CharactersSent,
    int Calls,
    TranslationProviderException? Stopped);

/// <summary>
/// Runs a translation through a provider the way the job needs it: packed into the provider's requests, each retried
/// on throttling (waiting as long as the provider's Retry-After says, within <see cref="ProviderRetryOptions.MaxDelay"/>)
/// and transient failures (exponential backoff with jitter), split in halves when the provider says it is too long
/// (a single text too long fails alone), and stopped at the first quota or configuration failure — keeping every
/// translation already received, so nothing translated is lost and nothing is sent twice.
/// </summary>
public sealed class ProviderRunner(IOptions<ProviderRetryOptions> options, ILogger<ProviderRunner> logger, TimeProvider clock)
{
    public async Task<ProviderRun> RunAsync(
        ITranslationProvider provider, string sourceCulture, IReadOnlyList<string> targetCultures, IReadOnlyList<ProviderText> texts,
        IReadOnlyDictionary<string, IReadOnlyList<ProviderTerm>> terms, CancellationToken cancellationToken)
    {
        var state = new RunState();
        var pending = new Queue<ProviderRequest>(ProviderBatches.Plan(sourceCulture, targetCultures, texts, provider.Limits, terms, provider.Measure));
        while (pending.TryDequeue(out var request))
        {
            try
            {
                state.Translations.AddRange(await SendWithRetriesAsync(provider, request, state, cancellationToken));
            }
            catch (TranslationProviderException e) when (e.Kind == ProviderFailureKind.TooLong && request.Texts.Count > 1)
            {
                // Halves go first, in order, so the story's segments stay together.
                var half = request.Texts.Count / 2;
                var rest = pending.ToList();
                pending.Clear();
                pending.Enqueue(request with { Texts = request.Texts.Take(half).ToList() });
                pending.Enqueue(request with { Texts = request.Texts.Skip(half).ToList() });
                foreach (var later in rest)
                {
                    pending.Enqueue(later);
                }
            }
            catch (TranslationProviderException e) when (e.Kind is ProviderFailureKind.Quota or ProviderFailureKind.Configuration)
            {
                Fail(state, request, e);
                foreach (var later in pending)
                {
                    Fail(state, later, e);
                }

                return state.Result(e);
            }
            catch (TranslationProviderException e)
            {
                // Too long alone, a bad reply, a refusal, retries used up: these texts fail, the others go on.
                Fail(state, request, e);
            }
        }

        return state.Result(null);
    }

    private async Task<IReadOnlyList<ProviderTranslation>> SendWithRetriesAsync(
        ITranslationProvider provider, ProviderRequest request, RunState state, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            state.Calls += provider.CallsFor(request);
            state.Characters += ProviderBatches.Characters(request.Texts, request.TargetCultures.Count, provider.Measure);
            try
            {
                return await provider.TranslateAsync(request, cancellationToken);
            }
            catch (TranslationProviderException e) when (e.IsTransient && attempt < options.Value.MaxAttempts)
            {
                var delay = e.RetryAfter ?? Backoff(attempt);
                if (delay > options.Value.MaxDelay)
                {
                    throw;
                }

                logger.LogWarning("{Provider} attempt {Attempt} of {Texts} texts failed ({Kind}); retrying in {Delay} ms. {Message}",
                    provider.Name, attempt, request.Texts.Count, e.Kind, (int)delay.TotalMilliseconds, e.Message);
                await Task.Delay(delay, clock, cancellationToken);
            }
        }
    }

    /// <summary>BaseDelay × 2^(attempt-1), ±50% (full jitter halves the herd without giving up the backoff).</summary>
    private TimeSpan Backoff(int attempt)
    {
        var nominal = options.Value.BaseDelay * Math.Pow(2, attempt - 1);
        return nominal * (0.5 + Random.Shared.NextDouble());
    }

    private static void Fail(RunState state, ProviderRequest request, TranslationProviderException e)
    {
        foreach (var text in request.Texts)
        {
            state.Failures.TryAdd(text.Id, e.Message);
        }
    }

    private sealed class RunState
    {
        public List<ProviderTranslation> Translations { get; } = [];
        public Dictionary<string, string> Failures { get; } = new(StringComparer.Ordinal);
        public long Characters { get; set; }
        public int Calls { get; set; }

        public ProviderRun Result(TranslationProviderException? stopped) => new(Translations, Failures, Characters, Calls, stopped);
    }
}
