using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParkGlobalMedia.Content.Enterprises;
using ParkGlobalMedia.Content.Stories;
using ParkGlobalMedia.Content.Taxonomy;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Benchmarks;

/// <summary>The shape of the benchmark library: 10,000 stories × 5 cultures over 10 enterprises.</summary>
public static class BenchData
{
    public const int Stories = 10_000;
    public const int Enterprises = 10;
    public static readonly string[] Cultures = ["zh-CN", "en", "fr", "es", "ar"];

    /// <summary>The enterprise whose list is measured (1,000 stories, like every other one).</summary>
    public static string EnterpriseSlug(int index) => $"hn-park-{index:00}";

    public static readonly string ListEnterprise = EnterpriseSlug(0);
    public const string ListCulture = "en";
    public const int ListPageSize = 20;

    public static string ListPath => $"/api/v1/stories?enterprise={ListEnterprise}&culture={ListCulture}&pageSize={ListPageSize}";

    public static StoryListQuery ListQuery => new(ListEnterprise, ListCulture, null, null, null, null, null, null, null, ListPageSize);

    /// <summary>Single reads rotate over every story, culture by turn (zh-CN, en, fr, es, ar), in a fixed shuffled order.</summary>
    public static async Task<IReadOnlyList<(Guid StoryId, string Culture)>> ReadTargetsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ids = await db.Stories.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Id).ToListAsync();
        var shuffled = ids.ToArray();
        new Random(42).Shuffle(shuffled);
        return shuffled.Select((id, i) => (id, Cultures[i % Cultures.Length])).ToList();
    }

    public static string ReadPath(Guid storyId, string culture) => $"/api/v1/stories/{storyId}/{culture}";
}

/// <summary>
/// <c>seed &lt;dbPath&gt;</c>: a fresh SQLite database, migrated and given the default recipe by the app itself, then 10
/// enterprises (through <see cref="EnterpriseService"/>) and 10,000 published stories × 5 cultures inserted directly
/// with EF in one transaction (the services would take an hour: each publish is a workflow transition).
/// </summary>
public static class Seeder
{
    private const int Batch = 500;

