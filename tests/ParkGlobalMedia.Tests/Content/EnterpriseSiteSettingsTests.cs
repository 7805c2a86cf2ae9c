using System.Net;
using System.Text.Json.Nodes;
using ParkGlobalMedia.Tests.Infrastructure;

namespace ParkGlobalMedia.Tests.Content;

/// <summary>An enterprise's social links and theme through the API: what is kept, what is refused and why.</summary>
public abstract class EnterpriseSiteSettingsTests(AppFactory app)
{
    private static readonly object[] ThreeLinks =
    [
        new { network = "linkedin", url = "https://www.linkedin.com/company/example-materials" },
        new { network = "wechat", url = "https://mp.weixin.qq.com/s/example" },
        new { network = "website", url = "http://www.example.com/" },
    ];

    private static object Input(string slug, object[]? socialLinks = null, string theme = "default") => new
    {
        slug,
        names = new Dictionary<string, string> { ["zh-CN"] = "新材料公司", ["en"] = "New Materials Co." },
        cultures = new[] { "zh-CN", "en" },
        defaultCulture = "en",
        theme,
        socialLinks,
    };

    private async Task<(string Slug, string ETag)> CreateAsync(object[]? socialLinks = null)
    {
        var slug = $"settings-{Guid.NewGuid():N}"[..24];
        var (status, body, _) = await app.Api(app.Seed.Admin.Token).SendAsync(HttpMethod.Post, "/api/v1/enterprises", Input(slug, socialLinks));
        Assert.True(status == HttpStatusCode.Created, $"create failed: {status} {body.Json()}");
        return (slug, body!["eTag"]!.GetValue<string>());
    }

    private static List<(string Network, string Url)> Links(JsonNode? enterprise) =>
        enterprise!["socialLinks"]!.AsArray().Select(l => (l!["network"]!.GetValue<string>(), l["url"]!.GetValue<string>())).ToList();

    [Fact]
    public async Task Social_links_round_trip_through_the_api_in_their_order_and_a_put_replaces_them()
    {
        var (slug, etag) = await CreateAsync(ThreeLinks);
        var (_, read, readETag) = await app.Api().ReadAsync($"/api/v1/enterprises/{slug}");
        Assert.Equal(
            [("linkedin", "https://www.linkedin.com/company/example-materials"), ("wechat", "https://mp.weixin.qq.com/s/example"), ("website", "http://www.example.com/")],
            Links(read));
        Assert.Equal(etag, readETag);

        var (updated, after, _) = await app.Api(app.Seed.Curator.Token).SendAsync(HttpMethod.Put, $"/api/v1/enterprises/{slug}",
            Input(slug, [new { network = " YouTube ", url = " https://www.youtube.com/@example " }, ThreeLinks[0]]), ifMatch: etag);
        Assert.Equal(HttpStatusCode.OK, updated);
        Assert.Equal([("youtube", "https://www.youtube.com/@example"), ("linkedin", "https://www.linkedin.com/company/example-materials")], Links(after));

        var (_, list, _) = await app.Api().ReadAsync("/api/v1/enterprises");
        Assert.Equal(Links(after), Links(list!.AsArray().Single(e => e!["slug"]!.GetValue<string>() == slug)));

        var (_, current, currentETag) = await app.Api().ReadAsync($"/api/v1/enterprises/{slug}");
        var (cleared, none, _) = await app.Api(app.Seed.Admin.Token).SendAsync(HttpMethod.Put, $"/api/v1/enterprises/{slug}", Input(slug), ifMatch: currentETag);
        Assert.Equal(HttpStatusCode.OK, cleared);
        Assert.Empty(Links(none));
        Assert.NotNull(current);
    }

    public static TheoryData<string, string, string> BadLinks => new()
    {
        { "unknown network", "socialLinks[0].network", "'myspace' is not a network" },
        { "missing network", "socialLinks[0].network", "network is required" },
        { "javascript url", "socialLinks[0].url", "is not an absolute https:// address" },
        { "relative url", "socialLinks[0].url", "is not an absolute https:// address" },
        { "ftp url", "socialLinks[0].url", "is not an absolute https:// address" },
        { "protocol-relative url", "socialLinks[0].url", "is not an absolute https:// address" },
        { "http for a network", "socialLinks[0].url", "must use https://" },
        { "website without scheme", "socialLinks[0].url", "is not an absolute http:// or https:// address" },
        { "password in url", "socialLinks[0].url", "must not carry a user name or password" },
        { "missing url", "socialLinks[0].url", "url is required" },
        { "too long url", "socialLinks[0].url", "501 characters long; the limit is 500" },
        { "duplicate network", "socialLinks[2].network", "socialLinks[2] is a second linkedin link (the first is socialLinks[0])" },
        { "too many", "socialLinks", "socialLinks has 13 links; the limit is 12" },
    };

