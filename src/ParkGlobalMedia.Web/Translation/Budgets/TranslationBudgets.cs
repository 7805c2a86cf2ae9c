using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using ParkGlobalMedia.Content.Enterprises;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Translation.Budgets;

/// <summary>Characters sent to one paid provider for one enterprise in one calendar month (UTC), retries included.</summary>
public sealed class TranslationUsage
{
    public Guid EnterpriseId { get; set; }
    public required string Provider { get; set; }

    /// <summary>yyyy-MM, UTC: providers bill per calendar month.</summary>
    public required string Month { get; set; }

    public long Characters { get; set; }
}

internal sealed class TranslationUsageConfiguration : IEntityTypeConfiguration<TranslationUsage>
{
    public void Configure(EntityTypeBuilder<TranslationUsage> builder)
    {
        builder.ToTable("translation_usage");
        builder.HasKey(u => new { u.EnterpriseId, u.Provider, u.Month });
        builder.Property(u => u.Provider).HasMaxLength(32);
        builder.Property(u => u.Month).HasMaxLength(7);
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(u => u.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// Monthly character budgets per paid provider, per enterprise: <c>Translation:Budgets:MonthlyCharacters:{provider}</c>
/// for every enterprise, <c>Translation:Budgets:Enterprises:{slug}:{provider}</c> to give one enterprise another.
/// The default is Azure's free tier (2,000,000 characters a month), so nobody is billed by surprise.
/// </summary>
public sealed class TranslationBudgetOptions
{
    public const string Section = "Translation:Budgets";
    public const long DefaultMonthlyCharacters = 2_000_000;

    public Dictionary<string, long> MonthlyCharacters { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, Dictionary<string, long>> Enterprises { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public long For(string enterpriseSlug, string provider) =>
        Enterprises.TryGetValue(enterpriseSlug, out var own) && own.TryGetValue(provider, out var budget) ? budget
        : MonthlyCharacters.TryGetValue(provider, out var shared) ? shared
        : DefaultMonthlyCharacters;
}

public sealed record BudgetStatus(string Provider, string Month, long Used, long Budget)
{
    public long Left => Math.Max(0, Budget - Used);
}

/// <summary>
/// Meters paid machine translation. A job reserves the characters it is about to send before sending any — one
/// conditional UPDATE, so two jobs racing for the last of a budget cannot both pass — and settles to what was really
/// sent afterwards. A job the budget cannot cover is refused whole: nothing is sent and nothing half-written is left.
/// </summary>
public sealed class TranslationBudgets(IServiceScopeFactory scopes, IOptionsMonitor<TranslationBudgetOptions> options, TimeProvider clock)
{
    public string CurrentMonth => clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<BudgetStatus> StatusAsync(Guid enterpriseId, string enterpriseSlug, string provider, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var month = CurrentMonth;
        var used = await db.Set<TranslationUsage>().Where(u => u.EnterpriseId == enterpriseId && u.Provider == provider && u.Month == month)
            .Select(u => u.Characters).FirstOrDefaultAsync(cancellationToken);
        return new BudgetStatus(provider, month, used, options.CurrentValue.For(enterpriseSlug, provider));
    }

    /// <summary>Reserves <paramref name="characters"/>, or says precisely why not. Runs in its own context: a reservation stands whatever the caller's unit of work does.</summary>
    public async Task<Failure?> ReserveAsync(Guid enterpriseId, string enterpriseSlug, string provider, long characters, CancellationToken cancellationToken)
    {
        if (characters <= 0)
        {
            return null;
        }

        var month = CurrentMonth;
        var budget = options.CurrentValue.For(enterpriseSlug, provider);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var usage = db.Set<TranslationUsage>();
        if (!await usage.AnyAsync(u => u.EnterpriseId == enterpriseId && u.Provider == provider && u.Month == month, cancellationToken))
        {
            usage.Add(new TranslationUsage { EnterpriseId = enterpriseId, Provider = provider, Month = month });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear(); // another job made the month's row first: fine
            }
        }

        var reserved = await usage
            .Where(u => u.EnterpriseId == enterpriseId && u.Provider == provider && u.Month == month && u.Characters + characters <= budget)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Characters, x => x.Characters + characters), cancellationToken);
        if (reserved == 1)
        {
            return null;
        }

        var used = await usage.Where(u => u.EnterpriseId == enterpriseId && u.Provider == provider && u.Month == month)
            .Select(u => u.Characters).FirstAsync(cancellationToken);
        return Refusal(enterpriseSlug, provider, characters, new BudgetStatus(provider, month, used, budget));
    }

    /// <summary>Replaces a reservation by what was really sent (more with retries, less when a run stopped early).</summary>
    public async Task SettleAsync(Guid enterpriseId, string provider, long reserved, long sent, CancellationToken cancellationToken)
    {
        var difference = sent - reserved;
        if (difference == 0)
        {
            return;
        }

        var month = CurrentMonth;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Set<TranslationUsage>()
            .Where(u => u.EnterpriseId == enterpriseId && u.Provider == provider && u.Month == month)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Characters, x => x.Characters + difference), cancellationToken);
    }

    public static Failure Refusal(string enterpriseSlug, string provider, long needed, BudgetStatus status)
    {
        var resets = DateTime.ParseExact(status.Month, "yyyy-MM", System.Globalization.CultureInfo.InvariantCulture).AddMonths(1);
        return new Failure(FailureKind.Conflict, "Translation budget reached",
            $"This translation needs {needed:N0} characters of {provider}, but enterprise '{enterpriseSlug}' has {status.Left:N0} of its " +
            $"{status.Budget:N0} left for {status.Month} (it resets on {resets:yyyy-MM-dd}). Nothing was sent or written. Reuse more from the " +
            "translation memory, translate into fewer cultures, or ask the centre to raise the budget.");
    }
}
