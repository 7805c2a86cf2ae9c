using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ParkGlobalMedia.Content.Stories;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform.Http;

namespace ParkGlobalMedia.Benchmarks;

/// <summary>
/// The app in this process on the in-memory TestServer, and the operations measured against it:
/// <list type="bullet">
/// <item>service level — a DI scope per call (as a request has), <see cref="StoryQueries"/>, then the JSON and the
/// ETag hash through <c>ETaggedJson</c> itself;</item>
/// <item>HTTP level — a GET through the whole ASP.NET Core pipeline, without sockets;</item>
/// <item>baselines — serialising the same, precomputed response object (service level) and
/// <c>GET /_bench/static.json</c> (HTTP level).</item>
/// </list>
/// </summary>
public sealed class InProcessApp : IAsyncDisposable
{
    private int _next;

    private InProcessApp(BenchHost host, HttpClient client, JsonSerializerOptions json, IReadOnlyList<(Guid StoryId, string Culture)> targets,
        StoryPage listPage, PublishedStory story)
    {
        Host = host;
        Client = client;
        Json = json;
        Targets = targets;
        ListPage = listPage;
        Story = story;
    }

    /// <summary>Set by <c>inproc</c> before BenchmarkDotNet runs (the in-process toolchain shares this static).</summary>
    public static InProcessApp? Current { get; set; }

    public BenchHost Host { get; }
    public HttpClient Client { get; }
    public JsonSerializerOptions Json { get; }
    public IReadOnlyList<(Guid StoryId, string Culture)> Targets { get; }
    public StoryPage ListPage { get; }
    public PublishedStory Story { get; }

    public static async Task<InProcessApp> OpenAsync(string databasePath)
    {
        var host = new BenchHost(databasePath);
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var json = host.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var targets = await BenchData.ReadTargetsAsync(host.Services);

        await using var scope = host.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<StoryQueries>();
        var page = (await queries.ListAsync(CallerContext.Anonymous, BenchData.ListQuery)).Value
                   ?? throw new InvalidOperationException("The list query failed: is the database seeded?");
        var story = (await queries.GetPublishedAsync(targets[0].StoryId, targets[0].Culture, fallback: true)).Value
                    ?? throw new InvalidOperationException("The single read failed: is the database seeded?");
        host.Payload.Bytes = JsonSerializer.SerializeToUtf8Bytes(page, json);
        return new InProcessApp(host, client, json, targets, page, story);
    }

    public byte[] StaticBytes => Host.Payload.Bytes!;

    // ---- baselines: serialise a precomputed response of the same shape and size --------------------------------

    public byte[] SerializeList() => JsonSerializer.SerializeToUtf8Bytes(ListPage, Json);

    public byte[] SerializeStory() => JsonSerializer.SerializeToUtf8Bytes(Story, Json);

    // ---- service level --------------------------------------------------------------------------------------

    public async Task<byte[]> ListServiceAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var page = await scope.ServiceProvider.GetRequiredService<StoryQueries>().ListAsync(CallerContext.Anonymous, BenchData.ListQuery);
        return Respond(page.Value ?? throw new InvalidOperationException(page.Failure!.Detail));
    }

    public async Task<byte[]> SingleServiceAsync()
    {
        var (storyId, culture) = NextTarget();
        await using var scope = Host.Services.CreateAsyncScope();
        var story = await scope.ServiceProvider.GetRequiredService<StoryQueries>().GetPublishedAsync(storyId, culture, fallback: true);
        return Respond(story.Value ?? throw new InvalidOperationException(story.Failure!.Detail));
    }

    // ---- HTTP level (TestServer: the full pipeline, no sockets) --------------------------------------------------

    public Task<byte[]> StaticHttpAsync() => Client.GetByteArrayAsync(BenchHost.StaticPath);

    public Task<byte[]> ListHttpAsync() => Client.GetByteArrayAsync(BenchData.ListPath);

    public Task<byte[]> SingleHttpAsync()
    {
        var (storyId, culture) = NextTarget();
        return Client.GetByteArrayAsync(BenchData.ReadPath(storyId, culture));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }

    private (Guid StoryId, string Culture) NextTarget() => Targets[(int)((uint)Interlocked.Increment(ref _next) % (uint)Targets.Count)];

    /// <summary>What the endpoint does before writing: <c>ETaggedJson</c> serializes and computes the ETag.</summary>
    private byte[] Respond<T>(T value) =>
        ETagged.Json(value).Serialize(new DefaultHttpContext { RequestServices = Host.Services }).Bytes;
}
