using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Identity;

/// <summary>
/// A personal access token for the API. Only the SHA-256 of the secret is stored: the secret is 256 random bits, so a
/// slow password hash would add nothing but latency to every request.
/// </summary>
public sealed class ApiToken
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string Name { get; set; }

    /// <summary>First characters of the token, shown in lists so people can tell their tokens apart.</summary>
    public required string Prefix { get; set; }

    public required string SecretHash { get; set; }
    public List<string> Scopes { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
}

/// <summary>What a token may do. Reading published content needs no token at all.</summary>
public static class TokenScopes
{
    /// <summary>Read drafts, versions and history of the owner's enterprises.</summary>
    public const string ContentRead = "content:read";

    /// <summary>Create and edit stories and move them through the workflow (within the owner's roles).</summary>
    public const string ContentWrite = "content:write";

    /// <summary>Manage enterprises and users (Admin only).</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [ContentRead, ContentWrite, Admin];
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.ToTable("api_tokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Prefix).HasMaxLength(16);
        builder.Property(t => t.SecretHash).HasMaxLength(64);
        builder.Property(t => t.Scopes).HasJsonConversion();
        builder.HasIndex(t => t.SecretHash).IsUnique();
        builder.HasIndex(t => t.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
