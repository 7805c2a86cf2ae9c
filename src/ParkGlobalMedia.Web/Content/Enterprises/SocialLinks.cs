using ParkGlobalMedia.Markdown;
using ParkGlobalMedia.Platform;

namespace ParkGlobalMedia.Content.Enterprises;

/// <summary>One of the enterprise's own profiles on an overseas network, or its website.</summary>
public sealed record SocialLink(string Network, string Url);

/// <summary>A social link as a client sends it; both parts are checked by <see cref="SocialNetworks.Validate"/>.</summary>
public sealed record SocialLinkInput(string? Network, string? Url);

/// <summary>
/// The networks an enterprise site may link to, and the rules for its list of links: a known network, an absolute
/// https URL (plain http only for the website, which some enterprises still serve that way), one link per network,
/// at most <see cref="MaxLinks"/> links of at most <see cref="MaxUrlLength"/> characters.
/// </summary>
/// <remarks>
/// The URL's host is not matched against the network: networks have several hosts (x.com and twitter.com,
/// youtube.com and youtu.be, linkedin.com and linkedin.cn, weibo.com and weibo.cn, mp.weixin.qq.com), and the page
/// only links to them — it never calls them.
/// </remarks>
public static class SocialNetworks
{
    public const string Website = "website";
    public const int MaxLinks = 12;
    public const int MaxUrlLength = 500;

    /// <summary>Keys in the order editors are offered them; the site and admin texts name each one (social.{key}).</summary>
    public static readonly IReadOnlyList<string> Known = ["linkedin", "x", "facebook", "youtube", "instagram", "tiktok", "wechat", "weibo", Website];

    /// <summary>
    /// Checks the whole list, adding an error per problem under <c>socialLinks</c> or <c>socialLinks[i].network|url</c>,
    /// and returns the links as they are to be stored (network keys lower-cased, URLs trimmed, order kept).
    /// </summary>
    public static List<SocialLink> Validate(IReadOnlyList<SocialLinkInput?>? input, ValidationErrors errors)
    {
        var links = new List<SocialLink>();
        if (input is null || input.Count == 0)
        {
            return links;
        }

        // Checked first and alone: a list this long is not an editor's mistake in one link, and its per-link errors
        // would only bury the message.
        if (input.Count > MaxLinks)
        {
            errors.Add("socialLinks", $"socialLinks has {input.Count} links; the limit is {MaxLinks}.");
            return links;
        }

        var firstOfNetwork = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < input.Count; i++)
        {
            var field = $"socialLinks[{i}]";
            var network = input[i]?.Network?.Trim().ToLowerInvariant();
            var url = input[i]?.Url?.Trim();
            if (string.IsNullOrEmpty(network))
            {
                errors.Add($"{field}.network", $"{field}.network is required; use one of {string.Join(", ", Known)}.");
            }
            else if (!Known.Contains(network))
            {
                errors.Add($"{field}.network", $"'{input[i]!.Network}' is not a network sites can link to; use one of {string.Join(", ", Known)}.");
            }
            else if (firstOfNetwork.TryGetValue(network, out var first))
            {
                errors.Add($"{field}.network", $"{field} is a second {network} link (the first is socialLinks[{first}]); a site links one profile per network.");
            }
            else
            {
                firstOfNetwork[network] = i;
            }

            if (string.IsNullOrEmpty(url))
            {
                errors.Add($"{field}.url", $"{field}.url is required: the profile's full address, like https://www.linkedin.com/company/….");
            }
            else if (url.Length > MaxUrlLength)
            {
                errors.MaxLength($"{field}.url", url, MaxUrlLength);
            }
            else if (WhyNotUsable(url, network == Website) is { } reason)
            {
                errors.Add($"{field}.url", $"{field}.url '{url}' {reason}");
            }

            links.Add(new SocialLink(network ?? "", url ?? ""));
        }

        return links;
    }

    private static string? WhyNotUsable(string url, bool isWebsite)
    {
        if (!UrlPolicy.IsAbsoluteHttp(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return isWebsite
                ? "is not an absolute http:// or https:// address."
                : "is not an absolute https:// address.";
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !isWebsite)
        {
            return "must use https:// (plain http:// is accepted only for the website).";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "must not carry a user name or password.";
        }

        return null;
    }
}
