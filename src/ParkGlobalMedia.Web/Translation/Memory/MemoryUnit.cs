using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParkGlobalMedia.Content.Enterprises;

namespace ParkGlobalMedia.Translation.Memory;

/// <summary>
/// One translation unit of a translation memory: a source segment (tagged text) and its translation into one
/// culture, in an enterprise's memory or the shared one. Keyed by the normalized source, so the same sentence with
/// other spacing or full-width punctuation is the same unit; saving it again replaces the translation.
/// </summary>
public sealed class MemoryUnit
{
    public Guid Id { get; set; }

    /// <summary>"shared" or the enterprise's id (as <see cref="Glossary.Term.Scope"/>).</summary>
    public required string Scope { get; set; }

    public Guid? EnterpriseId { get; set; }
    public required string SourceCulture { get; set; }
    public required string TargetCulture { get; set; }

    /// <summary>SHA-256 (hex) of the normalized source: exact matches are one index lookup.</summary>
    public required string SourceKey { get; set; }

    public required string Source { get; set; }
    public required string Target { get; set; }

    /// <summary>Characters of the source's words, for fuzzy candidates of a similar length.</summary>
    public int SourceLength { get; set; }

    /// <summary>Who made the translation: a provider's name, "reviewer", or "import".</summary>
    public required string Origin { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class MemoryUnitConfiguration : IEntityTypeConfiguration<MemoryUnit>
{
    public void Configure(EntityTypeBuilder<MemoryUnit> builder)
    {
        builder.ToTable("memory_units");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Scope).HasMaxLength(40);
        builder.Property(u => u.SourceCulture).HasMaxLength(35);
        builder.Property(u => u.TargetCulture).HasMaxLength(35);
        builder.Property(u => u.SourceKey).HasMaxLength(64);
        builder.Property(u => u.Origin).HasMaxLength(40);
        builder.HasIndex(u => new { u.Scope, u.SourceCulture, u.TargetCulture, u.SourceKey }).IsUnique();
        builder.HasIndex(u => new { u.Scope, u.SourceCulture, u.TargetCulture, u.SourceLength });
        builder.HasIndex(u => u.EnterpriseId);
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(u => u.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
    }
}
