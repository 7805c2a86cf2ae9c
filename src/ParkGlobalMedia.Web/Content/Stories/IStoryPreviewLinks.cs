namespace ParkGlobalMedia.Content.Stories;

/// <summary>A link that shows a variant's working version in its site's real theme until it expires.</summary>
public sealed record StoryPreviewLink(string Url, DateTimeOffset ExpiresAt);

/// <summary>
/// Signed preview links for the story editor. The sites render them (Sites/Preview answers this interface), so
/// Content asks through it instead of referencing Sites — the same shape as <see cref="Enterprises.IThemeCatalog"/>.
/// </summary>
public interface IStoryPreviewLinks
{
    /// <summary>A link for someone who may read the draft now; null when this host has no public sites.</summary>
    StoryPreviewLink? Create(string enterprise, Guid storyId, string culture);
}

/// <summary>For hosts without the public sites.</summary>
public sealed class NoStoryPreviews : IStoryPreviewLinks
{
    public StoryPreviewLink? Create(string enterprise, Guid storyId, string culture) => null;
}
