using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ParkGlobalMedia.Platform.Settings;

/// <summary>
/// Platform-wide settings set by recipes and admins (the centre portal's name, default culture, fallback chain).
/// Key/JSON rows, because each capability owns its own small settings and none is queried by value.
/// </summary>
public sealed class PlatformSetting
{
    public required string Key { get; set; }
    public required string Value { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class PlatformSettingConfiguration : IEntityTypeConfiguration<PlatformSetting>
{
    public void Configure(EntityTypeBuilder<PlatformSetting> builder)
    {
        builder.ToTable("platform_settings");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(100);
    }
}
