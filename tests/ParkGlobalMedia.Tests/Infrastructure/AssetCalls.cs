using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ParkGlobalMedia.Assets.Processing;

namespace ParkGlobalMedia.Tests.Infrastructure;

/// <summary>Asset API helpers: upload bytes, run the background processing, read an asset.</summary>
public static class AssetCalls
{
    public static async Task<(HttpStatusCode Status, JsonNode? Body)> UploadAsync(this HttpClient client, string? enterprise, byte[] bytes, string fileName = "photo.jpg")
    {
        var query = $"?fileName={Uri.EscapeDataString(fileName)}" + (enterprise is null ? "" : $"&enterprise={enterprise}");
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await client.PostAsync($"/api/v1/assets{query}", content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text));
    }

    /// <summary>Uploads and asserts a new asset was created; returns its id.</summary>
    public static async Task<Guid> UploadNewAsync(this HttpClient client, string? enterprise, byte[] bytes, string fileName = "photo.jpg")
    {
        var (status, body) = await client.UploadAsync(enterprise, bytes, fileName);
        Assert.True(status == HttpStatusCode.Created, $"upload failed: {status} {body?.ToJsonString()}");
        return Guid.Parse(body!["id"]!.GetValue<string>());
    }

    /// <summary>Runs the background processing until nothing is waiting, as the hosted worker would.</summary>
    public static Task<int> ProcessAssetsAsync(this AppFactory app) => app.Services.GetRequiredService<AssetProcessor>().ProcessAllAsync();

    public static async Task<JsonNode> AssetAsync(this HttpClient client, Guid id)
    {
        var (status, body, _) = await client.ReadAsync($"/api/v1/assets/{id}");
        Assert.True(status == HttpStatusCode.OK, $"read failed: {status} {body?.ToJsonString()}");
        return body!;
    }

    /// <summary>Patches an asset with the ETag it currently has; asserts success.</summary>
    public static async Task<JsonNode> PatchAssetAsync(this HttpClient client, Guid id, object changes)
    {
        var (_, _, etag) = await client.ReadAsync($"/api/v1/assets/{id}");
        var (status, body, _) = await client.SendAsync(HttpMethod.Patch, $"/api/v1/assets/{id}", changes, ifMatch: etag);
        Assert.True(status == HttpStatusCode.OK, $"patch failed: {status} {body?.ToJsonString()}");
        return body!;
    }

    public static string? Rendition(this JsonNode asset, string name) =>
        asset["renditions"]!.AsArray().FirstOrDefault(r => r!["name"]!.GetValue<string>() == name)?["url"]!.GetValue<string>();
}
