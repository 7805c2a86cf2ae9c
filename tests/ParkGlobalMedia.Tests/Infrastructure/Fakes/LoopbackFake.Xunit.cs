namespace ParkGlobalMedia.Tests.Infrastructure.Fakes;

/// <summary>
/// The xUnit side of a fake, so a test class can take it as a fixture (<c>IClassFixture&lt;T&gt;</c>): xUnit calls
/// <see cref="LoopbackFake.InitializeAsync"/> before the first test and disposes it after the last. Kept apart
/// because the benchmarks compile the fakes without xUnit (bench/ParkGlobalMedia.Benchmarks links them).
/// </summary>
public abstract partial class LoopbackFake : IAsyncLifetime
{
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
