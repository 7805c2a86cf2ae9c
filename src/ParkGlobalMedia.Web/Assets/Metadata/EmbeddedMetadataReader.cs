using System.Globalization;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Iptc;
using MetadataExtractor.Formats.Xmp;
using ParkGlobalMedia.Assets.Uploads;
using XmpCore;

namespace ParkGlobalMedia.Assets.Metadata;

/// <summary>
/// Reads the title, caption, credits, capture time, camera and position a photo carries in its EXIF, IPTC and XMP
/// blocks (JPEG, PNG, WebP, TIFF, HEIC — whatever MetadataExtractor understands).
/// </summary>
/// <remarks>
/// Where the blocks disagree on a text, XMP wins over IPTC, and IPTC over EXIF: XMP is the modern block, always
/// Unicode, and the one current editors (Lightroom, Photoshop, Bridge) write and keep in sync; IPTC IIM is its legacy
/// predecessor whose text is in whatever encoding the writer chose; EXIF text fields are officially ASCII and mostly
/// hold camera defaults.
/// </remarks>
public static class EmbeddedMetadataReader
{
    public const int MaxFieldLength = 2_000;

    /// <summary>A hostile file could list thousands of keywords; no real photo needs more.</summary>
    public const int MaxKeywords = 200;

    // Placeholders cameras write into ImageDescription; shown as a caption they are noise.
    private static readonly HashSet<string> CameraPlaceholders = new(StringComparer.OrdinalIgnoreCase)
    {
        "OLYMPUS DIGITAL CAMERA", "SONY DSC", "DCIM", "DIGITAL CAMERA", "Default", "SAMSUNG", "KODAK Digital Still Camera",
    };

