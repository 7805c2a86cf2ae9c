using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Assets.Library;
using ParkGlobalMedia.Assets.Uploads;
using ParkGlobalMedia.Content.Enterprises;
using ParkGlobalMedia.Content.Stories;
using ParkGlobalMedia.Content.Taxonomy;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform.Caching;
using ParkGlobalMedia.Platform.Cultures;
using ParkGlobalMedia.Platform.Security;
using ParkGlobalMedia.Platform.Settings;
using ParkGlobalMedia.Sites.Analytics;

namespace ParkGlobalMedia.Platform.Data;

/// <summary>
/// The one database context. Each capability owns its entities and their <c>IEntityTypeConfiguration</c>; this class
/// only exposes the sets and picks up every configuration in the assembly.
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<AppUser, AppRole, Guid>(options)
{
    public DbSet<Culture> Cultures => Set<Culture>();
    public DbSet<PlatformSetting> Settings => Set<PlatformSetting>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ContentGenerationRow> ContentGeneration => Set<ContentGenerationRow>();
    public DbSet<ContentScopeRow> ContentScopes => Set<ContentScopeRow>();
    public DbSet<Enterprise> Enterprises => Set<Enterprise>();
    public DbSet<EnterpriseMembership> EnterpriseMemberships => Set<EnterpriseMembership>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<Story> Stories => Set<Story>();
    public DbSet<StoryTag> StoryTags => Set<StoryTag>();
    public DbSet<StoryVariant> StoryVariants => Set<StoryVariant>();
    public DbSet<StoryVersion> StoryVersions => Set<StoryVersion>();
    public DbSet<WorkflowTransition> WorkflowTransitions => Set<WorkflowTransition>();
    public DbSet<Asset> Assets => Set<Asset>();
    public DbSet<AssetTag> AssetTags => Set<AssetTag>();
    public DbSet<AssetCollectionEntry> AssetCollections => Set<AssetCollectionEntry>();
    public DbSet<AssetRendition> AssetRenditions => Set<AssetRendition>();
    public DbSet<AssetEvent> AssetEvents => Set<AssetEvent>();
    public DbSet<AssetUsage> AssetUsages => Set<AssetUsage>();
    public DbSet<UploadSession> UploadSessions => Set<UploadSession>();
    public DbSet<PageViewDay> PageViewDays => Set<PageViewDay>();
    public DbSet<ParkGlobalMedia.Translation.Glossary.Term> GlossaryTerms => Set<ParkGlobalMedia.Translation.Glossary.Term>();
    public DbSet<ParkGlobalMedia.Translation.Memory.MemoryUnit> MemoryUnits => Set<ParkGlobalMedia.Translation.Memory.MemoryUnit>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AppUser>().Property(u => u.DisplayName).HasMaxLength(256);
        builder.Entity<AppUser>().Property(u => u.PreferredCulture).HasMaxLength(35);
        builder.Entity<AppUser>().Property(u => u.ReviewerCultures).HasJsonConversion();
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<ModelBuilderConventions.UtcDateTimeConverter>();
    }
}
