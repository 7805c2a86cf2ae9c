using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParkGlobalMedia.Content.Stories;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Translation.Jobs;

public enum JobState
{
    Queued,
    Running,

    /// <summary>Every target was written (or, for manual translation, prepared for the translator).</summary>
    Completed,

    /// <summary>At least one target could not be finished; each target says why. What was translated is kept.</summary>
    Failed,
}

public enum TargetState
{
    Queued,
    Translating,

    /// <summary>The target variant has a new draft version with the whole translation.</summary>
    Written,

    /// <summary>Nothing needed translating: the variant already has the translation of this source.</summary>
    UpToDate,

    /// <summary>Manual translation: the review editor is ready; a person types the segments memory did not cover.</summary>
    AwaitingTranslator,

    /// <summary>Translated, but the story refuses the text as it is (an SEO title over its limit): a person edits it in the review editor.</summary>
    NeedsEdit,

    Failed,
}

/// <summary>
/// Progress and outcome for one target culture of a job. Counts are of distinct source texts.
/// </summary>
/// <param name="Segments">Source texts in the story.</param>
/// <param name="Kept">Already translated in the target's document (unchanged since the last translation, or edited by a person).</param>
/// <param name="FromMemory">Exact translation-memory matches reused without a provider.</param>
/// <param name="Machine">Translated by the provider in this job.</param>
/// <param name="Characters">Characters sent to the provider for this culture.</param>
public sealed record JobTarget(
    string Culture,
    TargetState State,
    int Segments = 0,
    int Kept = 0,
    int FromMemory = 0,
    int Machine = 0,
    long Characters = 0,
    int? WrittenVersion = null,
    string? Message = null)
{
    public bool IsFinished => State is TargetState.Written or TargetState.UpToDate or TargetState.AwaitingTranslator or TargetState.NeedsEdit or TargetState.Failed;

    /// <summary>Segments with a translation so far, for a progress bar.</summary>
    public int Done => Kept + FromMemory + Machine;
}

/// <summary>
/// "Translate this story into these cultures with this provider", asked by an editor and run in the background by
/// <see cref="TranslationJobRunner"/>. The row is the queue: it survives restarts, and a claim is a compare-and-set on
/// its revision, so two instances never run the same job.
/// </summary>
public sealed class TranslationJob : IHasRevision
{
    public Guid Id { get; set; }
    public Guid StoryId { get; set; }
    public Guid EnterpriseId { get; set; }
    public required string SourceCulture { get; set; }
    public required string Provider { get; set; }
    public List<JobTarget> Targets { get; set; } = [];

    /// <summary>Write over target variants that have text this workflow did not write (kept in their history).</summary>
    public bool ReplaceExisting { get; set; }

    public JobState State { get; set; }

    /// <summary>The source version the job was asked for; a later one is followed if the source changes mid-job.</summary>
    public int SourceVersionNumber { get; set; }

    public Guid RequestedById { get; set; }
    public required string RequestedByName { get; set; }

    public long CharactersSent { get; set; }
    public int Calls { get; set; }
    public string? Message { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }

    /// <summary>Touched while running; a Running job whose heartbeat stopped (its instance died) is queued again.</summary>
    public DateTime? HeartbeatAt { get; set; }

    public DateTime? FinishedAt { get; set; }
    public long Revision { get; set; }

    public bool IsFinished => State is JobState.Completed or JobState.Failed;

    public void Update(string culture, Func<JobTarget, JobTarget> change)
    {
        var index = Targets.FindIndex(t => t.Culture == culture);
        Targets[index] = change(Targets[index]);
    }
}

internal sealed class TranslationJobConfiguration : IEntityTypeConfiguration<TranslationJob>
{
    public void Configure(EntityTypeBuilder<TranslationJob> builder)
    {
        builder.ToTable("translation_jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.SourceCulture).HasMaxLength(35);
        builder.Property(j => j.Provider).HasMaxLength(32);
        builder.Property(j => j.Targets).HasJsonConversion();
        builder.Property(j => j.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.RequestedByName).HasMaxLength(256);
        builder.Property(j => j.Message).HasMaxLength(4000);
        builder.HasIndex(j => new { j.State, j.CreatedAt });
        builder.HasIndex(j => new { j.StoryId, j.CreatedAt });
        builder.HasOne<Story>().WithMany().HasForeignKey(j => j.StoryId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(j => j.Revision).IsConcurrencyToken();
    }
}
