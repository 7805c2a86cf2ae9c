using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParkGlobalMedia.Content.Enterprises;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Translation.Glossary;

/// <summary>
/// One entry of a termbase: the provincial centre's shared one, or an enterprise's own (which wins where both define
/// the same source term). A term is a source word or phrase with its translation per culture, or marked "do not
/// translate" (brand and product names); forbidden alternatives per culture are what QA flags.
/// </summary>
public sealed class Term : IHasRevision
{
    public const string SharedScope = "shared";

    public Guid Id { get; set; }

    /// <summary>"shared", or the enterprise's id: one non-null key so "unique per termbase" is one index on both databases.</summary>
    public required string Scope { get; set; }

    public Guid? EnterpriseId { get; set; }
    public required string SourceCulture { get; set; }
    public required string Source { get; set; }
    public Dictionary<string, string> Targets { get; set; } = [];
    public bool DoNotTranslate { get; set; }
    public Dictionary<string, List<string>> Forbidden { get; set; } = [];
    public string? PartOfSpeech { get; set; }
    public string? Note { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Revision { get; set; }

    public static string ScopeOf(Guid? enterpriseId) => enterpriseId is { } id ? id.ToString("N") : SharedScope;
}

internal sealed class TermConfiguration : IEntityTypeConfiguration<Term>
{
    public void Configure(EntityTypeBuilder<Term> builder)
    {
        builder.ToTable("glossary_terms");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Scope).HasMaxLength(40);
        builder.Property(t => t.SourceCulture).HasMaxLength(35);
        builder.Property(t => t.Source).HasMaxLength(Termbase.MaxTermLength);
        builder.Property(t => t.Targets).HasJsonConversion();
        builder.Property(t => t.Forbidden).HasJsonConversion();
        builder.Property(t => t.PartOfSpeech).HasMaxLength(40);
        builder.Property(t => t.Note).HasMaxLength(1000);
        builder.HasIndex(t => new { t.Scope, t.SourceCulture, t.Source }).IsUnique();
        builder.HasIndex(t => t.EnterpriseId);
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(t => t.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.Revision).IsConcurrencyToken();
    }
}
