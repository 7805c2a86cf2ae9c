using System.Net;
using ParkGlobalMedia.Tests.Infrastructure;

namespace ParkGlobalMedia.Tests.Content;

/// <summary>Member enterprises and their site settings through the API.</summary>
public abstract class EnterpriseApiTests(AppFactory app)
{
    private static object Input(string slug, string[]? cultures = null, string defaultCulture = "en", object? fallbackChain = null, string? customHost = null) => new
    {
        slug,
        names = new Dictionary<string, string> { ["zh-CN"] = "新材料公司", ["en"] = "New Materials Co." },
        park = new Dictionary<string, string> { ["en"] = "Xiangtan High-tech Zone" },
        cultures = cultures ?? ["zh-CN", "en", "es"],
        defaultCulture,
        fallbackChain = fallbackChain ?? new Dictionary<string, string[]> { ["es-MX"] = ["es", "en"] },
        theme = "default",
        customHost,
    };

    [Fact]
    public async Task An_admin_adds_an_enterprise_and_a_curator_updates_it_with_if_match()
    {
        var slug = $"firm-{Guid.NewGuid():N}"[..20];
        var (created, body, _) = await app.Api(app.Seed.Admin.Token).SendAsync(HttpMethod.Post, "/api/v1/enterprises", Input(slug));
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal(["es", "en"], body!["fallbackChain"]!["es-MX"]!.AsArray().Select(c => c!.GetValue<string>()).ToArray());

        var (_, current, etag) = await app.Api().ReadAsync($"/api/v1/enterprises/{slug}");
        var (updated, after, _) = await app.Api(app.Seed.Admin.Token).SendAsync(HttpMethod.Put, $"/api/v1/enterprises/{slug}",
            Input(slug, customHost: $"{slug}.example.com"), ifMatch: etag);
        Assert.Equal(HttpStatusCode.OK, updated);
        Assert.Equal($"{slug}.example.com", after!["customHost"]!.GetValue<string>());

        var (stale, problem, _) = await app.Api(app.Seed.Admin.Token).SendAsync(HttpMethod.Put, $"/api/v1/enterprises/{slug}", Input(slug), ifMatch: etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale);
        Assert.Contains("changed since you read it", problem.Detail());
        Assert.NotNull(current);
    }

    [Theory]
    [InlineData("admin", "reserved")]
    [InlineData("Bad Slug", "lowercase")]
    [InlineData("en", "reserved")]
    public async Task Bad_enterprise_slugs_are_refused(string slug, string message)
    {
        var (status, problem, _) = await app.Api(app.Seed.Admin.Token).SendAsync(HttpMethod.Post, "/api/v1/enterprises", Input(slug));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, problem.Detail());
    }

    [Fact]
    public async Task Site_settings_are_validated_as_a_whole()
    {
        var (status, problem, _) = await app.Api(app.Seed.Admin.Token).SendAsync(HttpMethod.Post, "/api/v1/enterprises",
            Input("valid-but-bad-settings", cultures: ["zh-CN", "xx-XX"], defaultCulture: "fr", fallbackChain: new Dictionary<string, string[]> { ["es"] = ["es"] }, customHost: "not a host"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = problem!["errors"]!.AsObject();
        foreach (var field in new[] { "cultures", "defaultCulture", "fallbackChain", "customHost" })
        {
            Assert.True(errors.ContainsKey(field), $"no error for {field}: {problem.Json()}");
        }
    }

    [Fact]
    public async Task Editors_cannot_manage_enterprises()
    {
        var (status, _, _) = await app.Api(app.Seed.EditorA.Token).SendAsync(HttpMethod.Post, "/api/v1/enterprises", Input("editor-made"));
        Assert.Equal(HttpStatusCode.Forbidden, status);
        var (anonymous, _, _) = await app.Api().SendAsync(HttpMethod.Post, "/api/v1/enterprises", Input("anon-made"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous);
    }
}

public sealed class EnterpriseApiOnSqlite(SqliteAppFactory app) : EnterpriseApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class EnterpriseApiOnPostgres(PostgresAppFactory app) : EnterpriseApiTests(app), IClassFixture<PostgresAppFactory>;
