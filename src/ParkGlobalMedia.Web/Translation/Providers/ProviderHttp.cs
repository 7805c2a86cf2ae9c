namespace ParkGlobalMedia.Translation.Providers;

/// <summary>What the HTTP providers share: addressing under a configured endpoint, a per-call timeout, unreachable = transient.</summary>
internal static class ProviderHttp
{
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