    public static async Task<int> RunAsync(string databasePath)
    {
        var path = Path.GetFullPath(databasePath);
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        var total = Stopwatch.StartNew();
        await using var host = new BenchHost(path, applyFirstStartRecipes: true);
        _ = host.Services; // builds and starts the app: migrations and the default recipe run here
        Console.WriteLine($"migrated + default recipe: {total.Elapsed.TotalSeconds:F1} s");

        var enterpriseIds = new List<Guid>();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var enterprises = scope.ServiceProvider.GetRequiredService<EnterpriseService>();
            for (var e = 0; e < BenchData.Enterprises; e++)
            {
                var created = await enterprises.CreateAsync(CallerContext.System, new EnterpriseInput(
                    BenchData.EnterpriseSlug(e),
                    new Dictionary<string, string> { ["zh-CN"] = $"湖南园区企业 {e:00} 号", ["en"] = $"Hunan Park Enterprise {e:00}" },
                    new Dictionary<string, string> { ["zh-CN"] = "长沙经济技术开发区", ["en"] = "Changsha Economic and Technological Development Zone" },
                    new Dictionary<string, string> { ["zh-CN"] = "工程机械", ["en"] = "Construction machinery" },
                    new Dictionary<string, string> { ["en"] = "A member enterprise created for the benchmark." },
                    [.. BenchData.Cultures],
                    "en",
                    new Dictionary<string, List<string>> { ["es-MX"] = ["es", "en"], ["fr-CA"] = ["fr", "en"] },
                    "default",
                    null));
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException(created.Failure!.Detail);
                }

                enterpriseIds.Add(created.Value!.Id);
            }
        }

        var inserted = Stopwatch.StartNew();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var categories = await db.Categories.OrderBy(c => c.SortOrder).Select(c => c.Id).ToListAsync();
            var campaigns = new List<Guid>();
            for (var c = 0; c < 3; c++)
            {
                var campaign = new Campaign
                {
                    Id = Guid.CreateVersion7(),
                    Key = $"bench-campaign-{c}",
                    Names = new Dictionary<string, string> { ["zh-CN"] = $"基准活动 {c}", ["en"] = $"Benchmark campaign {c}" },
                    StartsOn = new DateOnly(2024, 1, 1),
                    EndsOn = new DateOnly(2026, 12, 31),
                };
                db.Campaigns.Add(campaign);
                campaigns.Add(campaign.Id);
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();

            var random = new Random(20261121);
            var authorId = Guid.CreateVersion7();
            var start = new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            await using var transaction = await db.Database.BeginTransactionAsync();
            for (var first = 0; first < BenchData.Stories; first += Batch)
            {
                var versions = new List<StoryVersion>(Batch * BenchData.Cultures.Length);
                for (var s = first; s < Math.Min(first + Batch, BenchData.Stories); s++)
                {
                    // Roughly three years of publishing, a story every ~2.6 hours, enterprises taking turns.
                    var publishedAt = start.AddMinutes(s * 157 + random.Next(120));
                    var story = new Story
                    {
                        Id = Guid.CreateVersion7(new DateTimeOffset(publishedAt)),
                        EnterpriseId = enterpriseIds[s % enterpriseIds.Count], // 1,000 stories each
                        SourceCulture = "zh-CN",
                        CategoryId = categories[random.Next(categories.Count)],
                        CampaignId = s % 5 == 0 ? campaigns[s % campaigns.Count] : null,
                        CoverAssetId = s % 2 == 0 ? $"bench-cover-{s % 200}" : null,
                        CreatedById = authorId,
                        CreatedAt = publishedAt.AddDays(-1),
                        UpdatedAt = publishedAt,
                        Revision = 1,
                    };
                    story.Tags.AddRange(PickTags(random).Select(tag => new StoryTag { StoryId = story.Id, Tag = tag }));
                    foreach (var culture in BenchData.Cultures)
                    {
                        var variantPublishedAt = publishedAt.AddMinutes(culture == "zh-CN" ? 0 : 30 + random.Next(600));
                        var title = SampleText.Title(culture, s, random);
                        var slug = $"{(culture == "zh-CN" ? "gushi" : "story")}-{s:00000}-{culture.ToLowerInvariant()}";
                        var variant = new StoryVariant
                        {
                            Id = Guid.CreateVersion7(new DateTimeOffset(variantPublishedAt)),
                            StoryId = story.Id,
                            EnterpriseId = story.EnterpriseId,
                            Culture = culture,
                            Slug = slug,
                            State = WorkflowState.Published,
                            FirstPublishedAt = variantPublishedAt,
                            PublishedAt = variantPublishedAt,
                            UpdatedAt = variantPublishedAt,
                            Revision = 1,
                        };
                        story.Variants.Add(variant);
                        versions.Add(new StoryVersion
                        {
                            Id = Guid.CreateVersion7(new DateTimeOffset(variantPublishedAt)),
                            VariantId = variant.Id,
                            Number = 1,
                            Title = title,
                            Slug = slug,
                            Summary = SampleText.Summary(culture, random),
                            Body = SampleText.Body(culture, s, random),
                            SeoTitle = title.Length > 70 ? title[..70] : title,
                            SeoDescription = null,
                            AuthorId = authorId,
                            AuthorName = "基准作者 Bench Author",
                            CreatedAt = variantPublishedAt.AddHours(-2),
                        });
                    }

                    db.Stories.Add(story);
                }

                // Variants go in without their version (the two point at each other); the UPDATE below links them.
                db.StoryVersions.AddRange(versions);
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
                if ((first / Batch) % 4 == 3)
                {
                    Console.WriteLine($"  {first + Batch} stories ({inserted.Elapsed.TotalSeconds:F0} s)");
                }
            }

            var linked = await db.Database.ExecuteSqlRawAsync(
                "UPDATE story_variants SET \"PublishedVersionId\" = " +
                "(SELECT v.\"Id\" FROM story_versions v WHERE v.\"VariantId\" = story_variants.\"Id\" AND v.\"Number\" = 1) " +
                "WHERE \"PublishedVersionId\" IS NULL");
            await transaction.CommitAsync();
            Console.WriteLine($"inserted {BenchData.Stories} stories, linked {linked} published versions: {inserted.Elapsed.TotalSeconds:F1} s");
        }

        await VerifyAsync(host.Services);
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }

        Console.WriteLine($"seeded {path} ({new FileInfo(path).Length / 1024 / 1024} MiB) in {total.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    private static readonly string[] TagPool =
    [
        "belt-and-road", "smart-manufacturing", "green-energy", "talent", "after-sales-service", "latin-america",
        "africa", "central-asia", "south-east-asia", "middle-east", "rail", "construction-machinery", "new-materials",
        "power-equipment", "open-day", "students", "skills-contest", "exports", "investment", "culture",
        "exhibition", "partnership", "logistics", "digital", "people", "research", "standards", "quality",
    ];

    private static HashSet<string> PickTags(Random random)
    {
        var count = 2 + random.Next(3);
        var picked = new HashSet<string>(StringComparer.Ordinal);
        while (picked.Count < count)
        {
            picked.Add(TagPool[random.Next(TagPool.Length)]);
        }

        return picked;
    }

    /// <summary>Reads the data back through the app's own queries: every variant live, every list complete.</summary>
    private static async Task VerifyAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stories = await db.Stories.CountAsync();
        var live = await db.StoryVariants.CountAsync(v => v.PublishedVersionId != null && v.State == WorkflowState.Published);
        if (stories != BenchData.Stories || live != BenchData.Stories * BenchData.Cultures.Length)
        {
            throw new InvalidOperationException($"Seed check failed: {stories} stories, {live} live variants.");
        }

        var queries = scope.ServiceProvider.GetRequiredService<StoryQueries>();
        var page = await queries.ListAsync(CallerContext.Anonymous, BenchData.ListQuery);
        if (!page.Succeeded || page.Value!.Items.Count != BenchData.ListPageSize)
        {
            throw new InvalidOperationException($"Seed check failed: list answered {page.Failure?.Detail ?? page.Value!.Items.Count.ToString()}.");
        }

        var first = page.Value.Items[0];
        var story = await queries.GetPublishedAsync(first.StoryId, "en", fallback: true);
        if (!story.Succeeded || story.Value!.Translations.Count != BenchData.Cultures.Length)
        {
            throw new InvalidOperationException($"Seed check failed: story {first.StoryId} answered {story.Failure?.Detail}.");
        }

        Console.WriteLine($"verified: {stories} stories, {live} live variants; {BenchData.ListEnterprise}/{BenchData.ListCulture} lists " +
                          $"{page.Value.Total} stories; story {first.StoryId} renders {story.Value.BodyHtml.Length} chars of HTML " +
                          $"from {story.Value.BodyMarkdown.Length} chars of Markdown");
    }
}
