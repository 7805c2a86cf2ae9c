using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Assets.Delivery;
using ParkGlobalMedia.Assets.Uploads;
using ParkGlobalMedia.Content;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Assets.Library;

/// <summary>
/// Reads of the asset bank. Lists contain only what the caller may see (<see cref="AssetPermissions.CanView"/>, as a
/// query); a single asset the caller may not see is 404. Search looks in every culture's texts through the trigram index.
/// </summary>
public sealed class AssetQueries(AppDbContext db, AssetLookup lookup, CultureCatalog cultures, TimeProvider clock)
{
    public const int DefaultPageSize = 24;
    public const int MaxPageSize = 100;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<Outcome<AssetPage>> SearchAsync(CallerContext caller, AssetSearchQuery query, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        var (page, pageSize) = Paging.Read(query.Page, query.PageSize, DefaultPageSize, MaxPageSize, errors);

        var kind = ParseEnum<AssetKind>(query.Kind, "kind", errors);
        var licence = ParseEnum<LicenceScope>(query.Licence, "licence", errors);
        var sharing = ParseEnum<SharingState>(query.Sharing, "sharing", errors);
        var state = ParseEnum<ProcessingState>(query.State, "state", errors);
        string[] orientations = ["landscape", "portrait", "square", "long"];
        if (query.Orientation is not null && !orientations.Contains(query.Orientation))
        {
            errors.Add("orientation", $"Unknown orientation '{query.Orientation}'. Orientations: {string.Join(", ", orientations)}.");
        }

        if (query.Search is { Length: > 200 })
        {
            errors.Add("q", "Search for at most 200 characters.");
        }

        var culture = query.Culture is null ? "en" : (await cultures.FindAsync(query.Culture, cancellationToken))?.Code;
        if (culture is null)
        {
            errors.Add("culture", $"'{query.Culture}' is not a culture enabled on this platform.");
        }

        Guid? owner = null;
        if (query.Enterprise is not null)
        {
            var resolved = await lookup.ResolveLibraryAsync(query.Enterprise, cancellationToken);
            if (resolved.Succeeded)
            {
                owner = resolved.Value;
            }
            else
            {
                errors.Add("enterprise", resolved.Failure!.Detail);
            }
        }

        Guid? usableBy = null;
        if (query.UsableBy is not null)
        {
            var resolved = await lookup.ResolveLibraryAsync(query.UsableBy, cancellationToken);
            usableBy = resolved.Value;
            if (!resolved.Succeeded || usableBy is null)
            {
                errors.Add("usableBy", $"usableBy names an enterprise whose stories will use the asset; '{query.UsableBy}' is not one.");
            }
        }

        Guid? campaignId = null;
        if (query.Campaign is not null)
        {
            campaignId = await db.Campaigns.Where(c => c.Key == query.Campaign).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
            if (campaignId is null)
            {
                errors.Add("campaign", $"Campaign '{query.Campaign}' does not exist.");
            }
        }

        if (!errors.IsEmpty)
        {
            return errors.ToFailure();
        }

        var assets = Visible(caller);
        if (query.Enterprise is not null)
        {
            assets = assets.Where(a => a.OwnerEnterpriseId == owner);
        }

        if (usableBy is { } user)
        {
            var today = Today;
            assets = assets.Where(a => a.WithdrawnAt == null && (a.ExpiresOn == null || a.ExpiresOn >= today) &&
                                       (a.OwnerEnterpriseId == user || (a.Sharing == SharingState.Approved && a.Licence != LicenceScope.Internal)));
        }

        assets = kind is { } k ? assets.Where(a => a.Kind == k) : assets;
        assets = licence is { } l ? assets.Where(a => a.Licence == l) : assets;
        assets = sharing is { } s ? assets.Where(a => a.Sharing == s) : assets;
        assets = state is { } p ? assets.Where(a => a.Processing == p) : assets;
        assets = campaignId is { } c ? assets.Where(a => a.CampaignId == c) : assets;
        var tag = query.Tag?.ToLowerInvariant();
        assets = tag is not null ? assets.Where(a => a.Tags.Any(t => t.Tag == tag)) : assets;
        assets = query.Collection is { } collection ? assets.Where(a => a.Collections.Any(x => x.Collection == collection)) : assets;
        assets = query.Orientation switch
        {
            "long" => assets.Where(a => a.Height > a.Width * 2),
            "landscape" => assets.Where(a => a.Width > a.Height && !(a.Height > a.Width * 2)),
            "portrait" => assets.Where(a => a.Height > a.Width && !(a.Height > a.Width * 2)),
            "square" => assets.Where(a => a.Width != null && a.Width == a.Height),
            _ => assets,
        };
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            assets = AssetSearch.Matching(db, assets, query.Search);
        }

