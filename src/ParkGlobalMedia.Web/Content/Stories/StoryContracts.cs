using Microsoft.AspNetCore.Mvc;

namespace ParkGlobalMedia.Content.Stories;

// Request and response shapes of the story API. Records so the OpenAPI document describes them exactly.

/// <summary>The per-culture text of a variant, as saved into a new version.</summary>
public sealed record VariantContent(
    string? Title,
    string? Slug,
    string? Summary,
    string? Body,
    string? SeoTitle,
    string? SeoDescription);

public sealed record CreateStoryRequest(
    string? Enterprise,
    string? SourceCulture,
    string? Category,
    IReadOnlyList<string>? Tags,
    string? Campaign,
    string? CoverAssetId,
    VariantContent? Content);

public sealed record UpdateStoryRequest(
    string? Category,
    IReadOnlyList<string>? Tags,
    string? Campaign,
    string? CoverAssetId);

public sealed record TransitionRequest(string? Action, string? Comment);

/// <summary>Null clears a time. Times are absolute instants (ISO 8601 with offset).</summary>
public sealed record ScheduleRequest(DateTimeOffset? PublishAt, DateTimeOffset? ArchiveAt);

/// <summary>List filters; bound from the query string with the lower-case names API clients use.</summary>
public sealed record StoryListQuery(
    [property: FromQuery(Name = "enterprise")] string? Enterprise,
    [property: FromQuery(Name = "culture")] string? Culture,
    [property: FromQuery(Name = "category")] string? Category,
    [property: FromQuery(Name = "tag")] string? Tag,
    [property: FromQuery(Name = "campaign")] string? Campaign,
    [property: FromQuery(Name = "state")] string? State,
    [property: FromQuery(Name = "view")] string? View,
    [property: FromQuery(Name = "sort")] string? Sort,
    [property: FromQuery(Name = "page")] int? Page,
    [property: FromQuery(Name = "pageSize")] int? PageSize,
    [property: FromQuery(Name = "q")] string? Search = null);

public sealed record CultureLink(string Culture, string Slug, string Title, string Href);

public sealed record VariantStatus(string Culture, string State, bool Live, string Title);

public sealed record StoryListItem(
    Guid StoryId,
    string Enterprise,
    string Culture,
    string Slug,
    string Title,
    string Summary,
    string Category,
    IReadOnlyList<string> Tags,
    string? Campaign,
    string? CoverAssetId,
    DateTime? PublishedAt,
    DateTime UpdatedAt,
    string? State,
    IReadOnlyList<VariantStatus> Cultures,
    string Href);

public sealed record StoryPage(IReadOnlyList<StoryListItem> Items, int Page, int PageSize, int Total);

/// <summary>A variant as readers see it: the published version, rendered.</summary>
public sealed record PublishedStory(
    Guid StoryId,
    string Enterprise,
    string Culture,
    string RequestedCulture,
    string Title,
    string Slug,
    string Summary,
    string BodyMarkdown,
    string BodyHtml,
    string Excerpt,
    int ReadingMinutes,
    string? SeoTitle,
    string? SeoDescription,
    string Category,
    IReadOnlyList<string> Tags,
    string? Campaign,
    string? CoverAssetId,
    DateTime PublishedAt,
    DateTime FirstPublishedAt,
    int Version,
    IReadOnlyList<CultureLink> Translations);

/// <summary>A variant as its editors see it: the working version plus workflow and schedule.</summary>
public sealed record WorkingStory(
    Guid StoryId,
    Guid VariantId,
    string Enterprise,
    string Culture,
    string SourceCulture,
    string State,
    VariantContent Content,
    int WorkingVersion,
    int? PublishedVersion,
    bool HasDraft,
    string Category,
    IReadOnlyList<string> Tags,
    string? Campaign,
    string? CoverAssetId,
    DateTime? PublishAt,
    DateTime? ArchiveAt,
    DateTime? PublishedAt,
    DateTime UpdatedAt,
    IReadOnlyList<string> AvailableActions,
    IReadOnlyList<VariantStatus> Cultures,
    string ETag);

public sealed record StorySummary(
    Guid StoryId,
    string Enterprise,
    string SourceCulture,
    string Category,
    IReadOnlyList<string> Tags,
    string? Campaign,
    string? CoverAssetId,
    IReadOnlyList<VariantStatus> Cultures,
    string ETag);

public sealed record VersionInfo(int Number, string Title, string Slug, string Author, DateTime CreatedAt, int? RestoredFrom, bool IsPublished, bool IsDraft);

public sealed record VersionDetail(int Number, VariantContent Content, string Author, DateTime CreatedAt, int? RestoredFrom);

public sealed record DiffLineView(string Kind, string Text, int? OldLine, int? NewLine);

public sealed record FieldDiff(string Field, string? Old, string? New);

public sealed record VersionDiff(int From, int To, IReadOnlyList<FieldDiff> ChangedFields, IReadOnlyList<DiffLineView> Body);

public sealed record TransitionInfo(string Action, string From, string To, string Actor, string? Comment, int? Version, DateTime At);
