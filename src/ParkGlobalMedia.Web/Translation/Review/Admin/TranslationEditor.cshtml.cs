using Microsoft.AspNetCore.Mvc;
using ParkGlobalMedia.Admin;
using ParkGlobalMedia.Content;
using ParkGlobalMedia.Content.Stories;
using ParkGlobalMedia.Translation.Memory;

namespace ParkGlobalMedia.Translation.Review.Admin;

/// <summary>
/// The side-by-side review editor of one target culture: each source segment beside its translation (right to left
/// where the culture is), with provenance, glossary hits, QA findings and memory suggestions. One save writes every
/// changed segment as one version; the workflow buttons submit, approve, reject and publish from here.
/// </summary>
public sealed class TranslationEditorModel(TranslationReview review, TranslationMemory memory, StoryService stories) : AdminPageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public string Culture { get; set; } = "";

    /// <summary>Segment id → the translation as the form shows it.</summary>
    [BindProperty] public Dictionary<string, string?> Segments { get; set; } = [];
    [BindProperty] public string? ETag { get; set; }

    public TranslationView View { get; private set; } = null!;
    public IReadOnlyDictionary<string, IReadOnlyList<MemoryMatch>> Suggestions { get; private set; } = new Dictionary<string, IReadOnlyList<MemoryMatch>>();
    public IReadOnlyList<WorkflowAction> Actions { get; private set; } = [];
    public string? WorkingETag { get; private set; }
    public bool CanWrite { get; private set; }
    public string Direction => View.RightToLeft ? "rtl" : "ltr";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(keepTyped: false, cancellationToken) ? Page() : NotFoundPage();

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        var caller = await CallerAsync();
        var current = await review.GetAsync(caller, Id, Culture, cancellationToken);
        if (!current.Succeeded)
        {
            return NotFoundPage();
        }

        // Only what the person changed: an untouched machine translation stays "machine", not "human".
        var changed = Segments
            .Where(s => current.Value!.Segments.FirstOrDefault(x => x.Id == s.Key) is { } segment && (s.Value ?? "").Trim() != (segment.Target ?? "") && !(string.IsNullOrWhiteSpace(s.Value) && segment.Target is null))
            .ToDictionary(s => s.Key, s => s.Value);
        if (changed.Count == 0)
        {
            Notice = T["translation.nothingChanged"];
            return Redirect(Here);
        }

        var saved = await review.SaveAsync(caller, Id, Culture, new SaveSegmentsRequest(changed), ETag, cancellationToken);
        if (saved.Succeeded)
        {
            Notice = T.Format("translation.saved", changed.Count);
            return Redirect(Here);
        }

        return await RedisplayAsync(saved.Failure!, keepTyped: true, cancellationToken);
    }

    public async Task<IActionResult> OnPostTransitionAsync(string? action, string? comment, string? workingETag, CancellationToken cancellationToken)
    {
        var moved = await stories.TransitionAsync(await CallerAsync(), Id, Culture, new TransitionRequest(action, comment), workingETag, cancellationToken);
        if (moved.Succeeded)
        {
            Notice = T.Format("editor.moved", T[$"action.{action}"]);
            return Redirect(Here);
        }

        return await RedisplayAsync(moved.Failure!, keepTyped: false, cancellationToken);
    }

    private string Here => $"/admin/stories/{Id}/translations/{Culture}";

    private async Task<IActionResult> RedisplayAsync(Platform.Failure failure, bool keepTyped, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(keepTyped, cancellationToken))
        {
            return NotFoundPage();
        }

        Show(failure);
        Response.StatusCode = Platform.Http.ProblemResults.StatusCode(failure.Kind);
        return Page();
    }

    private async Task<bool> LoadAsync(bool keepTyped, CancellationToken cancellationToken)
    {
        var caller = await CallerAsync();
        var view = await review.GetAsync(caller, Id, Culture, cancellationToken);
        if (!view.Succeeded)
        {
            return false;
        }

        View = view.Value!;
        Culture = View.TargetCulture;
        ETag = View.ETag;
        var typed = Segments;
        Segments = View.Segments.ToDictionary(s => s.Id, s => keepTyped && typed.TryGetValue(s.Id, out var kept) ? kept : s.Target);

        var story = await stories.LoadStoryAsync(caller, Id, cancellationToken);
        var variant = story!.Variants.FirstOrDefault(v => v.Culture == Culture);
        CanWrite = ContentPermissions.CanEdit(caller, story.EnterpriseId) ||
                   (ContentPermissions.CanReview(caller, story.EnterpriseId, Culture) && variant?.State is null or WorkflowState.Draft or WorkflowState.InReview);
        if (variant is not null)
        {
            Actions = StoryWorkflow.Available(variant, caller).Where(a => a.Name is StoryWorkflow.Submit or StoryWorkflow.Approve or StoryWorkflow.Reject or StoryWorkflow.Publish).ToList();
            WorkingETag = StoryETags.Working(story, variant);
        }

        // Memory suggestions for segments a person has not settled yet (machine output or none).
        var suggestions = new Dictionary<string, IReadOnlyList<MemoryMatch>>();
        foreach (var segment in View.Segments.Where(s => s.Origin is not UnitOrigins.Human))
        {
            var matches = await memory.FuzzyAsync(story.EnterpriseId, story.SourceCulture, Culture, segment.Source, cancellationToken: cancellationToken);
            if (matches.Count > 0)
            {
                suggestions[segment.Id] = matches;
            }
        }

        Suggestions = suggestions;
        return true;
    }
}