    /// <summary>
    /// Never throws because of the file's content (random bytes, truncated or 0-byte files, malformed blocks): it returns
    /// what it could read, and <see cref="EmbeddedMetadata.Empty"/> for files that are not images (PDF, video, zip).
    /// Failing to open the file at all (missing, no permission) does throw: that is the caller's problem, not the file's.
    /// </summary>
    public static EmbeddedMetadata Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 16 * 1024, FileOptions.RandomAccess);
        var directories = ReadDirectories(stream);
        return directories.Count == 0 ? EmbeddedMetadata.Empty : Extract(directories);
    }

    private static IReadOnlyList<MetadataExtractor.Directory> ReadDirectories(FileStream stream)
    {
        // Only images are handed to the parser: video and PDF metadata is not what this reads, and parsing a 4 GB
        // video's atoms for nothing is cost and attack surface.
        Span<byte> header = stackalloc byte[MediaTypes.HeaderLength];
        var type = MediaTypes.Detect(header[..stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false)]);
        if (type?.Kind != AssetKind.Image)
        {
            return [];
        }

        try
        {
            stream.Position = 0;
            return ImageMetadataReader.ReadMetadata(stream);
        }
        catch (Exception)
        {
            // The parser throws all sorts (ImageProcessingException, IOException, IndexOutOfRange...) on hostile input.
            return type == MediaTypes.Jpeg ? MetadataSalvage.Jpeg(stream)
                : type == MediaTypes.Png ? MetadataSalvage.Png(stream)
                : [];
        }
    }

    private static EmbeddedMetadata Extract(IReadOnlyList<MetadataExtractor.Directory> directories)
    {
        var ifd0 = directories.OfType<ExifIfd0Directory>().FirstOrDefault();
        var subIfd = directories.OfType<ExifSubIfdDirectory>().FirstOrDefault();
        var gps = directories.OfType<GpsDirectory>().FirstOrDefault();
        var iptc = directories.OfType<IptcDirectory>().FirstOrDefault();
        var xmp = directories.OfType<XmpDirectory>().Select(d => d.XmpMeta).FirstOrDefault(m => m is not null);

        var caption = First(true, Xmp.Text(xmp, XmpConstants.NsDC, "description"), Iptc.Text(iptc, IptcDirectory.TagCaption),
            Exif.Text(ifd0, ExifDirectoryBase.TagImageDescription));
        return new EmbeddedMetadata(
            Title: First(false, Xmp.Text(xmp, XmpConstants.NsDC, "title"), Xmp.Text(xmp, XmpConstants.NsPhotoshop, "Headline"),
                Iptc.Text(iptc, IptcDirectory.TagObjectName), Iptc.Text(iptc, IptcDirectory.TagHeadline)),
            Caption: caption is not null && CameraPlaceholders.Contains(caption) ? null : caption,
            Creator: First(false, Xmp.Text(xmp, XmpConstants.NsDC, "creator"), Iptc.Text(iptc, IptcDirectory.TagByLine),
                Exif.Text(ifd0, ExifDirectoryBase.TagArtist)),
            Copyright: First(false, Xmp.Text(xmp, XmpConstants.NsDC, "rights"), Iptc.Text(iptc, IptcDirectory.TagCopyrightNotice),
                Exif.Text(ifd0, ExifDirectoryBase.TagCopyright)),
            CreditLine: First(false, Xmp.Text(xmp, XmpConstants.NsPhotoshop, "Credit"), Iptc.Text(iptc, IptcDirectory.TagCredit)),
            CapturedAt: Exif.CapturedAt(subIfd),
            CameraMake: First(false, Exif.Text(ifd0, ExifDirectoryBase.TagMake)),
            CameraModel: First(false, Exif.Text(ifd0, ExifDirectoryBase.TagModel)),
            Position: Exif.Position(gps),
            Orientation: Exif.Orientation(ifd0),
            Keywords: Keywords(Xmp.Items(xmp, XmpConstants.NsDC, "subject"), Iptc.Items(iptc, IptcDirectory.TagKeywords)));
    }

    /// <summary>The first candidate with printable text, in precedence order.</summary>
    private static string? First(bool multiline, params string?[] candidates) =>
        candidates.Select(c => MetadataText.Clean(c, MaxFieldLength, multiline)).FirstOrDefault(c => c is not null);

    private static List<string> Keywords(IReadOnlyList<string> xmp, IReadOnlyList<string> iptc) =>
        (xmp.Count > 0 ? xmp : iptc)
            .Select(k => MetadataText.Clean(k, MaxFieldLength))
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(MaxKeywords)
            .ToList();

    /// <summary>Each getter returns null or nothing when the value is absent or malformed; none throws.</summary>
    private static class Exif
    {
        public static string? Text(ExifDirectoryBase? directory, int tag) => Safe(() => directory?.GetString(tag), null);

        public static int? Orientation(ExifIfd0Directory? ifd0) => Safe<int?>(() =>
            ifd0 is not null && ifd0.TryGetInt32(ExifDirectoryBase.TagOrientation, out var value) && value is >= 1 and <= 8 ? value : null, null);

        public static GeoPosition? Position(GpsDirectory? gps)
        {
            var location = Safe(() => gps?.GetGeoLocation(), null); // TryGetGeoLocation in MetadataExtractor 2.5+
            return location is { Latitude: >= -90 and <= 90, Longitude: >= -180 and <= 180 }
                ? new GeoPosition(location.Latitude, location.Longitude)
                : null; // NaN fails both range tests
        }

        public static DateTime? CapturedAt(ExifSubIfdDirectory? subIfd) => Safe(() => CapturedAtOrThrow(subIfd), null);

        private static DateTime? CapturedAtOrThrow(ExifSubIfdDirectory? subIfd)
        {
            // Before photography existed is a placeholder ("0000:00:00 00:00:00" does not even parse) or a wrong clock.
            if (subIfd is null || !subIfd.TryGetDateTime(ExifDirectoryBase.TagDateTimeOriginal, out var local) || local.Year < 1826)
            {
                return null;
            }

            // OffsetTimeOriginal is "+08:00" / "-05:30"; anything else is treated as absent.
            var offset = Text(subIfd, ExifDirectoryBase.TagTimeZoneOriginal)?.Trim();
            return offset is { Length: 6 } && (offset[0] is '+' or '-')
                && TimeSpan.TryParseExact(offset[1..], @"hh\:mm", CultureInfo.InvariantCulture, out var span) && span <= TimeSpan.FromHours(14)
                ? new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset[0] == '-' ? -span : span).UtcDateTime
                : DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        }
    }

    private static class Iptc
    {
        // Repeatable datasets (By-line, Keywords) come back as arrays; IPTC's CodedCharacterSet (1:90) is applied by the reader.
        public static IReadOnlyList<string> Items(IptcDirectory? iptc, int tag) => Safe(() => iptc?.GetStringArray(tag), null) ?? [];

        public static string? Text(IptcDirectory? iptc, int tag) => Join(Items(iptc, tag));
    }

    private static class Xmp
    {
        public static IReadOnlyList<string> Items(IXmpMeta? xmp, string ns, string name) => Safe(() =>
        {
            var property = xmp?.GetProperty(ns, name);
            if (property is null)
            {
                return null;
            }

            if (property.Options.IsArrayAltText)
            {
                // A language alternative: the x-default text, else the first language the file has.
                return [xmp!.GetLocalizedText(ns, name, null, "x-default")?.Value ?? ""];
            }

            return property.Options.IsArray
                ? Enumerable.Range(1, Math.Min(xmp!.CountArrayItems(ns, name), MaxKeywords)).Select(i => xmp.GetArrayItem(ns, name, i)?.Value ?? "").ToArray()
                : [property.Value ?? ""];
        }, null) ?? [];

        public static string? Text(IXmpMeta? xmp, string ns, string name) => Join(Items(xmp, ns, name));
    }

    // Several creators are one credit: "A; B".
    private static string? Join(IReadOnlyList<string> items) =>
        items.Count == 0 ? null : string.Join("; ", items.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()));

    // One malformed value must not cost the others: each is read on its own.
    private static T Safe<T>(Func<T> read, T fallback)
    {
        try
        {
            return read();
        }
        catch (Exception)
        {
            return fallback;
        }
    }
}
