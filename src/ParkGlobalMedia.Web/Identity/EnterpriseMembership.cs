using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParkGlobalMedia.Content.Enterprises;

namespace ParkGlobalMedia.Identity;

/// <summary>A user belongs to zero or more enterprises; enterprise roles only apply inside these.</summary>
public sealed class EnterpriseMembership
{
    public Guid UserId { get; set; }
    public Guid EnterpriseId { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class EnterpriseMembershipConfiguration : IEntityTypeConfiguration<EnterpriseMembership>
{
    public void Configure(EntityTypeBuilder<EnterpriseMembership> builder)
    {
        builder.ToTable("enterprise_memberships");
        builder.HasKey(m => new { m.UserId, m.EnterpriseId });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(m => m.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.EnterpriseId);
    }
}
