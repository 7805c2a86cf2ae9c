using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Tests.Infrastructure;

namespace ParkGlobalMedia.Tests.Identity;

/// <summary>Personal access tokens: hashed at rest, scoped, revocable, expiring — each refusal says why.</summary>
public sealed class TokenTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task Only_a_hash_of_the_secret_is_stored()
    {
        var stored = await app.WithScopeAsync(services =>
            services.GetRequiredService<AppDbContext>().ApiTokens.AsNoTracking().Where(t => t.UserId == app.Seed.EditorA.Id && t.Name == "tests").ToListAsync());
        var token = Assert.Single(stored);
        Assert.NotEqual(app.Seed.EditorA.Token, token.SecretHash);
        Assert.DoesNotContain(app.Seed.EditorA.Token[12..], token.SecretHash, StringComparison.Ordinal);
        Assert.Equal(64, token.SecretHash.Length);
    }

    [Fact]
    public async Task An_expired_token_gets_401_saying_it_expired_even_on_public_routes()
    {
        var secret = await IssueAsync(app.Seed.EditorA.Id, [TokenScopes.ContentRead], async (db, id) =>
            await db.ApiTokens.Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))));
        var (status, problem, _) = await app.Api(secret).ReadAsync("/api/v1/stories");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("expired", problem.Detail());
    }

    [Fact]
    public async Task A_revoked_token_stops_working_at_once()
    {
        var secret = await IssueAsync(app.Seed.EditorA.Id, [TokenScopes.ContentRead], (_, _) => Task.CompletedTask);
        var client = app.Api(secret);
        var (_, tokens, _) = await client.ReadAsync("/api/v1/me/tokens");
        var id = tokens!.AsArray().First(t => secret.StartsWith(t!["prefix"]!.GetValue<string>(), StringComparison.Ordinal))!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(HttpMethod.Delete, $"/api/v1/me/tokens/{id}")).Status);

        var (status, problem, _) = await client.ReadAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("revoked", problem.Detail());
    }

    [Fact]
    public async Task An_unknown_token_gets_401_and_a_missing_one_is_simply_anonymous()
    {
        var (status, problem, _) = await app.Api("pgm_not-a-real-token").ReadAsync("/api/v1/stories");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("not recognised", problem.Detail());
        Assert.Equal(HttpStatusCode.OK, (await app.Api().ReadAsync("/api/v1/stories")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().ReadAsync("/api/v1/me")).Status);
    }

    [Fact]
    public async Task A_read_only_token_cannot_write_and_is_told_which_scope_is_missing()
    {
        var secret = await IssueAsync(app.Seed.EditorA.Id, [TokenScopes.ContentRead], (_, _) => Task.CompletedTask);
        var (status, problem, _) = await app.Api(secret).SendAsync(HttpMethod.Post, "/api/v1/stories", new
        {
            enterprise = app.Seed.EnterpriseA, sourceCulture = "zh-CN", category = "news", content = ApiCalls.Content("只读"),
        });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("content:write", problem.Detail());
    }

    [Fact]
    public async Task Tokens_cannot_be_issued_with_unknown_scopes_or_endless_lifetimes()
    {
        await app.WithScopeAsync<object?>(async services =>
        {
            var tokens = services.GetRequiredService<ApiTokenService>();
            await Assert.ThrowsAsync<ArgumentException>(() => tokens.IssueAsync(app.Seed.EditorA.Id, "x", ["root"], TimeSpan.FromDays(1)));
            await Assert.ThrowsAsync<ArgumentException>(() => tokens.IssueAsync(app.Seed.EditorA.Id, "x", [TokenScopes.ContentRead], TimeSpan.FromDays(4000)));
            await Assert.ThrowsAsync<ArgumentException>(() => tokens.IssueAsync(app.Seed.EditorA.Id, "", [TokenScopes.ContentRead], TimeSpan.FromDays(1)));
            return null;
        });
    }

    private Task<string> IssueAsync(Guid userId, string[] scopes, Func<AppDbContext, Guid, Task> adjust) =>
        app.WithScopeAsync(async services =>
        {
            var issued = await services.GetRequiredService<ApiTokenService>().IssueAsync(userId, "test", scopes, TimeSpan.FromDays(1));
            await adjust(services.GetRequiredService<AppDbContext>(), issued.Token.Id);
            return issued.Secret;
        });
}
