using System.Net;
using System.Text.Json.Nodes;
using ParkGlobalMedia.Admin.Localization;
using ParkGlobalMedia.Tests.Infrastructure;

namespace ParkGlobalMedia.Tests.Platform;

/// <summary>Health, the OpenAPI document, reference data and the admin text tables.</summary>
public sealed class PlatformTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task Health_reports_the_database_and_the_data_folder()
    {
        var (status, body, _) = await app.Api().ReadAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body!["checks"]!["database"]!["status"]!.GetValue<string>());
        Assert.Equal("Healthy", body["checks"]!["storage"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_openapi_document_describes_every_api_route_with_its_schemas()
    {
        var (status, document, _) = await app.Api().ReadAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, status);
        var paths = document!["paths"]!.AsObject();
        foreach (var route in new[]
                 {
                     "/api/v1/stories", "/api/v1/stories/{storyId}", "/api/v1/stories/{storyId}/{culture}",
                     "/api/v1/stories/{storyId}/{culture}/draft", "/api/v1/stories/{storyId}/{culture}/transitions",
                     "/api/v1/stories/{storyId}/{culture}/schedule", "/api/v1/stories/{storyId}/{culture}/versions",
                     "/api/v1/stories/{storyId}/{culture}/versions/{number}", "/api/v1/stories/{storyId}/{culture}/versions/{number}/restore",
                     "/api/v1/stories/{storyId}/{culture}/diff", "/api/v1/stories/{storyId}/{culture}/history",
                     "/api/v1/enterprises", "/api/v1/enterprises/{slug}", "/api/v1/enterprises/{enterprise}/stories/{culture}/{slug}",
                     "/api/v1/cultures", "/api/v1/categories", "/api/v1/campaigns", "/api/v1/campaigns/{key}", "/api/v1/me", "/api/v1/me/tokens",
                 })
        {
            Assert.True(paths.ContainsKey(route), $"missing {route}");
        }

        foreach (var (path, item) in paths)
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                Assert.False(string.IsNullOrEmpty(operation!["summary"]?.GetValue<string>()), $"{method} {path} has no summary");
                Assert.NotNull(operation["operationId"]);
            }
        }

        var schemas = document["components"]!["schemas"]!.AsObject();
        foreach (var schema in new[] { "PublishedStory", "WorkingStory", "StoryPage", "VariantContent", "CreateStoryRequest", "TransitionRequest", "VersionDiff", "EnterpriseView" })
        {
            Assert.True(schemas.ContainsKey(schema), $"missing schema {schema}");
        }

        var created = paths["/api/v1/stories"]!["post"]!["responses"]!.AsObject();
        Assert.True(created.ContainsKey("201"));
        foreach (var documented in new[] { "400", "401", "403", "404", "409", "412", "428" })
        {
            Assert.True(created.ContainsKey(documented), $"POST /api/v1/stories does not document {documented}");
        }

        Assert.Contains("content:write", paths["/api/v1/stories"]!["post"]!["security"]!.ToJsonString());
        Assert.Null(paths["/api/v1/stories"]!["get"]!["security"]);
        Assert.Contains(paths["/api/v1/stories"]!["get"]!["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "enterprise");
        Assert.NotNull(schemas["ProblemDetails"]);
        Assert.NotNull(document["components"]!["securitySchemes"]!["bearer"]);
    }

    [Fact]
    public async Task Cultures_carry_their_writing_direction()
    {
        var (_, cultures, _) = await app.Api().ReadAsync("/api/v1/cultures");
        var byCode = cultures!.AsArray().ToDictionary(c => c!["code"]!.GetValue<string>(), c => c!["direction"]!.GetValue<string>());
        Assert.Equal("rtl", byCode["ar"]);
        Assert.Equal("ltr", byCode["zh-CN"]);
    }

    [Fact]
    public void Every_admin_text_exists_in_chinese_and_english()
    {
        var english = AdminText.Keys(AdminText.English).ToHashSet();
        var chinese = AdminText.Keys(AdminText.Chinese).ToHashSet();
        Assert.Empty(english.Except(chinese));
        Assert.Empty(chinese.Except(english));
    }

    [Fact]
    public void Every_text_key_a_page_uses_is_defined()
    {
        var root = FindRepositoryRoot();
        var keys = AdminText.Keys(AdminText.English).ToHashSet();
        var used = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cshtml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cshtml.cs", SearchOption.AllDirectories))
            .SelectMany(file => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(file), "T(?:\\.Format\\(|\\[)\"([a-zA-Z]+\\.[a-zA-Z]+)\"")
                .Select(m => (File: Path.GetFileName(file), Key: m.Groups[1].Value)))
            .ToList();
        Assert.NotEmpty(used);
        var missing = used.Where(u => !keys.Contains(u.Key)).Select(u => $"{u.File}: {u.Key}").ToList();
        Assert.True(missing.Count == 0, string.Join(", ", missing));
    }

    private static string FindRepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ParkGlobalMedia.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
