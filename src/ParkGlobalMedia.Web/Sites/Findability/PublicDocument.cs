using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Metadata;
using ParkGlobalMedia.Platform.Http;

namespace ParkGlobalMedia.Sites.Findability;

/// <summary>
/// A machine-readable document of the public sites (robots.txt, sitemap, feed): 200 with an ETag (hash of the bytes)
/// or 304 when If-None-Match already names it. Crawlers and feed readers poll these often; five minutes of shared
/// caching keeps them off the database, and the hash makes their revalidations cheap.
/// </summary>
public sealed class PublicDocument(byte[] bytes, string contentType) : IResult, IEndpointMetadataProvider
{
    public const string CacheControl = "public, max-age=300";

    public byte[] Bytes => bytes;
    public string ContentType => contentType;
    public string ETag { get; } = $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 12))}\"";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.Headers.ETag = ETag;
        response.Headers.CacheControl = CacheControl;
        if (JsonBody.IfNoneMatchMatches(httpContext.Request.Headers.IfNoneMatch.ToString(), ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(byte[]), ["application/xml", "application/atom+xml", "text/plain"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified, typeof(void)));
    }
}
