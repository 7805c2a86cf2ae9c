using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParkGlobalMedia.Platform.Caching;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Content.Taxonomy;

/// <summary>
/// A story category from the communication mission (news, human stories, investment opportunities ...).
/// Platform-wide, so the centre can compare coverage across enterprises.
/// </summary>
public sealed class Category : IPublicContent
{
    public Guid Id { get; set; }

    /// <summary>Stable ASCII key used in URLs and API filters (human-stories).</summary>
    public required string Key { get; set; }

    public Dictionary<string, string> Names { get; set; } = [];
    public int SortOrder { get; set; }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.ToTable("categories");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Key).HasMaxLength(80);
        builder.HasIndex(c => c.Key).IsUnique();
        builder.Property(c => c.Names).HasJsonConversion();
    }
}
