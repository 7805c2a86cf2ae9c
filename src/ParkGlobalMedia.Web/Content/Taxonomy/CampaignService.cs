using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Content.Stories;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Content.Taxonomy;

public sealed record CampaignInput(string? Key, Dictionary<string, string>? Names, DateOnly? StartsOn, DateOnly? EndsOn, string? Hashtag, string? Owner);

/// <summary>
/// Campaigns (annual events, IP). The centre's campaigns (no owner) are run by curators and admins; an enterprise's
/// own campaigns by its editors. Validation is shared by the API, the admin page and recipes.
/// </summary>
public sealed partial class CampaignService(AppDbContext db, CultureCatalog cultures)
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KeyPattern();

    // A hashtag as the networks accept it: '#' then letters (any script), digits or underscores.
    [GeneratedRegex(@"^#[\p{L}\p{N}_]{1,99}$")]
    private static partial Regex HashtagPattern();

    public async Task<Outcome<Campaign>> SaveAsync(CallerContext caller, string? existingKey, CampaignInput input, string? ifMatch, CancellationToken cancellationToken = default)
    {
        Campaign? campaign = null;
        if (existingKey is not null)
        {
            campaign = await db.Campaigns.FirstOrDefaultAsync(c => c.Key == existingKey, cancellationToken);
            if (campaign is null)
            {
                return Failure.NotFound($"Campaign '{existingKey}' does not exist.");
            }

            if (!CanManage(caller, campaign.OwnerEnterpriseId))
            {
                return Failure.Forbidden("Only the campaign's owner (its enterprise's editors, or the centre's curators) may change it.");
            }

            if (StoryETags.CheckIfMatch(ifMatch, ETag(campaign)) is { } stale)
            {
                return stale;
            }
        }

        var (owner, errors) = await ValidateAsync(input with { Key = existingKey ?? input.Key }, isNew: campaign is null, cancellationToken);
        if (!errors.IsEmpty)
        {
            return errors.ToFailure();
        }

        if (!CanManage(caller, owner) || (campaign is not null && campaign.OwnerEnterpriseId != owner && !CanManage(caller, null)))
        {
            return Failure.Forbidden(owner is null
                ? "Centre campaigns are created by the centre's curators and admins."
                : $"Only editors of '{input.Owner}' may create its campaigns.");
        }

        campaign ??= db.Campaigns.Add(new Campaign { Id = Guid.CreateVersion7(), Key = input.Key! }).Entity;
        Apply(campaign, input, owner);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Stale("Someone else changed this campaign at the same moment; reload and try again.");
        }

        return campaign;
    }

    public static string ETag(Campaign campaign) => $"\"c{campaign.Revision}\"";

    public static bool CanManage(CallerContext caller, Guid? ownerEnterpriseId) =>
        ownerEnterpriseId is { } owner
            ? ContentPermissions.CanEdit(caller, owner)
            : caller.Allows(TokenScopes.ContentWrite) && (caller.IsInRole(Roles.Admin) || caller.IsInRole(Roles.CentreCurator));

    /// <summary>Checks everything at once; returns the owner's id (null for the centre) when valid.</summary>
    internal async Task<(Guid? Owner, ValidationErrors Errors)> ValidateAsync(CampaignInput input, bool isNew, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (isNew)
        {
            if (input.Key is null || input.Key.Length > 80 || !KeyPattern().IsMatch(input.Key))
            {
                errors.Add("key", "key must be lowercase ASCII letters and digits separated by single hyphens, at most 80 characters.");
            }
            else if (input.Key == "new")
            {
                errors.Add("key", "'new' is reserved.");
            }
            else if (await db.Campaigns.AnyAsync(c => c.Key == input.Key, cancellationToken))
            {
                errors.Add("key", $"A campaign with key '{input.Key}' exists already.");
            }
        }

        var enabled = (await cultures.AllAsync(cancellationToken)).Select(c => c.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (input.Names is not { Count: > 0 } || input.Names.Values.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add("names", "names needs a name per culture, at least one.");
        }

        foreach (var (culture, name) in input.Names ?? [])
        {
            if (!enabled.Contains(culture))
            {
                errors.Add("names", $"names has text for '{culture}', which is not a culture enabled on this platform.");
            }

            errors.MaxLength($"names.{culture}", name, 200);
        }

        if (input.StartsOn is null || input.EndsOn is null)
        {
            errors.Add("startsOn", "startsOn and endsOn are required (yyyy-MM-dd).");
        }
        else if (input.EndsOn < input.StartsOn)
        {
            errors.Add("endsOn", $"The campaign ends ({input.EndsOn:yyyy-MM-dd}) before it starts ({input.StartsOn:yyyy-MM-dd}).");
        }

        if (!string.IsNullOrEmpty(input.Hashtag) && !HashtagPattern().IsMatch(input.Hashtag))
        {
            errors.Add("hashtag", $"'{input.Hashtag}' is not a hashtag: '#' followed by letters, digits or '_' (no spaces).");
        }

        Guid? owner = null;
        if (!string.IsNullOrEmpty(input.Owner))
        {
            owner = await db.Enterprises.Where(e => e.Slug == input.Owner).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(cancellationToken);
            if (owner is null)
            {
                errors.Add("owner", $"Enterprise '{input.Owner}' does not exist.");
            }
        }

        return (owner, errors);
    }

    internal static void Apply(Campaign campaign, CampaignInput input, Guid? owner)
    {
        campaign.Names = new Dictionary<string, string>(input.Names!);
        campaign.StartsOn = input.StartsOn!.Value;
        campaign.EndsOn = input.EndsOn!.Value;
        campaign.Hashtag = string.IsNullOrEmpty(input.Hashtag) ? null : input.Hashtag;
        campaign.OwnerEnterpriseId = owner;
    }
}
