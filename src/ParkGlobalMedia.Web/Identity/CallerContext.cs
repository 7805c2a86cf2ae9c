using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Identity;

/// <summary>
/// Who is asking, resolved once per request: roles, enterprise memberships, review cultures and — for API tokens —
/// the token's scopes. Services take it as a parameter, so every access decision is a pure function of it.
/// </summary>
public sealed record CallerContext(
    Guid? UserId,
    string Name,
    IReadOnlySet<string> Roles,
    IReadOnlySet<Guid> Enterprises,
    IReadOnlySet<string> ReviewerCultures,
    IReadOnlySet<string>? Scopes)
{
    public static readonly CallerContext Anonymous =
        new(null, "anonymous", new HashSet<string>(), new HashSet<Guid>(), new HashSet<string>(), null);

    /// <summary>The scheduler and recipes: acts with Admin rights and is recorded as "system".</summary>
    public static readonly CallerContext System =
        new(null, "system", new HashSet<string> { Identity.Roles.Admin }, new HashSet<Guid>(), new HashSet<string>(), null);

    public bool IsAuthenticated => UserId is not null || ReferenceEquals(this, System);

    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsMemberOf(Guid enterpriseId) => Enterprises.Contains(enterpriseId);

    /// <summary>Cookie sessions carry no scopes and may do whatever the roles allow; tokens are limited to their scopes.</summary>
    public bool Allows(string scope) =>
        Scopes is null || Scopes.Contains(scope) || (scope == TokenScopes.ContentRead && Scopes.Contains(TokenScopes.ContentWrite));

    /// <summary>Minimal-API binding: handlers declare a CallerContext parameter and get the resolved caller.</summary>
    public static async ValueTask<CallerContext?> BindAsync(HttpContext context) => await context.CurrentCallerAsync();
}

/// <summary>Builds the <see cref="CallerContext"/> for the current request (once; it is scoped).</summary>
public sealed class CallerResolver(IHttpContextAccessor http, AppDbContext db)
{
    public const string ScopeClaim = "scope";
    private CallerContext? _resolved;

    public async Task<CallerContext> ResolveAsync(CancellationToken cancellationToken = default)
    {
        if (_resolved is not null)
        {
            return _resolved;
        }

        var user = http.HttpContext?.User;
        _resolved = user is null ? CallerContext.Anonymous : await ResolveAsync(user, cancellationToken);
        return _resolved;
    }

    public async Task<CallerContext> ResolveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (principal.Identity?.IsAuthenticated != true ||
            !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return CallerContext.Anonymous;
        }

        return await ForUserAsync(userId, principal.Identity.AuthenticationType == ApiTokenAuthentication.SchemeName
            ? principal.FindAll(ScopeClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal)
            : null, cancellationToken);
    }

    /// <summary>Loads a user's roles and memberships from the database (also used by the CLI and tests).</summary>
    public async Task<CallerContext> ForUserAsync(Guid userId, IReadOnlySet<string>? scopes, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null || (user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow))
        {
            return CallerContext.Anonymous;
        }

        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           where userRole.UserId == userId
                           select role.Name!).ToListAsync(cancellationToken);
        var enterprises = await db.EnterpriseMemberships.Where(m => m.UserId == userId)
            .Select(m => m.EnterpriseId).ToListAsync(cancellationToken);

        return new CallerContext(
            userId,
            string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? user.Email ?? userId.ToString() : user.DisplayName,
            roles.ToHashSet(StringComparer.Ordinal),
            enterprises.ToHashSet(),
            user.ReviewerCultures.ToHashSet(StringComparer.OrdinalIgnoreCase),
            scopes);
    }
}

/// <summary>Lets minimal-API handlers take a <see cref="CallerContext"/> parameter directly.</summary>
public static class CallerBinding
{
    public static Task<CallerContext> CurrentCallerAsync(this HttpContext context) =>
        context.RequestServices.GetRequiredService<CallerResolver>().ResolveAsync(context.RequestAborted);
}
