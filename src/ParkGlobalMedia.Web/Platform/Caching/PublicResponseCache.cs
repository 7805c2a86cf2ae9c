using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using ParkGlobalMedia.Platform.Http;

namespace ParkGlobalMedia.Platform.Caching;

/// <summary>
/// Serialized bodies of anonymous API reads, per instance, each stamped with the content generation it was computed
/// at. An entry from an older generation is never served: freshness comes from <see cref="ContentGeneration"/>,
/// the cache only saves the queries, the Markdown rendering and the serialization.
/// </summary>
public sealed class PublicResponseCache(IOptions<PublicCacheOptions> options) : IDisposable
{
    private const int MaxKeyLength = 512;
    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = options.Value.SizeLimitBytes });
    private long _hits;
    private long _misses;

    private sealed record Entry(long Generation, JsonBody Body, string? ContentLanguage);

    public long Hits => Interlocked.Read(ref _hits);
    public long Misses => Interlocked.Read(ref _misses);

    internal async ValueTask<object?> ServeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Path.Value + http.Request.QueryString.Value;
        // Only anonymous GETs: anything with a token may see drafts and must never share a cache entry.
        if (!options.Value.Enabled || !HttpMethods.IsGet(http.Request.Method) || http.Request.Headers.Authorization.Count > 0 || key.Length > MaxKeyLength)
        {
            return await next(context);
        }

        var generation = await http.RequestServices.GetRequiredService<ContentGeneration>().CurrentAsync(http.RequestAborted);
        if (_entries.TryGetValue(key, out Entry? cached) && cached!.Generation == generation)
        {
            Interlocked.Increment(ref _hits);
            if (cached.ContentLanguage is { } language)
            {
                http.Response.Headers.ContentLanguage = language;
            }

            return new CachedJson(cached.Body);
        }

        Interlocked.Increment(ref _misses);
        var result = await next(context);
        var inner = result is INestedHttpResult nested ? nested.Result : result;
        if (inner is not ISerializableResult serializable)
        {
            return result; // errors (ProblemDetails) are not cached
        }

        var body = serializable.Serialize(http);
        if (body.IsPublic)
        {
            var contentLanguage = http.Response.Headers.ContentLanguage.ToString();
            _entries.Set(key, new Entry(generation, body, contentLanguage.Length > 0 ? contentLanguage : null),
                new MemoryCacheEntryOptions { Size = body.Bytes.Length + key.Length, SlidingExpiration = TimeSpan.FromMinutes(10) });
        }

        return new CachedJson(body);
    }

    public void Dispose() => _entries.Dispose();

    private sealed class CachedJson(JsonBody body) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => body.WriteAsync(httpContext);
    }
}

public static class PublicResponseCacheExtensions
{
    /// <summary>Serves this GET route to anonymous readers from the generation-checked response cache.</summary>
    public static RouteHandlerBuilder CacheForAnonymousReaders(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter((context, next) => context.HttpContext.RequestServices.GetRequiredService<PublicResponseCache>().ServeAsync(context, next));
}
