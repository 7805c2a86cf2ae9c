using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ParkGlobalMedia.Platform.Cultures;

/// <summary>A culture the platform publishes in (BCP 47 code such as zh-CN, en, es-MX, ar).</summary>
public sealed class Culture : ParkGlobalMedia.Platform.Caching.IPublicContent
{
    public required string Code { get; set; }
    public required string EnglishName { get; set; }
    public required string NativeName { get; set; }
    public bool IsRightToLeft { get; set; }
    public int SortOrder { get; set; }

    /// <summary>Normalises user input ("ZH-cn", "zh_CN") to the canonical code, or null when it is not a real culture.</summary>
    public static string? Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 35)
        {
            return null;
        }

        try
        {
            var culture = CultureInfo.GetCultureInfo(code.Trim().Replace('_', '-'), predefinedOnly: true);
            return culture.Name.Length == 0 ? null : culture.Name;
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }
}

internal sealed class CultureConfiguration : IEntityTypeConfiguration<Culture>
{
    public void Configure(EntityTypeBuilder<Culture> builder)
    {
        builder.ToTable("cultures");
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(35);
        builder.Property(c => c.EnglishName).HasMaxLength(100);
        builder.Property(c => c.NativeName).HasMaxLength(100);
    }
}
