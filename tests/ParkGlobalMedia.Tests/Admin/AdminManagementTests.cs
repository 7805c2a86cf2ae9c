using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Tests.Infrastructure;

namespace ParkGlobalMedia.Tests.Admin;

/// <summary>Admins manage people and enterprises in the admin UI; nobody else may.</summary>
public sealed class AdminManagementTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task An_admin_adds_a_person_who_can_then_sign_in_with_the_one_time_password()
    {
        var admin = await AdminSession.SignInAsync(app, app.Seed.Admin.Email);
        var enterpriseId = await app.WithScopeAsync(services => services.GetRequiredService<AppDbContext>().Enterprises
            .Where(e => e.Slug == app.Seed.EnterpriseB).Select(e => e.Id).FirstAsync());

        var (status, response) = await admin.SubmitAsync("/admin/users", "form[action*='Create']", new()
        {
            ["email"] = "new.editor@example.org", ["displayName"] = "New Editor", ["roles"] = "EnterpriseEditor", ["enterprises"] = enterpriseId.ToString(),
        });
        Assert.Equal(HttpStatusCode.OK, status);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var password = page.QuerySelector("#one-time-password")!.GetAttribute("value")!;

        var person = new AdminSession(app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        var (signedIn, _) = await person.SubmitAsync("/admin/login", "main form", new() { ["email"] = "new.editor@example.org", ["password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn);
        var (_, newStory) = await person.GetAsync("/admin/stories/new");
        Assert.NotNull(newStory.QuerySelector($"#Enterprise option[value='{app.Seed.EnterpriseB}']"));
        Assert.Null(newStory.QuerySelector($"#Enterprise option[value='{app.Seed.EnterpriseA}']"));
    }

    [Fact]
    public async Task Editors_cannot_open_people_or_enterprise_management()
    {
        var editor = await AdminSession.SignInAsync(app, app.Seed.EditorA.Email);
        foreach (var path in new[] { "/admin/users", "/admin/enterprises", "/admin/enterprises/new", $"/admin/enterprises/{app.Seed.EnterpriseA}" })
        {
            var response = await editor.Client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/admin/denied", StringComparison.Ordinal),
                $"{path}: {response.StatusCode} {response.Headers.Location}");
        }
    }

    [Fact]
    public async Task An_admin_changes_an_enterprise_fallback_chain_and_bad_settings_are_explained()
    {
        var admin = await AdminSession.SignInAsync(app, app.Seed.Admin.Email);
        var url = $"/admin/enterprises/{app.Seed.EnterpriseB}";
        var (saved, _) = await admin.SubmitAsync(url, "main form.card", new() { ["Cultures"] = "zh-CN", ["FallbackChain"] = "es-MX: es, en" });
        Assert.Equal(HttpStatusCode.BadRequest, saved);

        var form = new Dictionary<string, string>
        {
            ["FallbackChain"] = "pt-BR: pt, en", ["DefaultCulture"] = "en", ["Theme"] = "default", ["Names[en]"] = "Beta Rail", ["Names[zh-CN]"] = "贝塔轨道",
        };
        var content = new List<KeyValuePair<string, string>>(form) { new("Cultures", "zh-CN"), new("Cultures", "en"), new("Cultures", "pt") };
        var (_, page) = await admin.GetAsync(url);
        content.Add(new("ETag", page.QuerySelector("input[name=ETag]")!.GetAttribute("value")!));
        content.Add(new("__RequestVerificationToken", page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!));
        var response = await admin.Client.PostAsync(url, new FormUrlEncodedContent(content));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var (_, enterprise, _) = await app.Api().ReadAsync($"/api/v1/enterprises/{app.Seed.EnterpriseB}");
        Assert.Equal(["pt", "en"], enterprise!["fallbackChain"]!["pt-BR"]!.AsArray().Select(c => c!.GetValue<string>()).ToArray());
        Assert.Equal("Beta Rail", enterprise["names"]!["en"]!.GetValue<string>());
    }
}
