using System.Net;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Tests.Infrastructure;

namespace ParkGlobalMedia.Tests.Assets;

/// <summary>/healthz probes the configured blob storage for real: healthy on a working S3 store, 503 on a dead one.</summary>
public sealed class StorageHealthTests(S3rverFixture s3) : IClassFixture<S3rverFixture>
{
    private sealed class S3Factory(string serviceUrl) : AppFactory(DatabaseProvider.Sqlite)
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "S3",
            ["Storage:S3:ServiceUrl"] = serviceUrl,
            ["Storage:S3:Bucket"] = S3rverFixture.Bucket,
            ["Storage:S3:AccessKey"] = S3rverFixture.AccessKey,
            ["Storage:S3:SecretKey"] = S3rverFixture.SecretKey,
        };
    }

    [Fact]
    public async Task Health_is_green_on_a_working_s3_store_and_503_when_it_is_unreachable()
    {
        IAsyncLifetime working = new S3Factory(s3.ServiceUrl);
        await working.InitializeAsync();
        try
        {
            var (status, body, _) = await ((AppFactory)working).Api().ReadAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("S3BlobStorage", body!["checks"]!["storage"]!["description"]!.GetValue<string>());
        }
        finally
        {
            await working.DisposeAsync();
        }

        IAsyncLifetime dead = new S3Factory("http://127.0.0.1:9");
        await dead.InitializeAsync();
        try
        {
            var (status, body, _) = await ((AppFactory)dead).Api().ReadAsync("/healthz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("Unhealthy", body!["checks"]!["storage"]!["status"]!.GetValue<string>());
        }
        finally
        {
            await dead.DisposeAsync();
        }
    }
}
