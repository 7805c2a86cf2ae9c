using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace ParkGlobalMedia.Tests.Infrastructure.Fakes;

/// <summary>
/// One request as a fake received it. Recorded before the fake answers, and the status is filled in before the
/// response headers leave, so a test that has its response in hand always finds the request here.
/// </summary>
public sealed class RecordedRequest
{
    private readonly Dictionary<string, StringValues> _query;

    internal RecordedRequest(string method, string path, string query, IReadOnlyDictionary<string, string> headers, string body, long bodyBytes)
    {
        Method = method;
        Path = path;
        Query = query;
        Headers = headers;
        Body = body;
        BodyBytes = bodyBytes;
        _query = QueryHelpers.ParseQuery(query);
    }

    public string Method { get; }

    public string Path { get; }

    /// <summary>The raw query string, with its leading "?" (or "").</summary>
    public string Query { get; }

    /// <summary>Request headers, names case-insensitive, repeated headers joined with ", ".</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The body decoded as UTF-8.</summary>
    public string Body { get; }

    public long BodyBytes { get; }

    /// <summary>The status the fake answered with; 0 while it has not answered, or when it hung up or never answered.</summary>
    public int StatusCode { get; internal set; }

    /// <summary>
    /// Characters the request carried as the provider counts them (Azure: code points × number of targets; DeepL: code
    /// points of the texts, markup left out with <c>tag_handling</c>), whatever the outcome; 0 for other endpoints.
    /// </summary>
    public long Characters { get; internal set; }

    internal bool HungUp { get; set; }

    /// <summary>Every value of a query parameter (<c>to</c> repeats), in order.</summary>
    public IReadOnlyList<string> QueryValues(string name) =>
        _query.TryGetValue(name, out var values) ? [.. values.OfType<string>()] : [];

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public override string ToString() => $"{Method} {Path}{Query} → {StatusCode}";
}
