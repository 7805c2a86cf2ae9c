using System.Text.RegularExpressions;

namespace ParkGlobalMedia.Markdown;

/// <summary>
/// The allow-list for every URL that reaches an <c>href</c> or <c>src</c>. Allow-listing (instead of blocking
/// <c>javascript:</c>) is the only approach that survives case tricks, entities and schemes browsers add later.
/// Markdig has already decoded entities and backslash escapes when these checks run, so <c>jav&amp;#x61;script:</c>
/// arrives here as <c>javascript:</c>.
/// </summary>
internal static partial class UrlPolicy
{
    private const string AssetPrefix = "asset:";

    /// <summary>Absolute http(s) or mailto, a relative URL, or an asset reference.</summary>
    public static bool IsAllowed(string? url) => IsWebUrl(url) || TryGetAssetId(url, out _);

    /// <summary>Absolute http(s) or mailto, or a relative path, <c>#fragment</c> or <c>?query</c>.</summary>
    public static bool IsWebUrl(string? url)
    {
        if (string.IsNullOrEmpty(url) || !HasSafeShape(url))
        {
            return false;
        }

        if (SchemeOf(url) is not { } scheme)
        {
            return true;
        }

        if (scheme.Equals("mailto", StringComparison.OrdinalIgnoreCase))
        {
            return url.Length > "mailto:".Length;
        }

        return IsAbsoluteHttp(url);
    }

    /// <summary>True for absolute http(s) URLs: the links that leave the site.</summary>
    public static bool IsAbsoluteHttp(string? url) =>
        url is not null &&
        HasSafeShape(url) &&
        Uri.TryCreate(url, UriKind.Absolute, out var uri) &&
        (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) &&
        uri.Host.Length > 0 &&
        url.AsSpan(uri.Scheme.Length).StartsWith("://", StringComparison.Ordinal); // rejects "http:host", which browsers read as relative

    public static bool TryGetAssetId(string? url, out string assetId)
    {
        assetId = "";
        if (url is null || !url.StartsWith(AssetPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var id = url[AssetPrefix.Length..];
        if (!AssetIdPattern().IsMatch(id))
        {
            return false;
        }

        assetId = id;
        return true;
    }

    // Browsers drop control characters (tab, newline) inside URLs and trim leading whitespace, which can turn a harmless
    // looking "/\t/evil" into "//evil"; they also read "\" as "/". Such URLs have no honest use, so they are refused.
    // Protocol-relative "//host" is refused too: it leaves the site without saying so, and authors can write https://.
    private static bool HasSafeShape(string url) =>
        !char.IsWhiteSpace(url[0]) &&
        !char.IsWhiteSpace(url[^1]) &&
        !url.Any(c => char.IsControl(c) || c == '\\') &&
        !url.StartsWith("//", StringComparison.Ordinal);

    // Anything before a ':' that comes ahead of the first '/', '?' or '#' is treated as a scheme, even when browsers
    // would not parse it as one ("java%0ascript:"): a stricter reading can only refuse more.
    private static string? SchemeOf(string url)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        var pathStart = url.IndexOfAny(['/', '?', '#']);
        return colon >= 0 && (pathStart < 0 || colon < pathStart) ? url[..colon] : null;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex AssetIdPattern();
}
