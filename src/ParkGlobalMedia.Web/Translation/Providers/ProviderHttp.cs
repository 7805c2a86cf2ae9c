namespace ParkGlobalMedia.Translation.Providers;

/// <summary>What every HTTP provider is configured with.</summary>
public abstract class HttpProviderOptions
{
    /// <summary>The service's endpoint, or a test's loopback fake.</summary>
    public abstract Uri Endpoint { get; set; }

    /// <summary>The key. Give it through the environment; it is never logged.</summary>
    public string? Key { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>What the HTTP providers share: addressing under a configured endpoint, a per-call timeout, unreachable = transient.</summary>
internal static class ProviderHttp
{
    /// <summary>Retry-After as seconds or as an HTTP date.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            _ => null,
        };

    /// <summary>A path under the endpoint, whether or not the endpoint was configured with a trailing slash or a base path.</summary>
    public static Uri Under(Uri endpoint, string relative) =>
        new(endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/"), relative);

    /// <summary>
    /// Sends within <paramref name="timeout"/>. No answer, a refused or dropped connection, or the timeout is a
    /// <see cref="ProviderFailureKind.Transient"/> failure; the caller's own cancellation stays a cancellation.
    /// </summary>
    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient http, HttpRequestMessage message, TimeSpan timeout, string provider, string? traceId, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            return await http.SendAsync(message, timer.Token);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new TranslationProviderException(provider, ProviderFailureKind.Transient,
                e is TaskCanceledException ? $"No answer within {timeout.TotalSeconds:0.#} s." : $"The service could not be reached: {e.Message}", null, traceId, e);
        }
    }
}
