using Microsoft.AspNetCore.Mvc;

namespace ParkGlobalMedia.Assets.Library;

// Request and response shapes of the asset API. Records so the OpenAPI document describes them exactly.

/// <summary>Rights and credits. In updates, a null field is left unchanged.</summary>
public sealed record AssetRightsInput(
    string? Creator,
    string? CreditLine,
    string? Copyright,
    string? Licence,
    IReadOnlyList<string>? Territories,
    DateOnly? ExpiresOn,
    string? LimitedUse,
    bool? ModelRelease,
    bool? PropertyRelease,
    bool ClearExpiry = false);

/// <summary>Where crops centre, 0..1 from the top-left of the upright image.</summary>
public sealed record FocalPointInput(double X, double Y);

/// <summary>A partial update: null fields are left unchanged; <see cref="Texts"/> replaces the given cultures only.</summary>
public sealed record AssetUpdateRequest(
    Dictionary<string, AssetText?>? Texts,
    IReadOnlyList<string>? Tags,
    IReadOnlyList<string>? Collections,
    string? Campaign,
    AssetRightsInput? Rights,
    FocalPointInput? FocalPoint,
    double? PosterSecond);

/// <summary>A reason or note for a curation step (required to reject or withdraw).</summary>
public sealed record CurationRequest(string? Comment);

/// <summary>Starts a resumable upload: the whole file's length and SHA-256 (hex), which completion verifies.</summary>
public sealed record StartUploadRequest(string? Enterprise, string? FileName, long Length, string? Sha256);

public sealed record UploadSessionView(Guid Id, string FileName, long Length, long ReceivedBytes, string Sha256, DateTime ExpiresAt, Guid? AssetId, string Href);

public sealed record RenditionView(string Name, string Url, string ContentType, int Width, int Height, long Length);

public sealed record AssetRightsView(
    string? Creator, string? CreditLine, string? Copyright, string Licence, IReadOnlyList<string> Territories,
    DateOnly? ExpiresOn, string? LimitedUse, bool ModelRelease, bool PropertyRelease, bool Expired, DateTime? WithdrawnAt, string? WithdrawnReason);

public sealed record AssetProcessingView(string State, int Percent, string? Step, string? Error);

public sealed record AssetEventView(string Action, string? Comment, string Actor, DateTime At);

public sealed record AssetUsageView(string SubjectKind, Guid SubjectId, string Label, string Role, DateTime Since, bool Blocked);

/// <summary>One asset in a list: enough for a grid tile and an asset picker.</summary>
public sealed record AssetSummary(
    Guid Id,
    string Kind,
    string Title,
    string? Alt,
    string? CreditLine,
    string Owner,
    string Licence,
    string Sharing,
    AssetProcessingView Processing,
    int? Width,
    int? Height,
    string Orientation,
    string? ThumbnailUrl,
    bool Blocked,
    DateTime CreatedAt,
    string Href);

/// <summary>The whole asset as the caller may see it (facts, history and the original only for its team and the centre).</summary>
public sealed record AssetView(
    Guid Id,
    string Kind,
    string ContentType,
    string FileName,
    long Length,
    string Sha256,
    string Owner,
    int? Width,
    int? Height,
    double? DurationSeconds,
    string Orientation,
    IReadOnlyDictionary<string, AssetText> Texts,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Collections,
    string? Campaign,
    AssetRightsView Rights,
    FocalPointInput FocalPoint,
    double PosterSecond,
    string Sharing,
    string? SharingComment,
    AssetProcessingView Processing,
    int RenditionVersion,
    IReadOnlyList<RenditionView> Renditions,
    string? Srcset,
    string? OriginalUrl,
    string? PackageUrl,
    IReadOnlyDictionary<string, string>? Facts,
    IReadOnlyList<AssetUsageView>? Usages,
    IReadOnlyList<AssetEventView>? History,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    string ETag);

public sealed record AssetPage(IReadOnlyList<AssetSummary> Items, int Total, int Page, int PageSize);

/// <summary>Search and filters; bound from the query string with the lower-case names API clients use.</summary>
public sealed record AssetSearchQuery(
    [property: FromQuery(Name = "q")] string? Search,
    [property: FromQuery(Name = "enterprise")] string? Enterprise,
    [property: FromQuery(Name = "kind")] string? Kind,
    [property: FromQuery(Name = "orientation")] string? Orientation,
    [property: FromQuery(Name = "licence")] string? Licence,
    [property: FromQuery(Name = "sharing")] string? Sharing,
    [property: FromQuery(Name = "tag")] string? Tag,
    [property: FromQuery(Name = "collection")] string? Collection,
    [property: FromQuery(Name = "campaign")] string? Campaign,
    [property: FromQuery(Name = "state")] string? State,
    [property: FromQuery(Name = "usableBy")] string? UsableBy,
    [property: FromQuery(Name = "culture")] string? Culture,
    [property: FromQuery(Name = "page")] int? Page,
    [property: FromQuery(Name = "pageSize")] int? PageSize);
