using ParkGlobalMedia.Platform.Caching;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Content.Stories;

/// <summary>
/// One logical story: a localization set with a source culture and one <see cref="StoryVariant"/> per culture.
/// Classification (category, tags, campaign, cover) lives here rather than on each variant: it describes the story,
/// not one translation of it, and keeping it shared means a translator can never file the French text elsewhere.
/// </summary>
public sealed class Story : IHasRevision, ISiteContent
{
    public Guid Id { get; set; }
    public Guid EnterpriseId { get; set; }
    public required string SourceCulture { get; set; }
    public Guid CategoryId { get; set; }
    public Guid? CampaignId { get; set; }

    /// <summary>Asset bank id of the cover image (resolved by the asset capability).</summary>
    public string? CoverAssetId { get; set; }

    public List<StoryTag> Tags { get; set; } = [];
    public List<StoryVariant> Variants { get; set; } = [];
    public Guid CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Revision { get; set; }

    Guid ISiteContent.SiteId => EnterpriseId;
}

/// <summary>A tag on a story. A row per tag (not a JSON list) so that "stories tagged X" is an indexed query.</summary>
public sealed class StoryTag : IPublicContentPart
{
    public Guid StoryId { get; set; }
    public required string Tag { get; set; }
}

/// <summary>The workflow a variant moves through. Published content stays live while a newer draft is in review.</summary>
public enum WorkflowState
{
    Draft,
    InReview,
    Approved,
    Published,
    Archived,
}

/// <summary>One culture of a story: its workflow state, its published version and at most one draft.</summary>
public sealed class StoryVariant : IHasRevision, ISiteContent
{
    public Guid Id { get; set; }
    public Guid StoryId { get; set; }
    public Story Story { get; set; } = null!;

    /// <summary>Copied from the story so the per-site slug index and site listings need no join.</summary>
    public Guid EnterpriseId { get; set; }

    public required string Culture { get; set; }

    /// <summary>The slug of the newest version; unique per enterprise and culture.</summary>
    public required string Slug { get; set; }

    public WorkflowState State { get; set; }
    public Guid? PublishedVersionId { get; set; }
    public StoryVersion? PublishedVersion { get; set; }
    public Guid? DraftVersionId { get; set; }
    public StoryVersion? DraftVersion { get; set; }

    /// <summary>When set on an Approved variant, the scheduler publishes it at this time.</summary>
    public DateTime? PublishAt { get; set; }

    /// <summary>When set on a Published variant, the scheduler archives it at this time.</summary>
    public DateTime? ArchiveAt { get; set; }

    public DateTime? FirstPublishedAt { get; set; }
    public DateTime? PublishedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Revision { get; set; }

    /// <summary>Readers see the published version unless the variant has been archived.</summary>
    public bool IsLive => PublishedVersionId is not null && State != WorkflowState.Archived;

    Guid ISiteContent.SiteId => EnterpriseId;

    /// <summary>The version an editor works on: the draft when there is one, otherwise the published one.</summary>
    public StoryVersion? WorkingVersion => DraftVersion ?? PublishedVersion;
}

/// <summary>An immutable saved state of a variant. Every save adds one; restoring copies an old one into a new draft.</summary>
public sealed class StoryVersion
{
    public Guid Id { get; set; }
    public Guid VariantId { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    public required string Slug { get; set; }
    public string Summary { get; set; } = "";
    public string Body { get; set; } = "";
    public string? SeoTitle { get; set; }
    public string? SeoDescription { get; set; }
    public Guid AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Set when this version was made by restoring an older one.</summary>
    public int? RestoredFromNumber { get; set; }

    /// <summary>
    /// Set when a reviewer corrected the text under review (a translation reviewer fixing segments): whose text the
    /// correction answers for. The four-eyes rule compares approvers with this author, not with the corrector.
    /// </summary>
    public Guid? CorrectedFromAuthorId { get; set; }

    /// <summary>Whose text this is for the four-eyes rule: the corrected author for a review correction, else the author.</summary>
    public Guid AccountableAuthorId => CorrectedFromAuthorId ?? AuthorId;
}

/// <summary>An audit record of one workflow move: who, when, why.</summary>
public sealed class WorkflowTransition
{
    public Guid Id { get; set; }
    public Guid VariantId { get; set; }
    public WorkflowState FromState { get; set; }
    public WorkflowState ToState { get; set; }
    public required string Action { get; set; }
    public Guid? ActorId { get; set; }
    public required string ActorName { get; set; }
    public string? Comment { get; set; }
    public int? VersionNumber { get; set; }
    public DateTime At { get; set; }
}
