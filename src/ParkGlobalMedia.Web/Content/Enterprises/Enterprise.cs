using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParkGlobalMedia.Platform.Caching;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Content.Enterprises;

/// <summary>A member enterprise of the club, and the settings of its overseas site.</summary>
public sealed class Enterprise : IHasRevision, ISiteContent
{
    public Guid Id { get; set; }

    /// <summary>URL segment of the enterprise's site (/{slug}/{culture}/).</summary>
    public required string Slug { get; set; }

    public Dictionary<string, string> Names { get; set; } = [];
    public Dictionary<string, string> Park { get; set; } = [];
    public Dictionary<string, string> IndustryChain { get; set; } = [];
    public Dictionary<string, string> Profile { get; set; } = [];

    /// <summary>Cultures the site publishes in, in display order.</summary>
    public List<string> Cultures { get; set; } = [];

    public required string DefaultCulture { get; set; }

    /// <summary>
    /// Extra fallbacks per requested culture (es-MX → [es, en]). Cultures not listed fall back to their neutral
    /// parent, then to <see cref="DefaultCulture"/>; see <see cref="CultureFallback"/>.
    /// </summary>
    public Dictionary<string, List<string>> FallbackChain { get; set; } = [];

    public string Theme { get; set; } = "default";

    /// <summary>The enterprise's profiles on overseas networks and its website, in the order the site lists them.</summary>
    public List<SocialLink> SocialLinks { get; set; } = [];

    public string? CustomHost { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Revision { get; set; }

    Guid ISiteContent.SiteId => Id;

    public string DisplayName(string culture) => LocalizedText.Pick(Names, culture, DefaultCulture) ?? Slug;
}

internal sealed class EnterpriseConfiguration : IEntityTypeConfiguration<Enterprise>
{
    public void Configure(EntityTypeBuilder<Enterprise> builder)
    {
        builder.ToTable("enterprises");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Slug).HasMaxLength(80);
        builder.HasIndex(e => e.Slug).IsUnique();
        builder.Property(e => e.Names).HasJsonConversion();
        builder.Property(e => e.Park).HasJsonConversion();
        builder.Property(e => e.IndustryChain).HasJsonConversion();
        builder.Property(e => e.Profile).HasJsonConversion();
        builder.Property(e => e.Cultures).HasJsonConversion();
        builder.Property(e => e.FallbackChain).HasJsonConversion();
        builder.Property(e => e.SocialLinks).HasJsonConversion();
        builder.Property(e => e.DefaultCulture).HasMaxLength(35);
        builder.Property(e => e.Theme).HasMaxLength(60);
        builder.Property(e => e.CustomHost).HasMaxLength(253);
        builder.HasIndex(e => e.CustomHost).IsUnique();
        builder.Property(e => e.Revision).IsConcurrencyToken();
    }
}
