using ParkGlobalMedia.Platform;

namespace ParkGlobalMedia.Content.Stories;

/// <summary>
/// Entity tags for optimistic concurrency. The working view of a variant shows story-level fields too, so its tag
/// combines both revisions: a change to either makes an old If-Match stale.
/// </summary>
public static class StoryETags
{
    public static string Story(Story story) => $"\"s{story.Revision}\"";

    public static string Working(Story story, StoryVariant variant) => $"\"w{story.Revision}.{variant.Revision}\"";

    /// <summary>Null when the If-Match header matches; otherwise the failure to return.</summary>
    public static Failure? CheckIfMatch(string? ifMatch, string current, string subject = "story")
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return new Failure(FailureKind.PreconditionRequired, "If-Match header required",
                $"Send the ETag you last read in an If-Match header (current: {current}), so that edits made meanwhile by someone else are not overwritten.");
        }

        var offered = ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(tag => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag);
        return offered.Any(tag => tag == "*" || tag == current)
            ? null
            : Failure.Stale($"The {subject} changed since you read it: you sent If-Match {ifMatch}, the current ETag is {current}. Reload it and apply your change again.");
    }
}
