using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Admin;
using ParkGlobalMedia.Content.Enterprises;
using ParkGlobalMedia.Content.Taxonomy;
using ParkGlobalMedia.Platform.Data;
using ParkGlobalMedia.Sites.Analytics;

namespace ParkGlobalMedia.Content.Stories.Admin;

/// <summary>The story list: one row per story (its source culture) with a badge per culture, and the missing ones.</summary>
public sealed class StoryListModel(StoryQueries stories, AppDbContext db, PageViewQueries pageViews, TimeProvider clock) : AdminPageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)] public string? Enterprise { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public StoryPage Result { get; private set; } = new([], 1, PageSize, 0);
    public List<Enterprise> Enterprises { get; private set; } = [];
    public List<Category> Categories { get; private set; } = [];
    public int PageCount => Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    /// <summary>Page views of each listed story over the last 30 UTC days, all cultures together.</summary>
    public IReadOnlyDictionary<Guid, long> Views { get; private set; } = new Dictionary<Guid, long>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var caller = await CallerAsync();
        var all = await db.Enterprises.AsNoTracking().OrderBy(e => e.Slug).ToListAsync(cancellationToken);
        Enterprises = all.Where(e => ContentPermissions.CanReadDrafts(caller, e.Id)).ToList();
        Categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(cancellationToken);

        var outcome = await stories.ListAsync(caller, new StoryListQuery(
            string.IsNullOrEmpty(Enterprise) ? null : Enterprise,
            StoryQueries.SourceCulture,
            string.IsNullOrEmpty(Category) ? null : Category,
            null,
            null,
            string.IsNullOrEmpty(State) ? null : State,
            "working",
            "updated_desc",
            Math.Max(1, PageNumber),
            PageSize,
            string.IsNullOrWhiteSpace(Q) ? null : Q), cancellationToken);
        if (outcome.Succeeded)
        {
            Result = outcome.Value!;
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            Views = await pageViews.TotalsAsync(Result.Items.Select(i => i.StoryId), today.AddDays(-29), today, cancellationToken);
        }
        else
        {
            Show(outcome.Failure!);
        }

        return Page();
    }

    /// <summary>The enterprise's cultures that have no variant yet: what translators still owe.</summary>
    public IEnumerable<string> MissingCultures(StoryListItem item) =>
        (Enterprises.FirstOrDefault(e => e.Slug == item.Enterprise)?.Cultures ?? [])
        .Where(c => item.Cultures.All(v => v.Culture != c));

    public string PageLink(int page) =>
        $"/admin/stories?enterprise={Uri.EscapeDataString(Enterprise ?? "")}&category={Uri.EscapeDataString(Category ?? "")}&state={Uri.EscapeDataString(State ?? "")}&q={Uri.EscapeDataString(Q ?? "")}&p={page}";
}
