using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Assets.Library;

/// <summary>What an update changed: a summary for the history, and whether the renditions must be rendered again.</summary>
public sealed record AssetChanges(bool RendersAgain, string Summary);

/// <summary>Validates a partial update and applies it; every problem is reported at once and nothing is applied then.</summary>
public static partial class AssetEdits
{
    public const int MaxTitle = 200;
    public const int MaxCaption = 2000;
    // Long enough for an infographic ("长图") whose alt text must carry its figures; most alt texts are one sentence.
    public const int MaxAlt = 1000;
    public const int MaxTags = 30;
    public const int MaxCollections = 20;

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();

    public static async Task<AssetChanges> ApplyAsync(AppDbContext db, Asset asset, AssetUpdateRequest request, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var changed = new List<string>();
        var texts = await ValidateTextsAsync(db, request.Texts, errors, cancellationToken);
        var tags = Normalise(request.Tags, 60, MaxTags, "tags", errors);
        var collections = Normalise(request.Collections, 100, MaxCollections, "collections", errors, lowerCase: false);
        Guid? campaignId = null;
        if (!string.IsNullOrEmpty(request.Campaign))
        {
            campaignId = await db.Campaigns.Where(c => c.Key == request.Campaign).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
            if (campaignId is null)
            {
                errors.Add("campaign", $"Campaign '{request.Campaign}' does not exist.");
            }
        }

        var licence = LicenceScope.Internal;
        if (request.Rights?.Licence is { } licenceName && !(Enum.TryParse(licenceName, ignoreCase: true, out licence) && Enum.IsDefined(licence) && !char.IsDigit(licenceName[0])))
        {
            errors.Add("rights.licence", $"Licence '{licenceName}' is not one of: internal, members, public, press.");
        }

        ValidateRights(request.Rights, errors);
        if (request.FocalPoint is { } focus && (focus.X is < 0 or > 1 || focus.Y is < 0 or > 1 || double.IsNaN(focus.X) || double.IsNaN(focus.Y)))
        {
            errors.Add("focalPoint", "The focal point is given as x and y between 0 and 1 (from the top-left corner).");
        }

        if (request.PosterSecond is { } second && (second < 0 || double.IsNaN(second) || (asset.DurationSeconds is { } duration && second > duration)))
        {
            errors.Add("posterSecond", $"The poster second must be between 0 and the video's length ({asset.DurationSeconds ?? 0:0.#} s).");
        }

        if (!errors.IsEmpty)
        {
            return new AssetChanges(false, "");
        }

        if (texts is not null)
        {
            foreach (var (culture, text) in texts)
            {
                if (text is null)
                {
                    asset.Texts.Remove(culture);
                }
                else
                {
                    asset.Texts[culture] = text;
                }
            }

            asset.Texts = new Dictionary<string, AssetText>(asset.Texts);
            changed.Add($"texts ({string.Join(", ", texts.Keys)})");
        }

        if (tags is not null)
        {
            asset.Tags.RemoveAll(t => !tags.Contains(t.Tag));
            asset.Tags.AddRange(tags.Where(t => asset.Tags.All(existing => existing.Tag != t)).Select(t => new AssetTag { AssetId = asset.Id, Tag = t }));
            changed.Add("tags");
        }

        if (collections is not null)
        {
            asset.Collections.RemoveAll(c => !collections.Contains(c.Collection));
            asset.Collections.AddRange(collections.Where(c => asset.Collections.All(existing => existing.Collection != c)).Select(c => new AssetCollectionEntry { AssetId = asset.Id, Collection = c }));
            changed.Add("collections");
        }

        if (request.Campaign is not null)
        {
            asset.CampaignId = campaignId;
            changed.Add("campaign");
        }

        if (request.Rights is { } rights)
        {
            ApplyRights(asset, rights, licence);
            changed.Add("rights");
        }

        var rendersAgain = false;
        if (request.FocalPoint is { } point && (Math.Abs(point.X - asset.FocusX) > 0.0001 || Math.Abs(point.Y - asset.FocusY) > 0.0001))
        {
            (asset.FocusX, asset.FocusY) = (point.X, point.Y);
            rendersAgain = true;
            changed.Add($"focal point ({point.X:0.###}, {point.Y:0.###})");
        }

        if (request.PosterSecond is { } poster && Math.Abs(poster - asset.PosterSecond) > 0.001)
        {
            asset.PosterSecond = poster;
            rendersAgain = asset.Kind == Uploads.AssetKind.Video || rendersAgain;
            changed.Add($"poster at {poster:0.#} s");
        }

        return new AssetChanges(rendersAgain, changed.Count == 0 ? "no change" : string.Join("; ", changed));
    }

