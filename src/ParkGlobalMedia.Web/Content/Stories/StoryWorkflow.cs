using ParkGlobalMedia.Identity;

namespace ParkGlobalMedia.Content.Stories;

/// <summary>Who may do a workflow action; checked against the variant's enterprise and culture.</summary>
public enum WorkflowPermission
{
    Edit,
    Review,
    EditOrReview,
}

/// <summary>One workflow action: where it may start, where it ends, who may take it.</summary>
public sealed record WorkflowAction(
    string Name,
    IReadOnlyList<WorkflowState> From,
    WorkflowState To,
    WorkflowPermission Permission,
    bool CommentRequired = false,
    bool RequiresLiveVersion = false);

/// <summary>
/// Draft → InReview → Approved → Published → Archived, as data. Publishing and archiving keep the published version
/// live through later edits: a new draft can be written and reviewed while readers still see the old text.
/// </summary>
public static class StoryWorkflow
{
    public const string Submit = "submit";
    public const string Withdraw = "withdraw";
    public const string Approve = "approve";
    public const string Reject = "reject";
    public const string Publish = "publish";
    public const string Archive = "archive";
    public const string Reopen = "reopen";

    /// <summary>Recorded (never requested) when an edit sends a variant under review back to Draft.</summary>
    public const string Edit = "edit";

    public static readonly IReadOnlyList<WorkflowAction> Actions =
    [
        new(Submit, [WorkflowState.Draft], WorkflowState.InReview, WorkflowPermission.Edit),
        new(Withdraw, [WorkflowState.InReview], WorkflowState.Draft, WorkflowPermission.Edit),
        new(Approve, [WorkflowState.InReview], WorkflowState.Approved, WorkflowPermission.Review),
        new(Reject, [WorkflowState.InReview, WorkflowState.Approved], WorkflowState.Draft, WorkflowPermission.Review, CommentRequired: true),
        new(Publish, [WorkflowState.Approved], WorkflowState.Published, WorkflowPermission.EditOrReview),
        new(Archive, [WorkflowState.Draft, WorkflowState.InReview, WorkflowState.Approved, WorkflowState.Published], WorkflowState.Archived, WorkflowPermission.EditOrReview, RequiresLiveVersion: true),
        new(Reopen, [WorkflowState.Archived], WorkflowState.Draft, WorkflowPermission.Edit),
    ];

    public static WorkflowAction? Find(string? name) =>
        Actions.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));

    public static bool IsAllowed(WorkflowPermission permission, CallerContext caller, Guid enterpriseId, string culture) => permission switch
    {
        WorkflowPermission.Edit => ContentPermissions.CanEdit(caller, enterpriseId),
        WorkflowPermission.Review => ContentPermissions.CanReview(caller, enterpriseId, culture),
        _ => ContentPermissions.CanEdit(caller, enterpriseId) || ContentPermissions.CanReview(caller, enterpriseId, culture),
    };

    /// <summary>The actions the caller could take now, for UIs that show only usable buttons.</summary>
    public static IEnumerable<WorkflowAction> Available(StoryVariant variant, CallerContext caller) =>
        Actions.Where(a => a.From.Contains(variant.State)
                           && (!a.RequiresLiveVersion || variant.PublishedVersionId is not null)
                           && IsAllowed(a.Permission, caller, variant.EnterpriseId, variant.Culture)
                           && !(a.Name == Approve && IsAuthorOfDraft(variant, caller)));

    /// <summary>
    /// Four-eyes rule: whoever wrote the version under review cannot approve it, whatever their role. A reviewer's
    /// correction made during review does not make the reviewer its author (<see cref="StoryVersion.AccountableAuthorId"/>).
    /// </summary>
    public static bool IsAuthorOfDraft(StoryVariant variant, CallerContext caller) =>
        caller.UserId is not null && variant.DraftVersion?.AccountableAuthorId == caller.UserId;
}