        var total = await assets.CountAsync(cancellationToken);
        var rows = await assets.OrderByDescending(a => a.CreatedAt).ThenBy(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).AsNoTracking().ToListAsync(cancellationToken);
        var ids = rows.Select(a => a.Id).ToList();
        var thumbnails = await db.AssetRenditions.AsNoTracking().Where(r => ids.Contains(r.AssetId) && r.Name == "thumb.webp")
            .ToDictionaryAsync(r => r.AssetId, cancellationToken);
        var slugs = await lookup.EnterpriseSlugsAsync(cancellationToken);
        var items = rows.Select(a => Summarise(a, culture!, slugs, thumbnails.GetValueOrDefault(a.Id), Today)).ToList();
        return new AssetPage(items, total, page, pageSize);
    }

    /// <summary>The asset as the caller may see it, or 404.</summary>
    public async Task<Outcome<AssetView>> GetAsync(CallerContext caller, Guid id, CancellationToken cancellationToken = default)
    {
        var asset = await db.Assets.AsNoTracking().Include(a => a.Tags).Include(a => a.Collections).AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (asset is null || !(AssetPermissions.CanView(caller, asset, Today) || AssetPermissions.CanCurate(caller)))
        {
            return Failure.NotFound($"Asset {id} does not exist or is not visible to you.");
        }

        var all = AssetPermissions.CanSeeAll(caller, asset) || AssetPermissions.CanCurate(caller);
        var renditions = await db.AssetRenditions.AsNoTracking().Where(r => r.AssetId == id).OrderBy(r => r.Name).ToListAsync(cancellationToken);
        var slugs = await lookup.EnterpriseSlugsAsync(cancellationToken);
        var campaign = asset.CampaignId is { } campaignId ? await db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.Key).FirstOrDefaultAsync(cancellationToken) : null;
        var today = Today;
        List<AssetUsageView>? usages = null;
        List<AssetEventView>? history = null;
        if (all)
        {
            usages = await db.AssetUsages.AsNoTracking().Where(u => u.AssetId == id).OrderBy(u => u.Since)
                .Select(u => new AssetUsageView(u.SubjectKind, u.SubjectId, u.Label, u.Role, u.Since, false)).ToListAsync(cancellationToken);
            usages = usages.Select(u => u with { Blocked = asset.IsBlocked(today) }).ToList();
            history = await db.AssetEvents.AsNoTracking().Where(e => e.AssetId == id).OrderBy(e => e.Id)
                .Select(e => new AssetEventView(e.Action, e.Comment, e.ActorName, e.At)).ToListAsync(cancellationToken);
        }

        var views = renditions.Select(r => new RenditionView(r.Name, MediaUrls.Rendition(r), r.ContentType, r.Width, r.Height, r.Length)).ToList();
        return new AssetView(
            asset.Id,
            asset.Kind.ToString(),
            asset.ContentType,
            asset.FileName,
            asset.Length,
            asset.Sha256,
            AssetLookup.OwnerName(asset, slugs),
            asset.Width,
            asset.Height,
            asset.DurationSeconds,
            asset.Orientation,
            asset.Texts,
            asset.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal).ToList(),
            asset.Collections.Select(c => c.Collection).Order(StringComparer.Ordinal).ToList(),
            campaign,
            RightsOf(asset, today),
            new FocalPointInput(asset.FocusX, asset.FocusY),
            asset.PosterSecond,
            asset.Sharing.ToString(),
            asset.SharingComment,
            ProcessingOf(asset, all),
            asset.RenditionVersion,
            views,
            MediaUrls.Srcset(renditions, "webp"),
            AssetPermissions.CanDownloadOriginal(caller, asset, today) ? MediaUrls.Original(asset) : null,
            asset.Kind == AssetKind.H5Package && asset.Processing == ProcessingState.Ready ? MediaUrls.Package(asset) : null,
            all ? asset.Facts : asset.Facts.Where(f => f.Key is "format" or "pages" or "container" or "videoCodec" or "audioCodec" or "frameRate").ToDictionary(),
            usages,
            history,
            asset.CreatedAt,
            asset.UpdatedAt,
            AssetETags.For(asset));
    }

    /// <summary>What the caller may see, as a query: <see cref="AssetPermissions.CanView"/> for whole lists.</summary>
    private IQueryable<Asset> Visible(CallerContext caller)
    {
        if (!caller.Allows(TokenScopes.ContentRead))
        {
            return db.Assets.Where(_ => false);
        }

        if (caller.IsInRole(Roles.Admin) || caller.IsInRole(Roles.CentreCurator))
        {
            return db.Assets;
        }

        var today = Today;
        var mine = caller.Enterprises.ToList();
        var member = caller.IsAuthenticated && mine.Count > 0;
        return db.Assets.Where(a =>
            (a.OwnerEnterpriseId != null && mine.Contains(a.OwnerEnterpriseId.Value)) ||
            (a.Processing == ProcessingState.Ready && a.WithdrawnAt == null && (a.ExpiresOn == null || a.ExpiresOn >= today) &&
             (a.Licence == LicenceScope.Public || a.Licence == LicenceScope.Press ||
              (member && a.Licence == LicenceScope.Members && a.Sharing == SharingState.Approved))));
    }

    public static AssetSummary Summarise(Asset asset, string culture, IReadOnlyDictionary<Guid, string> slugs, AssetRendition? thumbnail, DateOnly today)
    {
        var texts = asset.Texts;
        var title = LocalizedText.Pick(texts.Where(t => t.Value.Title is not null).ToDictionary(t => t.Key, t => t.Value.Title!), culture) ?? asset.FileName;
        var alt = LocalizedText.Pick(texts.Where(t => t.Value.Alt is not null).ToDictionary(t => t.Key, t => t.Value.Alt!), culture);
        return new AssetSummary(
            asset.Id,
            asset.Kind.ToString(),
            title,
            alt,
            asset.CreditLine,
            AssetLookup.OwnerName(asset, slugs),
            asset.Licence.ToString(),
            asset.Sharing.ToString(),
            ProcessingOf(asset, detailed: false),
            asset.Width,
            asset.Height,
            asset.Orientation,
            thumbnail is null ? null : MediaUrls.Rendition(thumbnail),
            asset.IsBlocked(today),
            asset.CreatedAt,
            $"/api/v1/assets/{asset.Id}");
    }

    private static AssetRightsView RightsOf(Asset asset, DateOnly today) =>
        new(asset.Creator, asset.CreditLine, asset.Copyright, asset.Licence.ToString(), asset.Territories, asset.ExpiresOn,
            asset.LimitedUse, asset.ModelRelease, asset.PropertyRelease, asset.IsExpired(today), asset.WithdrawnAt, asset.WithdrawnReason);

    private static AssetProcessingView ProcessingOf(Asset asset, bool detailed) =>
        new(asset.Processing.ToString(), asset.ProcessingPercent, asset.ProcessingStep, asset.Processing == ProcessingState.Failed || detailed ? asset.ProcessingError : null);

    private static T? ParseEnum<T>(string? value, string field, ValidationErrors errors)
        where T : struct, Enum
    {
        if (value is null)
        {
            return null;
        }

        if (!char.IsDigit(value[0]) && Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            return parsed;
        }

        errors.Add(field, $"Unknown {field} '{value}'. Values: {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}.");
        return null;
    }
}
