namespace ParkGlobalMedia.Assets.Uploads;

/// <summary>
/// A resumable upload in progress. The client sends the file in chunks at increasing offsets; each complete chunk is
/// stored as a part in blob storage (so any instance can take the next one), and <see cref="ReceivedBytes"/> says
/// where to resume after a dropped connection. Completing checks the whole file's SHA-256 against the declared one.
/// </summary>
public sealed class UploadSession
{
    public Guid Id { get; set; }
    public Guid? OwnerEnterpriseId { get; set; }
    public required string FileName { get; set; }
    public long Length { get; set; }

    /// <summary>The SHA-256 the client computed; the assembled file must match it.</summary>
    public required string Sha256 { get; set; }

    public long ReceivedBytes { get; set; }
    public int Parts { get; set; }
    public Guid CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }

    /// <summary>Set when completed: the asset the upload became (or the existing one with the same bytes).</summary>
    public Guid? AssetId { get; set; }

    public string PartKey(int index) => $"uploads/{Id:N}/{index:D6}.part";
}
