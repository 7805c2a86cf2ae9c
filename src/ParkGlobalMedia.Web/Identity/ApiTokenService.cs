using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Identity;

/// <summary>Issues, validates and revokes personal access tokens.</summary>
public sealed class ApiTokenService(AppDbContext db, TimeProvider clock)
{
    public const string TokenPrefix = "pgm_";
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(366);

    public sealed record IssuedToken(ApiToken Token, string Secret);

    public enum ValidationFailure
    {
        Unknown,
        Expired,
        Revoked,
    }

    public sealed record ValidationOutcome(ApiToken? Token, ValidationFailure? Failure);

    public async Task<IssuedToken> IssueAsync(Guid userId, string name, IEnumerable<string> scopes, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            throw new ArgumentException("A token needs a name of 1 to 100 characters.", nameof(name));
        }

        var scopeList = scopes.Distinct(StringComparer.Ordinal).ToList();
        var unknown = scopeList.Except(TokenScopes.All, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0 || scopeList.Count == 0)
        {
            throw new ArgumentException(
                $"Unknown or missing scopes ({string.Join(", ", unknown)}); choose from {string.Join(", ", TokenScopes.All)}.", nameof(scopes));
        }

        if (lifetime <= TimeSpan.Zero || lifetime > MaxLifetime)
        {
            throw new ArgumentException($"A token lives between 1 and {MaxLifetime.TotalDays:0} days.", nameof(lifetime));
        }

        var secret = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Name = name.Trim(),
            Prefix = secret[..12],
            SecretHash = Hash(secret),
            Scopes = scopeList,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedToken(token, secret);
    }

    public async Task<ValidationOutcome> ValidateAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (!secret.StartsWith(TokenPrefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return new(null, ValidationFailure.Unknown);
        }

        var hash = Hash(secret);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.SecretHash == hash, cancellationToken);
        if (token is null)
        {
            return new(null, ValidationFailure.Unknown);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (token.RevokedAt is not null)
        {
            return new(token, ValidationFailure.Revoked);
        }

        if (token.ExpiresAt <= now)
        {
            return new(token, ValidationFailure.Expired);
        }

        // Record use at most once a minute so reads do not turn into writes on every request.
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return new(token, null);
    }

    public Task<List<ApiToken>> ListAsync(Guid userId, CancellationToken cancellationToken = default) =>
        db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt).ToListAsync(cancellationToken);

    /// <summary>Revokes one of the user's own tokens. False when the user has no such token.</summary>
    public async Task<bool> RevokeAsync(Guid userId, Guid tokenId, CancellationToken cancellationToken = default)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, cancellationToken);
        if (token is null)
        {
            return false;
        }

        token.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