    private static object[] Bad(string name) => name switch
    {
        "unknown network" => [new { network = "myspace", url = "https://myspace.com/example" }],
        "missing network" => [new { url = "https://www.linkedin.com/company/example" }],
        "javascript url" => [new { network = "x", url = "javascript:alert(1)" }],
        "relative url" => [new { network = "facebook", url = "/company/example" }],
        "ftp url" => [new { network = "youtube", url = "ftp://example.com/channel" }],
        "protocol-relative url" => [new { network = "instagram", url = "//www.instagram.com/example" }],
        "http for a network" => [new { network = "linkedin", url = "http://www.linkedin.com/company/example" }],
        "website without scheme" => [new { network = "website", url = "www.example.com" }],
        "password in url" => [new { network = "weibo", url = "https://user:secret@weibo.com/example" }],
        "missing url" => [new { network = "tiktok", url = "  " }],
        "too long url" => [new { network = "website", url = "https://example.com/" + new string('a', 481) }],
        "duplicate network" => [ThreeLinks[0], ThreeLinks[1], new { network = "LinkedIn", url = "https://www.linkedin.com/company/another" }],
        "too many" => Enumerable.Range(0, 13).Select(i => (object)new { network = "website", url = $"https://example.com/{i}" }).ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(BadLinks))]
    public async Task Bad_social_links_get_a_problem_naming_the_field_and_change_nothing(string name, string field, string message)
    {
        var (slug, etag) = await CreateAsync(ThreeLinks);
        var (status, problem, _) = await app.Api(app.Seed.Admin.Token).SendAsync(HttpMethod.Put, $"/api/v1/enterprises/{slug}",
            Input(slug, Bad(name), theme: "industrial"), ifMatch: etag);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = problem!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"{name}: no error for {field}: {problem.Json()}");
        Assert.Contains(errors[field]!.AsArray(), e => e!.GetValue<string>().Contains(message, StringComparison.Ordinal));
        Assert.Contains(message, problem.Detail());

        var (_, after, afterETag) = await app.Api().ReadAsync($"/api/v1/enterprises/{slug}");
        Assert.Equal(etag, afterETag);
        Assert.Equal(3, Links(after).Count);
        Assert.Equal("default", after!["theme"]!.GetValue<string>());

        var created = $"bad-links-{Guid.NewGuid():N}"[..24];
        var (refused, _, _) = await app.Api(app.Seed.Admin.Token).SendAsync(HttpMethod.Post, "/api/v1/enterprises", Input(created, Bad(name)));
        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api().ReadAsync($"/api/v1/enterprises/{created}")).Status);
    }

    [Fact]
    public async Task A_theme_that_is_not_installed_is_refused_with_the_installed_ones_listed()
    {
        var (slug, etag) = await CreateAsync();
        var (status, problem, _) = await app.Api(app.Seed.Admin.Token).SendAsync(HttpMethod.Put, $"/api/v1/enterprises/{slug}", Input(slug, theme: "neon"), ifMatch: etag);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Theme 'neon' is not installed; installed themes: default, industrial.", problem!["errors"]!["theme"]![0]!.GetValue<string>());

        var (changed, after, _) = await app.Api(app.Seed.Admin.Token).SendAsync(HttpMethod.Put, $"/api/v1/enterprises/{slug}", Input(slug, theme: "industrial"), ifMatch: etag);
        Assert.Equal(HttpStatusCode.OK, changed);
        Assert.Equal("industrial", after!["theme"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_openapi_document_describes_social_links_on_input_and_view()
    {
        var (_, document, _) = await app.Api().ReadAsync("/openapi/v1.json");
        var schemas = document!["components"]!["schemas"]!.AsObject();
        Assert.NotNull(schemas["EnterpriseView"]!["properties"]!["socialLinks"]);
        var input = schemas["EnterpriseInput"]!["properties"]!["socialLinks"]!;
        Assert.Contains("one link per network", input.Json());
        Assert.True(schemas.ContainsKey("SocialLinkInput"), $"no SocialLinkInput schema: {string.Join(", ", schemas.Select(s => s.Key))}");
    }
}

public sealed class EnterpriseSiteSettingsOnSqlite(SqliteAppFactory app) : EnterpriseSiteSettingsTests(app), IClassFixture<SqliteAppFactory>;

public sealed class EnterpriseSiteSettingsOnPostgres(PostgresAppFactory app) : EnterpriseSiteSettingsTests(app), IClassFixture<PostgresAppFactory>;
