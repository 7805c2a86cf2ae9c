using System.Text.RegularExpressions;

namespace ParkGlobalMedia.Markdown;

/// <summary>Finds the <c>asset:{id}</c> references in a Markdown text (images and links), for usage tracking and checks.</summary>
public static partial class AssetReferences
{
    [GeneratedRegex(@"\(\s*<?asset:([A-Za-z0-9_-]{1,64})")]
    private static partial Regex Reference();

    public static IReadOnlySet<string> Find(string? markdown) =>
        markdown is null ? new HashSet<string>() : Reference().Matches(markdown).Select(m => m.Groups[1].Value.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
}
