using Microsoft.AspNetCore.Mvc;
using ParkGlobalMedia.Admin;

namespace ParkGlobalMedia.Content.Stories.Admin;

/// <summary>Versions of one variant, a diff between any two, restore, and the workflow log.</summary>
public sealed class StoryHistoryModel(StoryQueries stories, StoryService service) : AdminPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public string Culture { get; set; } = "";
    [BindProperty(SupportsGet = true)] public int? From { get; set; }
    [BindProperty(SupportsGet = true)] public int? To { get; set; }

    public WorkingStory Working { get; private set; } = null!;
    public IReadOnlyList<VersionInfo> Versions { get; private set; } = [];
    public IReadOnlyList<TransitionInfo> Transitions { get; private set; } = [];
    public VersionDiff? Diff { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var caller = await CallerAsync();
        var working = await stories.GetWorkingAsync(caller, Id, Culture, cancellationToken);
        if (!working.Succeeded)
        {
            return NotFoundPage();
        }

        Working = working.Value!;
        Versions = (await stories.VersionsAsync(caller, Id, Culture, cancellationToken)).Value ?? [];
        Transitions = (await stories.HistoryAsync(caller, Id, Culture, cancellationToken)).Value ?? [];
        if (Versions.Count > 1)
        {
            To ??= Versions[0].Number;
            From ??= Versions[1].Number;
        }

        if (From is { } from && To is { } to)
        {
            var diff = await stories.DiffAsync(caller, Id, Culture, from, to, cancellationToken);
            if (diff.Succeeded)
            {
                Diff = diff.Value;
            }
            else
            {
                Show(diff.Failure!);
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int number, string? etag, CancellationToken cancellationToken)
    {
        var restored = await service.RestoreAsync(await CallerAsync(), Id, Culture, number, etag, cancellationToken);
        if (!restored.Succeeded)
        {
            var page = await OnGetAsync(cancellationToken);
            Show(restored.Failure!);
            return page;
        }

        Notice = T.Format("history.restored", number);
        return Redirect($"/admin/stories/{Id}/{Culture}");
    }
}
