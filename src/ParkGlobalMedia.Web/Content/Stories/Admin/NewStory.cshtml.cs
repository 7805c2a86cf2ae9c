using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Admin;
using ParkGlobalMedia.Content.Enterprises;
using ParkGlobalMedia.Content.Taxonomy;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Content.Stories.Admin;

/// <summary>Starts a story: enterprise, source language, category and the first draft's title and text.</summary>
public sealed class NewStoryModel(StoryService service, AppDbContext db) : AdminPageModel
{
    [BindProperty] public string? Enterprise { get; set; }
    [BindProperty] public string SourceCulture { get; set; } = "zh-CN";
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public string? Tags { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Body { get; set; }

    public List<Enterprise> Enterprises { get; private set; } = [];
    public List<Category> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var tags = (Tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var created = await service.CreateAsync(await CallerAsync(),
            new CreateStoryRequest(Enterprise, SourceCulture, Category, tags, null, null, new VariantContent(Title, null, null, Body, null, null)),
            cancellationToken);
        if (created.Succeeded)
        {
            Notice = T.Format("editor.saved", 1);
            return Redirect($"/admin/stories/{created.Value!.StoryId}/{created.Value.Culture}");
        }

        await LoadAsync(cancellationToken);
        Show(created.Failure!);
        Response.StatusCode = ParkGlobalMedia.Platform.Http.ProblemResults.StatusCode(created.Failure!.Kind);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var caller = await CallerAsync();
        Enterprises = (await db.Enterprises.AsNoTracking().OrderBy(e => e.Slug).ToListAsync(cancellationToken))
            .Where(e => ContentPermissions.CanEdit(caller, e.Id)).ToList();
        Categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(cancellationToken);
    }
}
