using System.ComponentModel.DataAnnotations;

namespace ParkGlobalMedia.Sites.Findability;

/// <summary>How the public sites name themselves to search engines and feed readers.</summary>
public sealed class FindabilityOptions : IValidatableObject
{
    public const string Section = "Sites";

    /// <summary>The protocol's ceiling: a sitemap file may list at most 50,000 URLs.</summary>
    public const int MaxUrlsPerSitemap = 50_000;

    /// <summary>
    /// Absolute base of the public sites (https://parks.example.org). Set it behind a proxy or CDN: sitemaps and feeds
    /// must name the public host, not the one the request reached. Unset, the request's scheme and host are used.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>URLs per sitemap file before a site's sitemap is split into sitemap-{n}.xml parts. Lower only in tests.</summary>
    [Range(1, MaxUrlsPerSitemap)]
    public int SitemapUrlLimit { get; set; } = MaxUrlsPerSitemap;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(PublicBaseUrl))
        {
            yield break;
        }

        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") ||
            !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            yield return new ValidationResult(
                $"Sites:PublicBaseUrl must be an absolute http(s) URL without query or fragment, like https://parks.example.org (got '{PublicBaseUrl}').",
                [nameof(PublicBaseUrl)]);
        }
    }
}
