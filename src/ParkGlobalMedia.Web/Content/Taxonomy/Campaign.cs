using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParkGlobalMedia.Content.Enterprises;
using ParkGlobalMedia.Platform.Caching;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Content.Taxonomy;

/// <summary>An annual event or IP campaign that stories belong to. Owned by an enterprise or, when null, by the centre.</summary>
public sealed class Campaign : IHasRevision, IPublicContent
{
    public Guid Id { get; set; }
    public required string Key { get; set; }
    public Dictionary<string, string> Names { get; set; } = [];
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public string? Hashtag { get; set; }

    /// <summary>Null: a provincial centre campaign that any member may join.</summary>
    public Guid? OwnerEnterpriseId { get; set; }

    public long Revision { get; set; }
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.ToTable("campaigns");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Key).HasMaxLength(80);
        builder.HasIndex(c => c.Key).IsUnique();
        builder.Property(c => c.Names).HasJsonConversion();
        builder.Property(c => c.Hashtag).HasMaxLength(100);
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(c => c.OwnerEnterpriseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.OwnerEnterpriseId);
        builder.Property(c => c.Revision).IsConcurrencyToken();
    }
}
