namespace ParkGlobalMedia.Content.Stories;

/// <summary>A domain event: a variant was created, edited or moved. Sites evict caches, publishing schedules posts.</summary>
public sealed record StoryChanged(Guid StoryId, Guid EnterpriseId, string Culture, string Change, WorkflowState State);

/// <summary>Other capabilities react to story changes through this, never by reading the story tables.</summary>
public interface IStoryChangeObserver
{
    Task OnChangedAsync(StoryChanged change, CancellationToken cancellationToken);
}