    private static async Task<Dictionary<string, AssetText?>?> ValidateTextsAsync(AppDbContext db, Dictionary<string, AssetText?>? texts, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (texts is null)
        {
            return null;
        }

        var known = await db.Cultures.Select(c => c.Code).ToListAsync(cancellationToken);
        var result = new Dictionary<string, AssetText?>(StringComparer.Ordinal);
        foreach (var (code, text) in texts)
        {
            var culture = Culture.Normalize(code);
            if (culture is null || !known.Contains(culture))
            {
                errors.Add($"texts.{code}", $"'{code}' is not a culture enabled on this platform.");
                continue;
            }

            if (text is null)
            {
                result[culture] = null;
                continue;
            }

            var cleaned = new AssetText(Clean(text.Title), Clean(text.Caption), Clean(text.Alt));
            Check(cleaned.Title, MaxTitle, $"texts.{culture}.title", errors);
            Check(cleaned.Caption, MaxCaption, $"texts.{culture}.caption", errors);
            Check(cleaned.Alt, MaxAlt, $"texts.{culture}.alt", errors);
            result[culture] = cleaned.Title is null && cleaned.Caption is null && cleaned.Alt is null ? null : cleaned;
        }

        return result;
    }

    private static void ValidateRights(AssetRightsInput? rights, ValidationErrors errors)
    {
        if (rights is null)
        {
            return;
        }

        Check(rights.Creator, 200, "rights.creator", errors);
        Check(rights.CreditLine, 300, "rights.creditLine", errors);
        Check(rights.Copyright, 300, "rights.copyright", errors);
        Check(rights.LimitedUse, 1000, "rights.limitedUse", errors);
        foreach (var territory in rights.Territories ?? [])
        {
            if (territory is null || !CountryCode().IsMatch(territory))
            {
                errors.Add("rights.territories", $"'{territory}' is not an ISO 3166 alpha-2 country code (two capital letters, e.g. FR).");
            }
        }
    }

    private static void ApplyRights(Asset asset, AssetRightsInput rights, LicenceScope licence)
    {
        asset.Creator = rights.Creator is null ? asset.Creator : Clean(rights.Creator);
        asset.CreditLine = rights.CreditLine is null ? asset.CreditLine : Clean(rights.CreditLine);
        asset.Copyright = rights.Copyright is null ? asset.Copyright : Clean(rights.Copyright);
        asset.LimitedUse = rights.LimitedUse is null ? asset.LimitedUse : Clean(rights.LimitedUse);
        asset.Licence = rights.Licence is null ? asset.Licence : licence;
        asset.Territories = rights.Territories?.Distinct(StringComparer.Ordinal).ToList() ?? asset.Territories;
        asset.ExpiresOn = rights.ClearExpiry ? null : rights.ExpiresOn ?? asset.ExpiresOn;
        asset.ModelRelease = rights.ModelRelease ?? asset.ModelRelease;
        asset.PropertyRelease = rights.PropertyRelease ?? asset.PropertyRelease;
    }

    private static List<string>? Normalise(IReadOnlyList<string>? values, int maxLength, int maxCount, string field, ValidationErrors errors, bool lowerCase = true)
    {
        if (values is null)
        {
            return null;
        }

        var result = values.Select(v => Clean(lowerCase ? v?.ToLowerInvariant() : v)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (result.Count > maxCount)
        {
            errors.Add(field, $"At most {maxCount} {field}.");
        }

        foreach (var value in result.Where(v => v.Length > maxLength))
        {
            errors.Add(field, $"'{value[..20]}…' is longer than {maxLength} characters.");
        }

        return result;
    }

    private static void Check(string? value, int max, string field, ValidationErrors errors)
    {
        if (value is { Length: var length } && length > max)
        {
            errors.Add(field, $"At most {max} characters ({length} given).");
        }
    }

    /// <summary>Trims, drops control characters (they break exports and screen readers), and turns blank into null.</summary>
    private static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var cleaned = new string(value.Where(c => !char.IsControl(c) || c == '\n').ToArray()).Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }
}
