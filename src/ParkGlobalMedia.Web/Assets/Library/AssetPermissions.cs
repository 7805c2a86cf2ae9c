using ParkGlobalMedia.Identity;

namespace ParkGlobalMedia.Assets.Library;

/// <summary>
/// Every access rule of the asset bank, in one place. The owner's team and the centre see everything of a library;
/// others see what its licence scope and the shared bank allow. Assets a caller may not see answer 404, never 403.
/// </summary>
public static class AssetPermissions
{
    private static bool IsCentre(CallerContext caller) => caller.IsInRole(Roles.Admin) || caller.IsInRole(Roles.CentreCurator);

    private static bool IsOwnerTeam(CallerContext caller, Asset asset) =>
        asset.OwnerEnterpriseId is { } owner ? caller.IsMemberOf(owner) : IsCentre(caller);

    /// <summary>A club member: someone with an enterprise membership or a centre role.</summary>
    private static bool IsMember(CallerContext caller) => caller.IsAuthenticated && (caller.Enterprises.Count > 0 || IsCentre(caller));

    /// <summary>Everything about the asset, in every state: metadata incl. GPS, history, the original, processing errors.</summary>
    public static bool CanSeeAll(CallerContext caller, Asset asset) =>
        caller.Allows(TokenScopes.ContentRead) && (IsCentre(caller) || IsOwnerTeam(caller, asset));

    /// <summary>
    /// See the asset and fetch its renditions. Outside the owner's team and the centre: public and press assets for
    /// anyone (sites, partner apps), member-scope assets for members once the centre approved them into the shared
    /// bank; never an expired, withdrawn or unprocessed one.
    /// </summary>
    public static bool CanView(CallerContext caller, Asset asset, DateOnly today)
    {
        if (CanSeeAll(caller, asset))
        {
            return true;
        }

        if (asset.IsBlocked(today) || asset.Processing != ProcessingState.Ready)
        {
            return false;
        }

        return asset.Licence switch
        {
            LicenceScope.Public or LicenceScope.Press => true,
            LicenceScope.Members => asset.Sharing == SharingState.Approved && IsMember(caller) && caller.Allows(TokenScopes.ContentRead),
            _ => false,
        };
    }

    /// <summary>The original file. Press originals go to journalists through media-kit links, not to everyone who sees the rendition.</summary>
    public static bool CanDownloadOriginal(CallerContext caller, Asset asset, DateOnly today) =>
        CanSeeAll(caller, asset) || (asset.Licence != LicenceScope.Press && CanView(caller, asset, today));

    /// <summary>Upload into a library: the enterprise's editors, or for the centre's own library its curators; admins everywhere.</summary>
    public static bool CanUpload(CallerContext caller, Guid? enterpriseId) =>
        caller.Allows(TokenScopes.ContentWrite) &&
        (caller.IsInRole(Roles.Admin) ||
         (enterpriseId is { } id ? caller.IsInRole(Roles.EnterpriseEditor) && caller.IsMemberOf(id) : caller.IsInRole(Roles.CentreCurator)));

    /// <summary>Edit metadata and rights, submit to the shared bank, withdraw, delete: the owning library's editors.</summary>
    public static bool CanManage(CallerContext caller, Asset asset) => CanUpload(caller, asset.OwnerEnterpriseId);

    /// <summary>Approve or reject submissions, tag and group the shared bank, withdraw anything: the centre.</summary>
    public static bool CanCurate(CallerContext caller) =>
        caller.Allows(TokenScopes.ContentWrite) && (caller.IsInRole(Roles.Admin) || caller.IsInRole(Roles.CentreCurator));

    /// <summary>
    /// May an enterprise newly place the asset in its stories (and later posts and kits)? Its own assets and the
    /// approved shared bank within licence, never a blocked one.
    /// </summary>
    public static string? WhyNotUsable(Asset asset, Guid enterpriseId, DateOnly today)
    {
        if (asset.WithdrawnAt is not null)
        {
            return $"Asset {asset.Id} was withdrawn{(asset.WithdrawnReason is { } reason ? $": {reason}" : "")}.";
        }

        if (asset.IsExpired(today))
        {
            return $"The licence of asset {asset.Id} expired on {asset.ExpiresOn:yyyy-MM-dd}; it cannot be newly used.";
        }

        if (asset.OwnerEnterpriseId == enterpriseId)
        {
            return null;
        }

        if (asset.Sharing != SharingState.Approved)
        {
            return $"Asset {asset.Id} belongs to another library and is not in the shared bank.";
        }

        return asset.Licence == LicenceScope.Internal ? $"Asset {asset.Id} is licensed for its owner's internal use only." : null;
    }
}
