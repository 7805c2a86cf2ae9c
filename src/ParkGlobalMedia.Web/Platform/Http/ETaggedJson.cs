using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace ParkGlobalMedia.Platform.Http;

/// <summary>A JSON body already serialized, with its entity tag: what is written, and what the response cache keeps.</summary>
public sealed record JsonBody(byte[] Bytes, string ETag, bool IsPublic)
{
    /// <summary>200 with the bytes, or 304 when the client's If-None-Match already names the tag.</summary>
    public async Task WriteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.Headers.ETag = ETag;
        // Public reads may be cached by proxies but must be revalidated so a publish shows at once;
        // anything computed for a signed-in caller stays out of shared caches.
        response.Headers.CacheControl = IsPublic ? "public, no-cache" : "private, no-cache";
        response.Headers.Vary = "Authorization";

        if (IfNoneMatchMatches(httpContext.Request.Headers.IfNoneMatch.ToString(), ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = Bytes.Length;
        await response.Body.WriteAsync(Bytes, httpContext.RequestAborted);
    }

    /// <summary>Whether If-None-Match names <paramref name="tag"/> (or *): shared with the other public documents (sitemaps, feeds).</summary>
    internal static bool IfNoneMatchMatches(string header, string tag) =>
        !string.IsNullOrEmpty(header) &&
        header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(candidate => candidate == "*" || candidate == tag || candidate == "W/" + tag);
}

/// <summary>Results that can hand over their serialized body (the public response cache stores those).</summary>
public interface ISerializableResult
{
    JsonBody Serialize(HttpContext httpContext);
}

/// <summary>
/// A JSON 200 with an ETag, or 304 when the client's If-None-Match already names it. The tag is either given (a
/// revision, cheap and also usable in If-Match) or the hash of the body (for composed views with no single revision).
/// </summary>
public sealed class ETaggedJson<T>(T value, string? etag, bool isPublic) : IResult, ISerializableResult, IEndpointMetadataProvider
{
    public T Value => value;

    public JsonBody Serialize(HttpContext httpContext)
    {
        var options = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var body = JsonSerializer.SerializeToUtf8Bytes(value, options);
        return new JsonBody(body, etag ?? $"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 12))}\"", isPublic);
    }

    public Task ExecuteAsync(HttpContext httpContext) => Serialize(httpContext).WriteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified, typeof(void)));
    }
}

public static class ETagged
{
    public static ETaggedJson<T> Json<T>(T value, string? etag = null, bool isPublic = true) => new(value, etag, isPublic);
}
