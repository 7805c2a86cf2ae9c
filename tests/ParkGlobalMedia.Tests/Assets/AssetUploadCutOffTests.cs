using System.Net;
using System.Net.Sockets;
using System.Text;
using ParkGlobalMedia.Tests.Infrastructure;

namespace ParkGlobalMedia.Tests.Assets;

/// <summary>An upload whose connection drops half-way, on a real socket: nothing is kept, and the server stays healthy.</summary>
public sealed class AssetUploadCutOffTests(KestrelAppFactory app) : IClassFixture<KestrelAppFactory>, IDisposable
{
    private readonly TestMedia _media = new();

    public void Dispose() => _media.Dispose();

    [Fact]
    public async Task An_upload_cut_off_mid_stream_leaves_no_asset_no_stored_file_and_a_healthy_server()
    {
        var photo = _media.Image(1200, 900);
        var originals = Path.Combine(app.Database.Folder, "blobs", "originals");
        var before = Directory.Exists(originals) ? Directory.GetFiles(originals).Length : 0;

        using (var socket = new TcpClient())
        {
            await socket.ConnectAsync(app.BaseAddress.Host, app.BaseAddress.Port);
            var stream = socket.GetStream();
            var head = $"POST /api/v1/assets?enterprise={app.Seed.EnterpriseA}&fileName=cut.jpg HTTP/1.1\r\nHost: {app.BaseAddress.Authority}\r\n" +
                       $"Authorization: Bearer {app.Seed.EditorA.Token}\r\nContent-Type: application/octet-stream\r\nContent-Length: {photo.Length}\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(photo.AsMemory(0, photo.Length / 3));
            await stream.FlushAsync();
            socket.Client.Shutdown(SocketShutdown.Both); // the train entered a tunnel
        }

        var client = app.Api(app.Seed.EditorA.Token);
        var (health, _, _) = await client.ReadAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health);
        var (_, page, _) = await client.ReadAsync($"/api/v1/assets?enterprise={app.Seed.EnterpriseA}&q=cut.jpg");
        Assert.Equal(0, page!["total"]!.GetValue<int>());
        Assert.Equal(before, Directory.Exists(originals) ? Directory.GetFiles(originals).Length : 0);

        // The same file sent whole afterwards is a new asset, not a half of one.
        var id = await client.UploadNewAsync(app.Seed.EnterpriseA, photo, "cut.jpg");
        Assert.Equal(photo.Length, (await client.AssetAsync(id))["length"]!.GetValue<long>());
    }
}
