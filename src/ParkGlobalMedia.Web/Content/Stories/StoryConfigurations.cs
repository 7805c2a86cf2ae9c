using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParkGlobalMedia.Content.Enterprises;
using ParkGlobalMedia.Content.Taxonomy;

namespace ParkGlobalMedia.Content.Stories;

internal sealed class StoryConfiguration : IEntityTypeConfiguration<Story>
{
    public void Configure(EntityTypeBuilder<Story> builder)
    {
        builder.ToTable("stories");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.SourceCulture).HasMaxLength(35);
        builder.Property(s => s.CoverAssetId).HasMaxLength(64);
        builder.Property(s => s.Revision).IsConcurrencyToken();
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(s => s.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Category>().WithMany().HasForeignKey(s => s.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(s => s.Tags).WithOne().HasForeignKey(t => t.StoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Variants).WithOne(v => v.Story).HasForeignKey(v => v.StoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.EnterpriseId, s.CategoryId });
        builder.HasIndex(s => s.CampaignId);
    }
}

internal sealed class StoryTagConfiguration : IEntityTypeConfiguration<StoryTag>
{
    public void Configure(EntityTypeBuilder<StoryTag> builder)
    {
        builder.ToTable("story_tags");
        builder.HasKey(t => new { t.StoryId, t.Tag });
        builder.Property(t => t.Tag).HasMaxLength(60);
        builder.HasIndex(t => t.Tag);
    }
}

internal sealed class StoryVariantConfiguration : IEntityTypeConfiguration<StoryVariant>
{
    public void Configure(EntityTypeBuilder<StoryVariant> builder)
    {
        builder.ToTable("story_variants");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Culture).HasMaxLength(35);
        builder.Property(v => v.Slug).HasMaxLength(Slugs.MaxLength);
        builder.Property(v => v.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(v => v.Revision).IsConcurrencyToken();
        builder.HasIndex(v => new { v.StoryId, v.Culture }).IsUnique();
        builder.HasIndex(v => new { v.EnterpriseId, v.Culture, v.Slug }).IsUnique();
        // Serves editors' lists filtered by workflow state.
        builder.HasIndex(v => new { v.EnterpriseId, v.Culture, v.State, v.PublishedAt });
        // Serves the public list: live variants of one site and culture, newest first. Partial, so the count and the
        // page are answered from the index alone, without visiting table rows or sorting (see bench/RESULTS.md).
        builder.HasIndex(v => new { v.EnterpriseId, v.Culture, v.PublishedAt, v.Id }, "IX_story_variants_live")
            .IsDescending(false, false, true, false)
            .HasFilter("\"PublishedVersionId\" IS NOT NULL AND \"State\" <> 'Archived'");
        builder.HasIndex(v => v.PublishAt);
        builder.HasIndex(v => v.ArchiveAt);
        // NO ACTION, not RESTRICT: when a variant is deleted its versions go in the same statement, and only an
        // end-of-statement check lets the two rows that point at each other disappear together.
        builder.HasOne(v => v.PublishedVersion).WithMany().HasForeignKey(v => v.PublishedVersionId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne(v => v.DraftVersion).WithMany().HasForeignKey(v => v.DraftVersionId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(v => v.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StoryVersionConfiguration : IEntityTypeConfiguration<StoryVersion>
{
    public void Configure(EntityTypeBuilder<StoryVersion> builder)
    {
        builder.ToTable("story_versions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Title).HasMaxLength(StoryLimits.TitleLength);
        builder.Property(v => v.Slug).HasMaxLength(Slugs.MaxLength);
        builder.Property(v => v.Summary).HasMaxLength(StoryLimits.SummaryLength);
        builder.Property(v => v.SeoTitle).HasMaxLength(StoryLimits.SeoTitleLength);
        builder.Property(v => v.SeoDescription).HasMaxLength(StoryLimits.SeoDescriptionLength);
        builder.Property(v => v.AuthorName).HasMaxLength(256);
        builder.HasIndex(v => new { v.VariantId, v.Number }).IsUnique();
        // Public URLs name a version's slug: a renamed or retitled story is found from its old links through this.
        builder.HasIndex(v => v.Slug);
        builder.HasOne<StoryVariant>().WithMany().HasForeignKey(v => v.VariantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkflowTransitionConfiguration : IEntityTypeConfiguration<WorkflowTransition>
{
    public void Configure(EntityTypeBuilder<WorkflowTransition> builder)
    {
        builder.ToTable("workflow_transitions");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.FromState).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.ToState).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Action).HasMaxLength(32);
        builder.Property(t => t.ActorName).HasMaxLength(256);
        builder.Property(t => t.Comment).HasMaxLength(StoryLimits.CommentLength);
        builder.HasIndex(t => new { t.VariantId, t.At });
        builder.HasOne<StoryVariant>().WithMany().HasForeignKey(t => t.VariantId).OnDelete(DeleteBehavior.Cascade);
    }
}
