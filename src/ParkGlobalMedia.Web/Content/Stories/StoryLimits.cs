namespace ParkGlobalMedia.Content.Stories;

/// <summary>Field limits, enforced by validation with a precise message before anything reaches the database.</summary>
public static class StoryLimits
{
    public const int TitleLength = 200;
    public const int SummaryLength = 1000;
    public const int SeoTitleLength = 70;
    public const int SeoDescriptionLength = 300;
    public const int CommentLength = 2000;
    public const int MaxTags = 20;

    /// <summary>About 60 pages of Chinese text: far above a real story, low enough that one request cannot bloat the store.</summary>
    public const int BodyLength = 200_000;
}
