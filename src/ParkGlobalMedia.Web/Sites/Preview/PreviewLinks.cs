using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using ParkGlobalMedia.Content.Stories;

namespace ParkGlobalMedia.Sites.Preview;

public sealed class PreviewOptions
{
    public const string Section = "Sites:Preview";

    /// <summary>How long a preview link works: long enough to send to a colleague for a look, short enough to lose its use.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(2);
}

/// <summary>What a preview token turned out to be.</summary>
public enum PreviewTicketState
{
    Valid,
    Expired,
    Invalid,
}

public sealed record PreviewTicket(PreviewTicketState State, Guid StoryId = default, string Culture = "", DateTimeOffset ExpiresAt = default);

/// <summary>
/// Signed, expiring links to a draft in its site's theme: /{enterprise}/{culture}/preview/{storyId}?preview={token}.
/// The token is the story, culture and expiry protected with the platform's Data Protection keys (encrypted and
/// authenticated, shared by every instance through the database), so it cannot be forged, altered or moved to
/// another story, and anyone holding it can look until it expires: that is what sharing a preview means. The expiry
/// is checked here rather than by the time-limited protector so that an expired link can say so (410) while a
/// forged one gets the plain 404 of a page that does not exist.
/// </summary>
public sealed class PreviewLinks(IDataProtectionProvider protection, IOptions<PreviewOptions> options, TimeProvider clock) : IStoryPreviewLinks
{
    private readonly IDataProtector _protector = protection.CreateProtector("ParkGlobalMedia.Sites.Preview.v1");

    public StoryPreviewLink Create(string enterprise, Guid storyId, string culture)
    {
        var expires = clock.GetUtcNow() + options.Value.LinkLifetime;
        var token = _protector.Protect(string.Join('|', storyId.ToString("N"), culture, expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        return new StoryPreviewLink($"/{enterprise}/{culture}/preview/{storyId:N}?{SitesModule.PreviewParameter}={token}", DateTimeOffset.FromUnixTimeSeconds(expires.ToUnixTimeSeconds()));
    }

    StoryPreviewLink? IStoryPreviewLinks.Create(string enterprise, Guid storyId, string culture) => Create(enterprise, storyId, culture);

    public PreviewTicket Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2048)
        {
            return new PreviewTicket(PreviewTicketState.Invalid);
        }

        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return new PreviewTicket(PreviewTicketState.Invalid);
        }

        var parts = payload.Split('|');
        if (parts.Length != 3 || !Guid.TryParseExact(parts[0], "N", out var storyId) ||
            !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt))
        {
            return new PreviewTicket(PreviewTicketState.Invalid);
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(expiresAt);
        return new PreviewTicket(clock.GetUtcNow() < expires ? PreviewTicketState.Valid : PreviewTicketState.Expired, storyId, parts[1], expires);
    }
}
