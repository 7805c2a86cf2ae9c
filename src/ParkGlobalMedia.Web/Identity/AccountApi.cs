using Microsoft.AspNetCore.Http.HttpResults;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Http;

namespace ParkGlobalMedia.Identity;

public sealed record MeView(Guid Id, string Name, IReadOnlyList<string> Roles, IReadOnlyList<Guid> Enterprises, IReadOnlyList<string> ReviewerCultures, IReadOnlyList<string>? Scopes);

public sealed record TokenView(Guid Id, string Name, string Prefix, IReadOnlyList<string> Scopes, DateTime CreatedAt, DateTime ExpiresAt, DateTime? RevokedAt, DateTime? LastUsedAt);

/// <summary>The caller's own identity and tokens. Tokens are issued in the admin UI or by the CLI, where the secret can be shown once.</summary>
public static class AccountApi
{
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1/me").WithTags("Account");
        api.MapGet("/", Me).WithName("Me").WithSummary("Who the token belongs to: roles, enterprises, scopes.")
            .RequireScope(TokenScopes.ContentRead, anyOf: true);
        api.MapGet("/tokens", ListTokensAsync).WithName("ListMyTokens").WithSummary("The caller's access tokens (never their secrets).")
            .RequireScope(TokenScopes.ContentRead, anyOf: true);
        api.MapDelete("/tokens/{tokenId:guid}", RevokeAsync).WithName("RevokeMyToken").WithSummary("Revoke one of the caller's tokens, effective immediately.")
            .RequireScope(TokenScopes.ContentRead, anyOf: true);
        return routes;
    }

    private static Ok<MeView> Me(CallerContext caller) =>
        TypedResults.Ok(new MeView(caller.UserId!.Value, caller.Name, caller.Roles.Order().ToList(), caller.Enterprises.ToList(),
            caller.ReviewerCultures.Order().ToList(), caller.Scopes?.Order().ToList()));

    private static async Task<Ok<List<TokenView>>> ListTokensAsync(CallerContext caller, ApiTokenService tokens, CancellationToken cancellationToken) =>
        TypedResults.Ok((await tokens.ListAsync(caller.UserId!.Value, cancellationToken))
            .Select(t => new TokenView(t.Id, t.Name, t.Prefix, t.Scopes, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt)).ToList());

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(Guid tokenId, CallerContext caller, ApiTokenService tokens, CancellationToken cancellationToken) =>
        await tokens.RevokeAsync(caller.UserId!.Value, tokenId, cancellationToken)
            ? TypedResults.NoContent()
            : Failure.NotFound($"You have no token {tokenId}.").ToProblem();
}
