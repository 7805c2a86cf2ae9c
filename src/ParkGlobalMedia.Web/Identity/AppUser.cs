using Microsoft.AspNetCore.Identity;

namespace ParkGlobalMedia.Identity;

public sealed class AppUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    /// <summary>The admin UI's language for this person (zh-CN or en).</summary>
    public string? PreferredCulture { get; set; }

    /// <summary>For LanguageReviewer: the cultures this person reviews. Empty means none.</summary>
    public List<string> ReviewerCultures { get; set; } = [];

    public DateTime CreatedAt { get; set; }
}

public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole()
    {
    }

    public AppRole(string name) : base(name)
    {
    }
}
