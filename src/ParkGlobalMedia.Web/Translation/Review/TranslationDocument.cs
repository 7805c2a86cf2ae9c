using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParkGlobalMedia.Content.Stories;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Translation.Review;

/// <summary>Where a unit's target text came from.</summary>
public static class UnitOrigins
{
    /// <summary>An exact translation-memory match, reused without calling a provider.</summary>
    public const string Memory = "memory";

    /// <summary>A machine translation; <see cref="TranslationUnit.Provider"/> names the machine.</summary>
    public const string Machine = "machine";

    /// <summary>Typed or corrected by a person in the review editor.</summary>
    public const string Human = "human";

    /// <summary>What a unit's origin is recorded as in the translation memory once a person has stood by it.</summary>
    public const string Reviewed = "reviewed";
}

/// <summary>
/// One source text (a segment's tagged text, or a plain field) and its translation, with where the translation came
/// from: who or what, and when. Records are replaced, never mutated, so the JSON column's change detection sees edits.
/// </summary>
public sealed record TranslationUnit(
    string Source,
    string? Target,
    string? Origin,
    string? Provider,
    Guid? ById,
    string? ByName,
    DateTime? At)
{
    public bool IsTranslated => Target is not null;
}

/// <summary>
/// The translation of one story into one culture: a pool of units keyed by their exact source text. The segments of
/// whatever source version is current are looked up in it, so an unchanged paragraph keeps its translation (and any
/// reviewer's edit of it) across source edits, and only new or changed source text ever goes to a provider. A job's
/// results can only attach to the identical source text, so a source edited mid-job can never get a translation of
/// its old wording.
/// </summary>
public sealed class TranslationDocument : IHasRevision
{
    public Guid Id { get; set; }
    public Guid StoryId { get; set; }
    public Guid EnterpriseId { get; set; }
    public required string SourceCulture { get; set; }
    public required string TargetCulture { get; set; }

    public List<TranslationUnit> Units { get; set; } = [];

    /// <summary>The source version whose segments were last written into the target variant.</summary>
    public int? SourceVersionNumber { get; set; }

    /// <summary>The target variant's version written from this document, to tell our text from an edit made elsewhere.</summary>
    public int? WrittenVersionNumber { get; set; }

    /// <summary>The machine of the last job, and who asked for it and when: the provenance readers of the variant see.</summary>
    public string? Provider { get; set; }

    public Guid? RequestedById { get; set; }
    public string? RequestedByName { get; set; }
    public DateTime? TranslatedAt { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Revision { get; set; }

    public TranslationUnit? Find(string source) => Units.FirstOrDefault(u => u.Source == source);

    /// <summary>Sets a unit's translation, adding the unit when the source text is new.</summary>
    public void Put(TranslationUnit unit)
    {
        var index = Units.FindIndex(u => u.Source == unit.Source);
        if (index >= 0)
        {
            Units[index] = unit;
        }
        else
        {
            Units.Add(unit);
        }
    }

    /// <summary>Drops units no current source text uses (kept translations live on in the memory once reviewed).</summary>
    public void KeepOnly(IReadOnlySet<string> sources) => Units.RemoveAll(u => !sources.Contains(u.Source));
}

internal sealed class TranslationDocumentConfiguration : IEntityTypeConfiguration<TranslationDocument>
{
    public void Configure(EntityTypeBuilder<TranslationDocument> builder)
    {
        builder.ToTable("translation_documents");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.SourceCulture).HasMaxLength(35);
        builder.Property(d => d.TargetCulture).HasMaxLength(35);
        builder.Property(d => d.Units).HasJsonConversion();
        builder.Property(d => d.Provider).HasMaxLength(32);
        builder.Property(d => d.RequestedByName).HasMaxLength(256);
        builder.HasIndex(d => new { d.StoryId, d.TargetCulture }).IsUnique();
        builder.HasOne<Story>().WithMany().HasForeignKey(d => d.StoryId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.Revision).IsConcurrencyToken();
    }
}
