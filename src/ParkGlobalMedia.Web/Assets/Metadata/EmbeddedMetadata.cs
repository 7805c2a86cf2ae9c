namespace ParkGlobalMedia.Assets.Metadata;

/// <summary>A WGS 84 position in decimal degrees; south and west are negative.</summary>
public sealed record GeoPosition(double Latitude, double Longitude);

/// <summary>
/// What a file says about itself, cleaned for display: every text is trimmed, stripped of control characters and at
/// most <see cref="EmbeddedMetadataReader.MaxFieldLength"/> characters long; absent or unreadable values are null.
/// </summary>
/// <param name="CapturedAt">
/// When the picture was taken. Cameras record local wall-clock time; when the file also records its UTC offset
/// (EXIF OffsetTimeOriginal) this is converted to UTC and has <see cref="DateTimeKind.Utc"/>. Otherwise it is the
/// camera's clock as given, with <see cref="DateTimeKind.Unspecified"/>: guessing a zone (the server's, the
/// uploader's) would silently shift it, so callers that need UTC must check <see cref="DateTime.Kind"/>.
/// </param>
/// <param name="Orientation">EXIF orientation 1–8 (1 = upright); null when absent or out of range.</param>
public sealed record EmbeddedMetadata(
    string? Title,
    string? Caption,
    string? Creator,
    string? Copyright,
    string? CreditLine,
    DateTime? CapturedAt,
    string? CameraMake,
    string? CameraModel,
    GeoPosition? Position,
    int? Orientation,
    IReadOnlyList<string> Keywords)
{
    public static readonly EmbeddedMetadata Empty = new(null, null, null, null, null, null, null, null, null, null, []);
}
