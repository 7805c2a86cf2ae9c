using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ParkGlobalMedia.Tests.Infrastructure.Fakes;

/// <summary>
/// A provider fake: a minimal-API app on Kestrel at 127.0.0.1 on a free port, so the adapter under test talks real
/// HTTP through its own HttpClient. Use it as an xUnit fixture (<c>IClassFixture&lt;T&gt;</c>, then <see cref="Reset"/>
/// per test) or per test with <c>await using var fake = await T.StartAsync();</c>. In-process control for tests:
/// <see cref="FailNext"/> queues failures, <see cref="Requests"/> lists what arrived, <see cref="Reset"/> starts over.
/// The benchmarks compile this folder's fakes too (not its tests), so nothing here may use xUnit: the fixture
/// interface is in <c>LoopbackFake.Xunit.cs</c>, which only the test project compiles.
/// </summary>
public abstract partial class LoopbackFake : IAsyncDisposable
{
    /// <summary>Wire bodies are written as the services write them: UTF-8 text, not \u escapes, nulls left out.</summary>
    private static readonly JsonSerializerOptions WireJson = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly object RecordKey = new();
    private static readonly object BodyKey = new();

    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Queue<FakeFailure> _failures = new();
    private CancellationTokenSource _hangs = new();
    private WebApplication? _app;
    private Uri? _baseAddress;

    /// <summary>Where the fake listens, e.g. <c>http://127.0.0.1:41234/</c>; the adapter's configurable endpoint.</summary>
    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException($"{GetType().Name} is not started.");

    /// <summary>Every request received since the start or the last <see cref="Reset"/>, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Queued failures not yet taken by a request.</summary>
    public int PendingFailures
    {
        get
        {
            lock (_gate)
            {
                return _failures.Count;
            }
        }
    }

    /// <summary>The next <paramref name="times"/> valid translate requests get <paramref name="failure"/> (after those already queued).</summary>
    public void FailNext(FakeFailure failure, int times = 1)
    {
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _failures.Enqueue(failure);
            }
        }
    }

    /// <summary>As freshly started: no recorded requests, no queued failures, hanging requests cut off, provider state cleared.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _requests.Clear();
            _failures.Clear();
        }

        Interlocked.Exchange(ref _hangs, new CancellationTokenSource()).Cancel();
        ResetState();
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    public async Task InitializeAsync()
    {
        // The empty builder reads no appsettings and logs nothing: nothing of the app under test leaks into the fake.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        _app = builder.Build();
        _app.Use(RecordAsync);
        Map(_app);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        _baseAddress = new Uri(address.TrimEnd('/') + "/");
    }

    public async ValueTask DisposeAsync()
    {
        await _hangs.CancelAsync();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    protected static async Task<T> StartAsync<T>(T fake)
        where T : LoopbackFake
    {
        await fake.InitializeAsync();
        return fake;
    }

    /// <summary>The provider's routes. Handlers write status, headers and body themselves: the exact wire reply is the point of a fake.</summary>
    protected abstract void Map(IEndpointRouteBuilder endpoints);

    /// <summary>Writes the provider's error body for <paramref name="status"/>.</summary>
    protected abstract Task WriteErrorAsync(HttpContext context, int status, int? code, string message);

    protected virtual void ResetState()
    {
    }

    protected static RecordedRequest Recorded(HttpContext context) => (RecordedRequest)context.Items[RecordKey]!;

    protected static byte[] Body(HttpContext context) => (byte[])context.Items[BodyKey]!;

    protected FakeFailure? TakeFailure()
    {
        lock (_gate)
        {
            return _failures.TryDequeue(out var failure) ? failure : null;
        }
    }

    /// <summary>Carries out a failure that replaces or delays the answer; true when the request needs nothing more.</summary>
    protected async Task<bool> ApplyAsync(HttpContext context, FakeFailure? failure)
    {
        switch (failure)
        {
            case FakeFailure.ErrorReply error:
                if (error.RetryAfter is { } retryAfter)
                {
                    context.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                }

                await WriteErrorAsync(context, error.Status, error.Code, error.Message);
                return true;
            case FakeFailure.SlowReply slow:
                try
                {
                    await Task.Delay(slow.Delay, context.RequestAborted);
                    return false;
                }
                catch (OperationCanceledException)
                {
                    return true;
                }

            case FakeFailure.HeldReply held:
                // Tells the test the request is here, then answers normally once the test lets it go.
                held.Arrived.TrySetResult();
                try
                {
                    await held.Release.WaitAsync(context.RequestAborted);
                    return false;
                }
                catch (OperationCanceledException)
                {
                    return true;
                }

            case FakeFailure.NoReply:
                using (var released = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _hangs.Token))
                {
                    try
                    {
                        await Task.Delay(Timeout.Infinite, released.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        // the client gave up, or the fake was reset or stopped
                    }
                }

                HangUp(context);
                return true;
            case FakeFailure.DroppedConnection:
                HangUp(context);
                return true;
            default:
                return false;
        }
    }

    protected static async Task WriteJsonAsync(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(JsonSerializer.Serialize(body, body.GetType(), WireJson));
    }

    /// <summary>Kestrel still runs OnStarting for an aborted request, so the record remembers that nothing was answered.</summary>
    private static void HangUp(HttpContext context)
    {
        Recorded(context).HungUp = true;
        context.Abort();
    }

    private async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var headers = context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var record = new RecordedRequest(context.Request.Method, context.Request.Path, context.Request.QueryString.Value ?? "", headers, Encoding.UTF8.GetString(body), body.Length);
        lock (_gate)
        {
            _requests.Add(record);
        }

        context.Items[RecordKey] = record;
        context.Items[BodyKey] = body;
        context.Response.OnStarting(() =>
        {
            record.StatusCode = record.HungUp ? 0 : context.Response.StatusCode;
            return Task.CompletedTask;
        });
        await next(context);
    }
}
