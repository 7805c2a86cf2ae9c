using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform;

namespace ParkGlobalMedia.Content.Stories;

/// <summary>Workflow moves: manual transitions, schedules and the scheduler's due moves, all through <see cref="Apply"/>.</summary>
public sealed partial class StoryService
{
    public async Task<Outcome<StoryVariant>> TransitionAsync(CallerContext caller, Guid storyId, string culture, TransitionRequest request, string? ifMatch, CancellationToken cancellationToken = default)
    {
        var (story, variant, failure) = await LoadVariantAsync(caller, storyId, culture, ifMatch, checkIfMatch: true, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var action = StoryWorkflow.Find(request.Action);
        if (action is null)
        {
            return Failure.Invalid("action", $"Unknown action '{request.Action}'. Actions: {string.Join(", ", StoryWorkflow.Actions.Select(a => a.Name))}.");
        }

        if (request.Comment is { Length: > StoryLimits.CommentLength })
        {
            return Failure.Invalid("comment", $"comment is {request.Comment.Length:N0} characters long; the limit is {StoryLimits.CommentLength:N0}.");
        }

        var outcome = Apply(variant!, action, caller, request.Comment);
        if (outcome is not null)
        {
            return outcome;
        }

        if (action.Name is StoryWorkflow.Approve or StoryWorkflow.Publish)
        {
            foreach (var check in releaseChecks)
            {
                if (await check.CheckAsync(story!, variant!, action.Name, cancellationToken) is { } refused)
                {
                    db.ChangeTracker.Clear();
                    return refused;
                }
            }
        }

        var saved = await SaveAsync(cancellationToken);
        if (saved is not null)
        {
            return saved;
        }

        LogTransition(story!.Id, variant!.Culture, action.Name, caller.Name);
        await NotifyAsync(story, variant, action.Name, cancellationToken);
        return variant;
    }

    /// <summary>
    /// Moves a loaded variant by one action after checking state, role and the four-eyes rule. Shared by the API
    /// and the scheduler, so a scheduled publish obeys exactly the rules of a manual one.
    /// </summary>
    internal Failure? Apply(StoryVariant variant, WorkflowAction action, CallerContext caller, string? comment)
    {
        if (!action.From.Contains(variant.State) || (action.RequiresLiveVersion && variant.PublishedVersionId is null))
        {
            return Failure.Conflict(
                $"Cannot {action.Name} the {variant.Culture} variant: it is {variant.State}" +
                (action.RequiresLiveVersion && variant.PublishedVersionId is null ? " and has never been published." : $"; {action.Name} applies to {string.Join(" or ", action.From)}."));
        }

        if (!StoryWorkflow.IsAllowed(action.Permission, caller, variant.EnterpriseId, variant.Culture))
        {
            return Failure.Forbidden(action.Permission switch
            {
                WorkflowPermission.Review => $"Only a reviewer of this enterprise (or a language reviewer for {variant.Culture}) may {action.Name}.",
                WorkflowPermission.Edit => $"Only an editor of this enterprise may {action.Name}.",
                _ => $"Only an editor or reviewer of this enterprise may {action.Name}.",
            });
        }

        if (action.Name == StoryWorkflow.Approve && StoryWorkflow.IsAuthorOfDraft(variant, caller))
        {
            return Failure.Forbidden("You wrote the version under review; someone else has to approve it.");
        }

        if (action.CommentRequired && string.IsNullOrWhiteSpace(comment))
        {
            return Failure.Invalid("comment", $"{action.Name} needs a comment that tells the author what to change.");
        }

        var from = variant.State;
        var now = Now;
        switch (action.Name)
        {
            case StoryWorkflow.Publish:
                if (variant.DraftVersionId is { } draft)
                {
                    variant.PublishedVersionId = draft;
                    variant.PublishedVersion = variant.DraftVersion;
                    variant.DraftVersionId = null;
                    variant.DraftVersion = null;
                }

                variant.PublishedAt = now;
                variant.FirstPublishedAt ??= now;
                variant.PublishAt = null;
                break;
            case StoryWorkflow.Archive:
                variant.ArchiveAt = null;
                variant.PublishAt = null;
                break;
            case StoryWorkflow.Reject or StoryWorkflow.Withdraw:
                variant.PublishAt = null;
                break;
        }

        variant.State = action.To;
        variant.UpdatedAt = now;
        Record(variant, from, action.To, action.Name, caller, comment);
        return null;
    }

    public async Task<Outcome<StoryVariant>> ScheduleAsync(CallerContext caller, Guid storyId, string culture, ScheduleRequest request, string? ifMatch, CancellationToken cancellationToken = default)
    {
        var (story, variant, failure) = await LoadVariantAsync(caller, storyId, culture, ifMatch, checkIfMatch: true, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        if (!StoryWorkflow.IsAllowed(WorkflowPermission.EditOrReview, caller, variant!.EnterpriseId, variant.Culture))
        {
            return Failure.Forbidden("Only an editor or reviewer of this enterprise may schedule.");
        }

        var now = clock.GetUtcNow();
        var errors = new ValidationErrors();
        if (request.PublishAt is { } publishAt)
        {
            if (variant.State != WorkflowState.Approved)
            {
                errors.Add("publishAt", $"Only an approved variant can be scheduled for publication; this one is {variant.State}.");
            }
            else if (publishAt <= now)
            {
                errors.Add("publishAt", $"publishAt {publishAt:O} is not in the future; publish now instead.");
            }
        }

        if (request.ArchiveAt is { } archiveAt)
        {
            if (archiveAt <= now)
            {
                errors.Add("archiveAt", $"archiveAt {archiveAt:O} is not in the future; archive now instead.");
            }
            else if (request.PublishAt is { } publishFirst && archiveAt <= publishFirst)
            {
                errors.Add("archiveAt", "archiveAt must be later than publishAt.");
            }
            else if (variant.State == WorkflowState.Archived)
            {
                errors.Add("archiveAt", "The variant is archived already.");
            }
            else if (variant.PublishedVersionId is null && request.PublishAt is null)
            {
                errors.Add("archiveAt", "An unpublished variant needs a publishAt before it can have an archiveAt.");
            }
        }

        if (!errors.IsEmpty)
        {
            return errors.ToFailure();
        }

        variant.PublishAt = request.PublishAt?.UtcDateTime;
        variant.ArchiveAt = request.ArchiveAt?.UtcDateTime;
        variant.UpdatedAt = Now;
        Record(variant, variant.State, variant.State, "schedule", caller,
            $"publishAt={variant.PublishAt?.ToString("O") ?? "none"}; archiveAt={variant.ArchiveAt?.ToString("O") ?? "none"}");
        return await SaveAsync(cancellationToken) is { } saveFailure ? saveFailure : variant;
    }

    /// <summary>
    /// Carries out a due scheduled publish or archive of one variant as the system. Returns the action taken, or null
    /// when nothing was due any more (another instance got there first, or an editor changed the variant).
    /// </summary>
    public async Task<string?> RunScheduledAsync(Guid variantId, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var variant = await db.StoryVariants
            .Include(v => v.Story)
            .Include(v => v.DraftVersion)
            .Include(v => v.PublishedVersion)
            .FirstOrDefaultAsync(v => v.Id == variantId, cancellationToken);
        if (variant is null)
        {
            return null;
        }

        var action = variant.State == WorkflowState.Approved && variant.PublishAt <= now
            ? StoryWorkflow.Find(StoryWorkflow.Publish)!
            : variant.ArchiveAt <= now && variant.IsLive ? StoryWorkflow.Find(StoryWorkflow.Archive)! : null;
        if (action is null)
        {
            return null;
        }

        var failure = Apply(variant, action, CallerContext.System, "scheduled");
        if (failure is not null)
        {
            throw new InvalidOperationException(failure.Detail);
        }

        // The revision check makes this a compare-and-set: if another instance published first, ours matches no row.
        if (await SaveAsync(cancellationToken) is not null)
        {
            return null;
        }

        LogTransition(variant.StoryId, variant.Culture, action.Name, CallerContext.System.Name);
        await NotifyAsync(variant.Story, variant, action.Name, cancellationToken);
        return action.Name;
    }
}
