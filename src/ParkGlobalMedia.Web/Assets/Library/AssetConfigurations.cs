using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParkGlobalMedia.Assets.Uploads;
using ParkGlobalMedia.Content.Enterprises;
using ParkGlobalMedia.Content.Taxonomy;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Assets.Library;

internal sealed class AssetConfiguration : IEntityTypeConfiguration<Asset>
{
    public void Configure(EntityTypeBuilder<Asset> builder)
    {
        builder.ToTable("assets");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Library).HasMaxLength(40);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.Extension).HasMaxLength(10);
        builder.Property(a => a.FileName).HasMaxLength(FileNames.MaxLength);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.Property(a => a.OriginalKey).HasMaxLength(200);
        builder.Property(a => a.Facts).HasJsonConversion();
        builder.Property(a => a.Texts).HasJsonConversion();
        builder.Property(a => a.Territories).HasJsonConversion();
        builder.Property(a => a.Creator).HasMaxLength(200);
        builder.Property(a => a.CreditLine).HasMaxLength(300);
        builder.Property(a => a.Copyright).HasMaxLength(300);
        builder.Property(a => a.Licence).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.LimitedUse).HasMaxLength(1000);
        builder.Property(a => a.WithdrawnReason).HasMaxLength(1000);
        builder.Property(a => a.Sharing).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.SharingComment).HasMaxLength(1000);
        builder.Property(a => a.Processing).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ProcessingStep).HasMaxLength(100);
        builder.Property(a => a.ProcessingError).HasMaxLength(2000);
        builder.Property(a => a.Revision).IsConcurrencyToken();
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(a => a.OwnerEnterpriseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(a => a.CampaignId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(a => a.Tags).WithOne().HasForeignKey(t => t.AssetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Collections).WithOne().HasForeignKey(c => c.AssetId).OnDelete(DeleteBehavior.Cascade);

        // The de-duplication rule: the same bytes live once per library. Concurrent uploads race on this index.
        builder.HasIndex(a => new { a.Library, a.Sha256 }).IsUnique();
        builder.HasIndex(a => new { a.Sharing, a.CreatedAt });
        builder.HasIndex(a => new { a.Processing, a.ProcessingLeaseUntil });
        builder.HasIndex(a => a.CampaignId);
        builder.HasIndex(a => a.OwnerEnterpriseId);
    }
}

internal sealed class AssetTagConfiguration : IEntityTypeConfiguration<AssetTag>
{
    public void Configure(EntityTypeBuilder<AssetTag> builder)
    {
        builder.ToTable("asset_tags");
        builder.HasKey(t => new { t.AssetId, t.Tag });
        builder.Property(t => t.Tag).HasMaxLength(60);
        builder.HasIndex(t => t.Tag);
    }
}

internal sealed class AssetCollectionEntryConfiguration : IEntityTypeConfiguration<AssetCollectionEntry>
{
    public void Configure(EntityTypeBuilder<AssetCollectionEntry> builder)
    {
        builder.ToTable("asset_collections");
        builder.HasKey(c => new { c.AssetId, c.Collection });
        builder.Property(c => c.Collection).HasMaxLength(100);
        builder.HasIndex(c => c.Collection);
    }
}

internal sealed class AssetRenditionConfiguration : IEntityTypeConfiguration<AssetRendition>
{
    public void Configure(EntityTypeBuilder<AssetRendition> builder)
    {
        builder.ToTable("asset_renditions");
        builder.HasKey(r => new { r.AssetId, r.Name });
        builder.Property(r => r.Name).HasMaxLength(60);
        builder.Property(r => r.Key).HasMaxLength(200);
        builder.Property(r => r.ContentType).HasMaxLength(100);
        builder.HasOne<Asset>().WithMany().HasForeignKey(r => r.AssetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssetEventConfiguration : IEntityTypeConfiguration<AssetEvent>
{
    public void Configure(EntityTypeBuilder<AssetEvent> builder)
    {
        builder.ToTable("asset_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Action).HasMaxLength(40);
        builder.Property(e => e.Comment).HasMaxLength(2000);
        builder.Property(e => e.ActorName).HasMaxLength(256);
        builder.HasOne<Asset>().WithMany().HasForeignKey(e => e.AssetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.AssetId, e.At });
    }
}

internal sealed class AssetUsageConfiguration : IEntityTypeConfiguration<AssetUsage>
{
    public void Configure(EntityTypeBuilder<AssetUsage> builder)
    {
        builder.ToTable("asset_usages");
        builder.HasKey(u => new { u.AssetId, u.SubjectKind, u.SubjectId, u.Role });
        builder.Property(u => u.SubjectKind).HasMaxLength(20);
        builder.Property(u => u.Role).HasMaxLength(20);
        builder.Property(u => u.Label).HasMaxLength(300);
        builder.HasOne<Asset>().WithMany().HasForeignKey(u => u.AssetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(u => new { u.SubjectKind, u.SubjectId });
    }
}

internal sealed class UploadSessionConfiguration : IEntityTypeConfiguration<UploadSession>
{
    public void Configure(EntityTypeBuilder<UploadSession> builder)
    {
        builder.ToTable("upload_sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.FileName).HasMaxLength(FileNames.MaxLength);
        builder.Property(s => s.Sha256).HasMaxLength(64);
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(s => s.OwnerEnterpriseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.ExpiresAt);
    }
}
