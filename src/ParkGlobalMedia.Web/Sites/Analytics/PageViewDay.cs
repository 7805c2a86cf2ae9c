using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParkGlobalMedia.Content.Stories;

namespace ParkGlobalMedia.Sites.Analytics;

/// <summary>
/// How often one story was read in one culture on one UTC day. Only the number is kept: no visitor, IP, cookie or
/// user agent is stored anywhere, so there is nothing personal to consent to, export or delete.
/// </summary>
public sealed class PageViewDay
{
    public Guid StoryId { get; set; }
    public string Culture { get; set; } = "";
    public DateOnly Day { get; set; }
    public long Views { get; set; }
}

internal sealed class PageViewDayConfiguration : IEntityTypeConfiguration<PageViewDay>
{
    public void Configure(EntityTypeBuilder<PageViewDay> builder)
    {
        builder.ToTable("page_view_days");
        // StoryId leads the key: both queries (totals for a page of stories, one story's days) are key-range scans.
        builder.HasKey(v => new { v.StoryId, v.Culture, v.Day });
        builder.Property(v => v.Culture).HasMaxLength(PageViewRecorder.MaxCultureLength);
        builder.HasOne<Story>().WithMany().HasForeignKey(v => v.StoryId).OnDelete(DeleteBehavior.Cascade);
    }
}
