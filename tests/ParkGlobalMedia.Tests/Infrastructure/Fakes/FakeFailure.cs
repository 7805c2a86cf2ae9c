namespace ParkGlobalMedia.Tests.Infrastructure.Fakes;

/// <summary>
/// Something a fake does instead of (or to) its normal answer, queued with <see cref="LoopbackFake.FailNext"/> and
/// taken by the next translate requests that pass authentication and validation (so a queued failure never hides a
/// 400 the adapter should get, and is never spent on glossary or usage calls).
/// </summary>
public abstract record FakeFailure
{
    private FakeFailure()
    {
    }

    /// <summary>Reply with this status and the provider's error body (Azure: <c>{"error":{"code":…}}</c>; DeepL: <c>{"message":…}</c>).</summary>
    public static FakeFailure Error(int status, int? code = null, TimeSpan? retryAfter = null, string? message = null) =>
        new ErrorReply(status, code, retryAfter, message ?? $"Fake failure {code ?? status}.");

    /// <summary>Wait this long, then answer normally (or not at all if the client gave up meanwhile).</summary>
    public static FakeFailure Slow(TimeSpan delay) => new SlowReply(delay);

    /// <summary>Never answer: the request stays open until the client gives up, or the fake is reset or stopped.</summary>
    public static FakeFailure Hang() => new NoReply();

    /// <summary>Holds the request until the test releases it: "while the provider is working, …" without timing.</summary>
    public static HeldReply Hold(Task release) => new(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), release);

    /// <summary>Close the connection without a response (a provider that is down or a proxy that dropped it).</summary>
    public static FakeFailure Disconnect() => new DroppedConnection();

    /// <summary>Answer 200 with the last <paramref name="missing"/> items left out.</summary>
    public static FakeFailure FewerItems(int missing = 1) => new MissingItems(missing);

    /// <summary>Answer 200 with every translated text's markup broken (<see cref="FakeTranslation.Break"/>).</summary>
    public static FakeFailure BrokenMarkup() => new BrokenTags();

    public sealed record ErrorReply(int Status, int? Code, TimeSpan? RetryAfter, string Message) : FakeFailure;

    public sealed record SlowReply(TimeSpan Delay) : FakeFailure;

    /// <summary>Answers normally once <paramref name="Release"/> completes; <paramref name="Arrived"/> completes when the request is in.</summary>
    public sealed record HeldReply(TaskCompletionSource Arrived, Task Release) : FakeFailure;

    public sealed record NoReply : FakeFailure;

    public sealed record DroppedConnection : FakeFailure;

    public sealed record MissingItems(int Missing) : FakeFailure;

    public sealed record BrokenTags : FakeFailure;
}
