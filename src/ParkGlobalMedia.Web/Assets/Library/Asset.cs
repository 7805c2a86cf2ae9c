using ParkGlobalMedia.Assets.Uploads;
using ParkGlobalMedia.Platform.Caching;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Assets.Library;

/// <summary>Who may see and use an asset, from narrowest to widest. Set by the owner; the curator cannot widen it.</summary>
public enum LicenceScope
{
    /// <summary>Only the owner's team and the centre.</summary>
    Internal,

    /// <summary>Every club member, once the centre has approved it into the shared bank.</summary>
    Members,

    /// <summary>Anyone: public sites, social posts, partner apps.</summary>
    Public,

    /// <summary>Renditions are public; the original goes to journalists through a media-kit link.</summary>
    Press,
}

/// <summary>Where an asset stands with the provincial shared bank.</summary>
public enum SharingState
{
    /// <summary>In its owner's library only.</summary>
    Private,
    Submitted,
    Approved,
    Rejected,
}

/// <summary>Background processing (probe, metadata, renditions) after upload.</summary>
public enum ProcessingState
{
    Pending,
    Processing,
    Ready,
    Failed,
}

/// <summary>Title, caption and alt text in one culture.</summary>
public sealed record AssetText(string? Title, string? Caption, string? Alt);

/// <summary>
/// One file in the asset bank: the stored original, what was learned from it, how it may be used and where it stands
/// with the shared bank. An asset belongs to one library: an enterprise's, or the centre's own (no enterprise).
/// </summary>
public sealed class Asset : IHasRevision, IPublicContent
{
    /// <summary>The library key of the centre's own assets (<see cref="OwnerEnterpriseId"/> is null).</summary>
    public const string CentreLibrary = "centre";

    public Guid Id { get; set; }

    /// <summary>The owning enterprise; null for the centre's own assets.</summary>
    public Guid? OwnerEnterpriseId { get; set; }

    /// <summary>The owner as a non-null key ("centre" or the enterprise id), so "same bytes, same library" is a unique index.</summary>
    public required string Library { get; set; }

    public AssetKind Kind { get; set; }
    public required string ContentType { get; set; }
    public required string Extension { get; set; }

    /// <summary>The uploader's file name, cleaned (see <see cref="FileNames"/>); shown, never used as a path.</summary>
    public required string FileName { get; set; }

    public long Length { get; set; }
    public required string Sha256 { get; set; }
    public required string OriginalKey { get; set; }

    public int? Width { get; set; }
    public int? Height { get; set; }
    public double? DurationSeconds { get; set; }

    /// <summary>What was read from the file (EXIF/IPTC/XMP, ffprobe): shown to the owner; GPS never leaves the owner's view.</summary>
    public Dictionary<string, string> Facts { get; set; } = [];

    public Dictionary<string, AssetText> Texts { get; set; } = [];
    public List<AssetTag> Tags { get; set; } = [];
    public List<AssetCollectionEntry> Collections { get; set; } = [];
    public Guid? CampaignId { get; set; }

    public string? Creator { get; set; }
    public string? CreditLine { get; set; }
    public string? Copyright { get; set; }
    public LicenceScope Licence { get; set; }
    public List<string> Territories { get; set; } = [];
    public DateOnly? ExpiresOn { get; set; }
    public string? LimitedUse { get; set; }
    public bool ModelRelease { get; set; }
    public bool PropertyRelease { get; set; }
    public DateTime? WithdrawnAt { get; set; }
    public string? WithdrawnReason { get; set; }

    /// <summary>Where crops centre, 0..1 from the top-left. Editing it renders the crops again under a new <see cref="RenditionVersion"/>.</summary>
    public double FocusX { get; set; } = 0.5;
    public double FocusY { get; set; } = 0.5;

    /// <summary>Video: the second the poster frame is taken at.</summary>
    public double PosterSecond { get; set; } = 1;

    public SharingState Sharing { get; set; }
    public string? SharingComment { get; set; }

    public ProcessingState Processing { get; set; }

    /// <summary>0–100, for progress bars.</summary>
    public int ProcessingPercent { get; set; }

    public string? ProcessingStep { get; set; }
    public string? ProcessingError { get; set; }
    public int ProcessingAttempts { get; set; }

    /// <summary>A worker's lease: another instance may take the asset over only after this time passes.</summary>
    public DateTime? ProcessingLeaseUntil { get; set; }

    /// <summary>Part of every rendition URL, so URLs can be cached forever and still change when renditions do.</summary>
    public int RenditionVersion { get; set; } = 1;

    /// <summary>Lower-cased titles, captions, alt texts, tags, file name and credits of every culture: what search looks in.</summary>
    public string SearchText { get; set; } = "";

    public Guid CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Revision { get; set; }

    public bool IsExpired(DateOnly today) => ExpiresOn is { } expires && expires < today;

    /// <summary>Expired or withdrawn: may not be newly used, is hidden from readers, and is reported where it is used.</summary>
    public bool IsBlocked(DateOnly today) => WithdrawnAt is not null || IsExpired(today);

    public string Orientation => (Width, Height) switch
    {
        (int w, int h) when h > w * 2 => "long",
        (int w, int h) when w > h => "landscape",
        (int w, int h) when h > w => "portrait",
        (int, int) => "square",
        _ => "none",
    };
}

/// <summary>A keyword; a row per tag so "assets tagged X" is an indexed query.</summary>
public sealed class AssetTag : IPublicContent
{
    public Guid AssetId { get; set; }
    public required string Tag { get; set; }
}

/// <summary>Membership in a curated collection ("Hunan manufacturing", "Campus ambassadors 2026").</summary>
public sealed class AssetCollectionEntry : IPublicContent
{
    public Guid AssetId { get; set; }
    public required string Collection { get; set; }
}

/// <summary>
/// A rendered derivative: a preset image size, a poster, a web video. Cached in storage under <see cref="Key"/>.
/// Not public content by itself: a run stores twenty of these, and readers see them only once the asset is Ready —
/// the pipeline bumps the content generation once then, instead of once per rendition.
/// </summary>
public sealed class AssetRendition
{
    public Guid AssetId { get; set; }

    /// <summary>"w640.webp", "og.jpg", "web.mp4"…: the last URL segment.</summary>
    public required string Name { get; set; }

    public int Version { get; set; }
    public required string Key { get; set; }
    public required string ContentType { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public long Length { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>One line of an asset's history: uploaded, edited, submitted, approved, rejected, withdrawn, processed…</summary>
public sealed class AssetEvent
{
    public long Id { get; set; }
    public Guid AssetId { get; set; }
    public required string Action { get; set; }
    public string? Comment { get; set; }
    public Guid? ActorId { get; set; }
    public required string ActorName { get; set; }
    public DateTime At { get; set; }
}

/// <summary>A place an asset is used (a story's cover or body; later posts and media kits), kept current by those capabilities.</summary>
public sealed class AssetUsage
{
    public Guid AssetId { get; set; }

    /// <summary>"story", "post", "media-kit".</summary>
    public required string SubjectKind { get; set; }

    public Guid SubjectId { get; set; }
    public Guid EnterpriseId { get; set; }

    /// <summary>What a person recognises the place by (the story title).</summary>
    public required string Label { get; set; }

    /// <summary>"cover", "body".</summary>
    public required string Role { get; set; }

    public DateTime Since { get; set; }
}
