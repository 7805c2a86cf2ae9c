namespace ParkGlobalMedia.Platform.Data;

/// <summary>
/// An editable record guarded by optimistic concurrency. <see cref="Revision"/> is the concurrency token:
/// <see cref="RevisionInterceptor"/> bumps it on every update, so a stale writer's UPDATE matches no row.
/// It also feeds the ETags clients send back in If-Match.
/// </summary>
public interface IHasRevision
{
    long Revision { get; set; }
}
