using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using ParkGlobalMedia.Tests.Infrastructure;

namespace ParkGlobalMedia.Tests.Admin;

/// <summary>The admin UI over HTTP: sign-in, lockout, antiforgery, the edit → review → publish journey, isolation.</summary>
public sealed class AdminUiTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_come_back_after()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/admin/stories?state=Draft");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_in_the_chosen_language_and_five_lock_the_account()
    {
        var email = "lockout@example.org";
        await app.WithScopeAsync(async services =>
        {
            var accounts = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ParkGlobalMedia.Identity.UserAccounts>(services);
            return await accounts.CreateOrUpdateAsync(new(email, "Lock Out", AppFactory.Password, [], [], []));
        });
        var session = new AdminSession(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        session.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var (status, response) = await session.SubmitAsync("/admin/login", "main form", new() { ["email"] = email, ["password"] = "wrong-password" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("邮箱或密码不正确", await response.Content.ReadAsStringAsync());

        for (var attempt = 2; attempt <= 5; attempt++)
        {
            (_, response) = await session.SubmitAsync("/admin/login", "main form", new() { ["email"] = email, ["password"] = "wrong-password" });
        }

        Assert.Contains("锁定", await response.Content.ReadAsStringAsync());
        // Even the right password is refused while locked.
        (status, _) = await session.SubmitAsync("/admin/login", "main form", new() { ["email"] = email, ["password"] = AppFactory.Password });
        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task Admin_pages_forbid_foreign_scripts_and_framing()
    {
        var session = await AdminSession.SignInAsync(app, app.Seed.EditorA.Email);
        var response = await session.Client.GetAsync("/admin/stories");
        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_rejected()
    {
        var session = await AdminSession.SignInAsync(app, app.Seed.EditorA.Email);
        var response = await session.Client.PostAsync("/admin/stories/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Enterprise"] = app.Seed.EnterpriseA, ["Title"] = "CSRF", ["Category"] = "news",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_editor_edits_and_submits_a_reviewer_approves_and_publishes_and_the_api_serves_it()
    {
        var editor = await AdminSession.SignInAsync(app, app.Seed.EditorA.Email);
        var (created, response) = await editor.SubmitAsync("/admin/stories/new", "main form", new()
        {
            ["Enterprise"] = app.Seed.EnterpriseA, ["SourceCulture"] = "zh-CN", ["Category"] = "human-stories",
            ["Tags"] = "people", ["Title"] = "后台编辑的故事", ["Body"] = "第一段。",
        });
        Assert.Equal(HttpStatusCode.Redirect, created);
        var editorUrl = response.Headers.Location!.OriginalString;
        var storyId = Regex.Match(editorUrl, "/admin/stories/([0-9a-f-]{36})/").Groups[1].Value;

        var (saved, _) = await editor.SubmitAsync(editorUrl, "#editor-form", new()
        {
            ["Title"] = "后台编辑的故事（修订）", ["Slug"] = "admin-edited-story", ["Summary"] = "摘要", ["Body"] = "第一段。\n\n## 第二节\n\n第二段。",
            ["SeoTitle"] = "", ["SeoDescription"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved);
        var (submitted, _) = await editor.SubmitAsync(editorUrl, "form[action*='Transition']", new() { ["comment"] = "请审核" }, "action", "submit");
        Assert.Equal(HttpStatusCode.Redirect, submitted);

        var reviewer = await AdminSession.SignInAsync(app, app.Seed.ReviewerA.Email);
        var (_, reviewPage) = await reviewer.GetAsync(editorUrl);
        Assert.NotNull(reviewPage.QuerySelector("button[value=approve]"));
        Assert.Null(reviewPage.QuerySelector("button[value=submit]"));
        Assert.NotNull(reviewPage.QuerySelector("#editor-form fieldset[disabled]"));
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.SubmitAsync(editorUrl, "form[action*='Transition']", new() { ["comment"] = "" }, "action", "approve")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.SubmitAsync(editorUrl, "form[action*='Transition']", new() { ["comment"] = "" }, "action", "publish")).Status);

        var (status, story, _) = await app.Api().ReadAsync($"/api/v1/stories/{storyId}/zh-CN");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("后台编辑的故事（修订）", story!["title"]!.GetValue<string>());
        Assert.Equal("admin-edited-story", story["slug"]!.GetValue<string>());
        Assert.Contains("<h2", story["bodyHtml"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_stale_form_keeps_the_typed_text_and_says_someone_else_changed_the_story()
    {
        var (id, _) = await app.Api(app.Seed.EditorA.Token).CreateStoryAsync(app.Seed.EnterpriseA, "旧表单");
        var editor = await AdminSession.SignInAsync(app, app.Seed.EditorA.Email);
        var url = $"/admin/stories/{id}/zh-CN";
        var (_, page) = await editor.GetAsync(url);
        var staleETag = page.QuerySelector("#editor-form input[name=ETag]")!.GetAttribute("value")!;
        await editor.SubmitAsync(url, "#editor-form", new() { ["Title"] = "别人先改了", ["Body"] = "x" });

        var (status, response) = await editor.SubmitAsync(url, "#editor-form", new() { ["Title"] = "我的修改", ["Body"] = "我的正文", ["ETag"] = staleETag });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.PreconditionFailed, status);
        Assert.Contains("Someone else changed this story", html);
        Assert.Contains("我的正文", html);
    }

    [Fact]
    public async Task Another_enterprises_editor_gets_a_not_found_page_for_a_draft()
    {
        var (id, _) = await app.Api(app.Seed.EditorA.Token).CreateStoryAsync(app.Seed.EnterpriseA, "别家看不到");
        var other = await AdminSession.SignInAsync(app, app.Seed.EditorB.Email);
        var (status, page) = await other.GetAsync($"/admin/stories/{id}/zh-CN");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain("别家看不到", page.Body!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/admin/stories/{id}/zh-CN/history")).Status);
        var (_, list) = await other.GetAsync("/admin/stories");
        Assert.DoesNotContain("别家看不到", list.Body!.TextContent);
    }

    [Fact]
    public async Task The_interface_speaks_chinese_or_english_and_remembers_the_choice()
    {
        var session = await AdminSession.SignInAsync(app, app.Seed.EditorA.Email, language: "zh-CN");
        var (_, chinese) = await session.GetAsync("/admin/stories");
        Assert.Equal("zh-CN", chinese.DocumentElement.GetAttribute("lang"));
        Assert.Contains("新建故事", chinese.QuerySelector("nav")!.TextContent);

        await session.SubmitAsync("/admin/stories", "form[action='/admin/language']", new() { ["language"] = "en", ["returnUrl"] = "/admin/stories" });
        var (_, english) = await session.GetAsync("/admin/stories");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Contains("New story", english.QuerySelector("nav")!.TextContent);
    }

    [Fact]
    public async Task History_shows_versions_a_diff_and_restores_an_old_version()
    {
        var api = app.Api(app.Seed.EditorA.Token);
        var (id, etag) = await api.CreateStoryAsync(app.Seed.EnterpriseA, "历史一");
        await api.SendAsync(HttpMethod.Put, $"/api/v1/stories/{id}/zh-CN/draft", ApiCalls.Content("历史二", body: "新的一行"), ifMatch: etag);
        var editor = await AdminSession.SignInAsync(app, app.Seed.EditorA.Email);
        var url = $"/admin/stories/{id}/zh-CN/history";

        var (_, page) = await editor.GetAsync(url);
        Assert.Equal(2, page.QuerySelectorAll("form[action*='Restore']").Length + 1);
        Assert.Contains("新的一行", page.QuerySelector(".diff ins")!.TextContent);

        var (status, _) = await editor.SubmitAsync(url, "form[action*='Restore']", new() { ["number"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, status);
        var (_, draft, _) = await api.ReadAsync($"/api/v1/stories/{id}/zh-CN/draft");
        Assert.Equal("历史一", draft!["content"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_token_created_in_the_admin_ui_is_shown_once_and_works_until_revoked()
    {
        var editor = await AdminSession.SignInAsync(app, app.Seed.EditorA.Email);
        var (status, response) = await editor.SubmitAsync("/admin/tokens", "form[action*='Create']", new() { ["name"] = "static site build", ["days"] = "30", ["scopes"] = "content:read" });
        Assert.Equal(HttpStatusCode.OK, status);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var secret = page.QuerySelector("#new-secret")!.GetAttribute("value")!;
        Assert.StartsWith("pgm_", secret, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await app.Api(secret).ReadAsync("/api/v1/me")).Status);
        var (_, listing) = await editor.GetAsync("/admin/tokens");
        Assert.DoesNotContain(secret, listing.Body!.InnerHtml);
        var tokenId = listing.QuerySelector("form[action*='Revoke'] input[name=tokenId]")!.GetAttribute("value")!;
        await editor.SubmitAsync("/admin/tokens", "form[action*='Revoke']", new() { ["tokenId"] = tokenId });

        var (revoked, problem, _) = await app.Api(secret).ReadAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, revoked);
        Assert.Contains("revoked", problem.Detail());
    }

    [Fact]
    public async Task People_get_a_readable_localized_page_for_an_unknown_admin_address()
    {
        var session = await AdminSession.SignInAsync(app, app.Seed.EditorA.Email, language: "zh-CN");
        var (status, page) = await session.GetAsync("/admin/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("页面不存在", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task A_sign_in_cookie_from_one_instance_is_accepted_by_another_sharing_the_database()
    {
        var session = await AdminSession.SignInAsync(app, app.Seed.EditorA.Email);
        await using var second = new SecondInstance(app);
        var client = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var cookies = string.Join("; ", (await session.Client.GetAsync("/admin/stories")).RequestMessage!.Headers.GetValues("Cookie"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/stories");
        request.Headers.Add("Cookie", cookies);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // The keys live in the shared database (not in a per-machine folder that merely happens to be shared here).
        var keys = await app.WithScopeAsync(services => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ParkGlobalMedia.Platform.Data.AppDbContext>(services).DataProtectionKeys));
        Assert.True(keys >= 1);
    }
}
