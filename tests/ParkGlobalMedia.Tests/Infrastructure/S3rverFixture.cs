using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ParkGlobalMedia.Tests.Infrastructure;

/// <summary>
/// s3rver (an S3-compatible server from npm, installed by scripts/install-test-deps.sh) on a free loopback port with
/// a fresh folder and bucket, started for the tests and stopped after them.
/// </summary>
public sealed class S3rverFixture : IAsyncLifetime
{
    public const string Bucket = "pgm-test";
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";

    private Process? _process;
    private string _folder = "";

    public string ServiceUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var binary = Environment.GetEnvironmentVariable("PGM_S3RVER") ?? Path.Combine(RepositoryRoot(), ".tools", "s3rver", "node_modules", ".bin", "s3rver");
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException($"s3rver not found at {binary}. Run scripts/install-test-deps.sh (or set PGM_S3RVER).");
        }

        _folder = Path.Combine(Path.GetTempPath(), "pgm-s3rver", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        var port = FreePort();
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-d", _folder, "-a", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--configure-bucket", Bucket, "--silent" })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start)!;
        ServiceUrl = $"http://127.0.0.1:{port}";
        using var client = new HttpClient();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"s3rver exited: {await _process.StandardError.ReadToEndAsync()}");
            }

            try
            {
                using var response = await client.GetAsync(ServiceUrl);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException("s3rver did not start listening within 10 seconds.");
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // best effort: the temp folder is cleaned by the OS
        }

        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ParkGlobalMedia.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
