using ParkGlobalMedia.Content.Enterprises;
using ParkGlobalMedia.Platform.Cultures;

namespace ParkGlobalMedia.Identity.Admin;

/// <summary>What the roles/enterprises/cultures checkboxes show for one person (or for a new one).</summary>
public sealed record AccessFields(
    string IdPrefix,
    IReadOnlyList<string> Roles,
    IReadOnlyList<Guid> EnterpriseIds,
    IReadOnlyList<string> ReviewerCultures,
    IReadOnlyList<Enterprise> AllEnterprises,
    IReadOnlyList<Culture> AllCultures);
