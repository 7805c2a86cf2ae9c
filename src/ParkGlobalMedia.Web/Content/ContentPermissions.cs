using ParkGlobalMedia.Identity;

namespace ParkGlobalMedia.Content;

/// <summary>
/// Every access rule for enterprise-owned content, in one place. Admins act everywhere; enterprise roles act only
/// inside the caller's memberships; API tokens are further limited by their scopes.
/// </summary>
public static class ContentPermissions
{
    /// <summary>See unpublished work (drafts, versions, history). Callers who fail this get 404, never 403.</summary>
    public static bool CanReadDrafts(CallerContext caller, Guid enterpriseId) =>
        (caller.Allows(TokenScopes.ContentRead) || caller.Allows(TokenScopes.ContentWrite)) &&
        (caller.IsInRole(Roles.Admin) || caller.IsInRole(Roles.CentreCurator) || caller.IsMemberOf(enterpriseId));

    /// <summary>Write and edit stories, submit them, publish approved ones, archive and reopen.</summary>
    public static bool CanEdit(CallerContext caller, Guid enterpriseId) =>
        caller.Allows(TokenScopes.ContentWrite) &&
        (caller.IsInRole(Roles.Admin) || (caller.IsInRole(Roles.EnterpriseEditor) && caller.IsMemberOf(enterpriseId)));

    /// <summary>Approve or reject a variant: enterprise reviewers for all cultures, language reviewers for theirs.</summary>
    public static bool CanReview(CallerContext caller, Guid enterpriseId, string culture) =>
        caller.Allows(TokenScopes.ContentWrite) &&
        (caller.IsInRole(Roles.Admin) ||
         (caller.IsMemberOf(enterpriseId) &&
          (caller.IsInRole(Roles.EnterpriseReviewer) ||
           (caller.IsInRole(Roles.LanguageReviewer) && caller.ReviewerCultures.Contains(culture)))));

    /// <summary>Manage enterprises, their site settings and users.</summary>
    public static bool CanManagePlatform(CallerContext caller) =>
        caller.Allows(TokenScopes.Admin) && caller.IsInRole(Roles.Admin);

    /// <summary>Enterprise site settings: platform admins, and the centre's curators who run the member sites with them.</summary>
    public static bool CanManageEnterprise(CallerContext caller) =>
        caller.Allows(TokenScopes.Admin) && (caller.IsInRole(Roles.Admin) || caller.IsInRole(Roles.CentreCurator));
}
