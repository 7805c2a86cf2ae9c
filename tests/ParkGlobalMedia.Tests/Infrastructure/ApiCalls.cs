using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ParkGlobalMedia.Tests.Infrastructure;

/// <summary>Small helpers that keep API tests about behaviour rather than HTTP plumbing.</summary>
public static class ApiCalls
{
    public static async Task<(HttpStatusCode Status, JsonNode? Body, string? ETag)> SendAsync(
        this HttpClient client, HttpMethod method, string url, object? body = null, string? ifMatch = null, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = body is string raw
                ? new StringContent(raw, System.Text.Encoding.UTF8, "application/json")
                : JsonContent.Create(body);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var node = string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        return (response.StatusCode, node, response.Headers.ETag?.ToString());
    }

    public static Task<(HttpStatusCode Status, JsonNode? Body, string? ETag)> ReadAsync(this HttpClient client, string url, string? ifNoneMatch = null) =>
        client.SendAsync(HttpMethod.Get, url, ifNoneMatch: ifNoneMatch);

    public static object Content(string title, string body = "正文第一段。\n\n## 小标题\n\n第二段。", string? slug = null, string? summary = null) =>
        new { title, slug, summary, body };

    /// <summary>Creates a zh-CN draft story for <paramref name="enterprise"/> and returns its id and working ETag.</summary>
    public static async Task<(Guid Id, string ETag)> CreateStoryAsync(this HttpClient client, string enterprise, string title, string? slug = null, string category = "human-stories", string[]? tags = null)
    {
        var (status, body, etag) = await client.SendAsync(HttpMethod.Post, "/api/v1/stories", new
        {
            enterprise,
            sourceCulture = "zh-CN",
            category,
            tags = tags ?? ["people"],
            content = Content(title, slug: slug),
        });
        Assert.True(status == HttpStatusCode.Created, $"create failed: {status} {body}");
        return (Guid.Parse(body!["storyId"]!.GetValue<string>()), etag!);
    }

    /// <summary>Runs a workflow action and returns the new ETag; asserts it succeeded.</summary>
    public static async Task<string> TransitionAsync(this HttpClient client, Guid storyId, string culture, string action, string etag, string? comment = null)
    {
        var (status, body, newETag) = await client.SendAsync(HttpMethod.Post, $"/api/v1/stories/{storyId}/{culture}/transitions",
            new { action, comment }, ifMatch: etag);
        Assert.True(status == HttpStatusCode.OK, $"{action} failed: {status} {body}");
        return newETag!;
    }

    public static async Task<string> WorkingETagAsync(this HttpClient client, Guid storyId, string culture)
    {
        var (status, body, etag) = await client.ReadAsync($"/api/v1/stories/{storyId}/{culture}/draft");
        Assert.True(status == HttpStatusCode.OK, $"draft read failed: {status} {body}");
        return etag!;
    }

    public static string Detail(this JsonNode? problem) => problem?["detail"]?.GetValue<string>() ?? "";

    public static string Json(this JsonNode? node) => node?.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) ?? "";
}
