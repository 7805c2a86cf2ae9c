using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ParkGlobalMedia.Identity;

/// <summary>
/// "Authorization: Bearer pgm_..." for the API. A missing header leaves the request anonymous (published content is
/// public); a present but bad token fails with a message saying exactly why (unknown, expired or revoked).
/// </summary>
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenService tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    private const string FailureItem = "pgm:token-failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var outcome = await tokens.ValidateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (outcome.Failure is { } failure)
        {
            var message = failure switch
            {
                ApiTokenService.ValidationFailure.Expired => $"The access token '{outcome.Token!.Prefix}…' expired at {outcome.Token.ExpiresAt:O}.",
                ApiTokenService.ValidationFailure.Revoked => $"The access token '{outcome.Token!.Prefix}…' was revoked at {outcome.Token.RevokedAt:O}.",
                _ => "The access token is not recognised.",
            };
            Context.Items[FailureItem] = message;
            return AuthenticateResult.Fail(message);
        }

        var token = outcome.Token!;
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, token.UserId.ToString()) };
        claims.AddRange(token.Scopes.Select(s => new Claim(CallerResolver.ScopeClaim, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>Why the token was refused, for the ProblemDetails body.</summary>
    public static string? FailureMessage(HttpContext context) => context.Items[FailureItem] as string;
}
