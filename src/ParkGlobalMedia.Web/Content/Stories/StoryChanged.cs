namespace ParkGlobalMedia.Content.Stories;

/// <summary>A domain event: a variant was created, edited or moved. Sites evict caches, publishing schedules posts.</summary>
public sealed record StoryChanged(Guid StoryId, Guid EnterpriseId, string Culture, string Change, WorkflowState State);

/// <summary>Other capabilities react to story changes through this, never by reading the story tables.</summary>
public interface IStoryChangeObserver
{
    Task OnChangedAsync(StoryChanged change, CancellationToken cancellationToken);
}

/// <summary>
/// A capability's say before a variant is approved or published (translation QA, pseudo-localized text): a failure
/// refuses the move with its message. Checked on manual moves only; a scheduled publish was checked when approved.
/// </summary>
public interface IVariantReleaseCheck
{
    Task<ParkGlobalMedia.Platform.Failure?> CheckAsync(Story story, StoryVariant variant, string action, CancellationToken cancellationToken);
}
