namespace ParkGlobalMedia.Identity;

/// <summary>
/// Platform roles. Admin and CentreCurator act across enterprises; the enterprise roles only act on enterprises the
/// user is a member of (<see cref="EnterpriseMembership"/>); LanguageReviewer is further limited to its cultures.
/// </summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string CentreCurator = "CentreCurator";
    public const string EnterpriseEditor = "EnterpriseEditor";
    public const string EnterpriseReviewer = "EnterpriseReviewer";
    public const string LanguageReviewer = "LanguageReviewer";
    public const string Influencer = "Influencer";

    public static readonly IReadOnlyList<string> All =
        [Admin, CentreCurator, EnterpriseEditor, EnterpriseReviewer, LanguageReviewer, Influencer];

    public static string? Canonical(string? role) =>
        All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
}
