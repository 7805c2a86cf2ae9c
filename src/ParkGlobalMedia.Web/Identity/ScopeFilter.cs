namespace ParkGlobalMedia.Identity;

public static class ScopeFilter
{
    /// <summary>
    /// Requires a signed-in caller whose token carries <paramref name="scope"/>. Says which is missing, so a client
    /// with a read-only token learns that the token, not the person's role, is the problem.
    /// </summary>
    /// <param name="anyOf">True: any valid token will do (account endpoints); the scope only names what to ask for.</param>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope, bool anyOf = false) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiresToken(anyOf ? null : scope)).AddEndpointFilter(async (context, next) =>
        {
            var caller = await context.HttpContext.CurrentCallerAsync();
            if (!caller.IsAuthenticated)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Authentication required",
                    detail: "Send a personal access token: Authorization: Bearer pgm_…");
            }

            return anyOf || caller.Allows(scope)
                ? await next(context)
                : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Insufficient scope",
                    detail: $"This access token lacks the '{scope}' scope.");
        });
}

/// <summary>Endpoint metadata: the route needs a bearer token (with this scope, when one is named). Feeds the OpenAPI document.</summary>
public sealed record RequiresToken(string? Scope);
