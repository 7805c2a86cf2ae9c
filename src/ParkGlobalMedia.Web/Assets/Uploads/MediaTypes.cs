namespace ParkGlobalMedia.Assets.Uploads;

/// <summary>The kinds of asset the bank accepts; each has its own size limit and processing.</summary>
public enum AssetKind
{
    Image,
    Video,
    Document,
    H5Package,
}

/// <summary>A recognised file format: what it is, how to serve it, and the extension the bank stores it under.</summary>
public sealed record MediaType(string Name, string ContentType, string Extension, AssetKind Kind);

/// <summary>
/// Decides a file's type from its first bytes ("magic numbers"), never from its name or the client's Content-Type:
/// uploads are hostile, and a renamed HTML or script file must not be stored or served as an image.
/// Anything not recognised is refused.
/// </summary>
public static class MediaTypes
{
    /// <summary>How many leading bytes detection needs.</summary>
    public const int HeaderLength = 32;

    public static readonly MediaType Jpeg = new("JPEG", "image/jpeg", "jpg", AssetKind.Image);
    public static readonly MediaType Png = new("PNG", "image/png", "png", AssetKind.Image);
    public static readonly MediaType Gif = new("GIF", "image/gif", "gif", AssetKind.Image);
    public static readonly MediaType WebP = new("WebP", "image/webp", "webp", AssetKind.Image);
    public static readonly MediaType Tiff = new("TIFF", "image/tiff", "tif", AssetKind.Image);
    public static readonly MediaType Heic = new("HEIC", "image/heic", "heic", AssetKind.Image);
    public static readonly MediaType Avif = new("AVIF", "image/avif", "avif", AssetKind.Image);
    public static readonly MediaType Mp4 = new("MP4", "video/mp4", "mp4", AssetKind.Video);
    public static readonly MediaType QuickTime = new("QuickTime", "video/quicktime", "mov", AssetKind.Video);
    public static readonly MediaType WebM = new("WebM", "video/webm", "webm", AssetKind.Video);
    public static readonly MediaType Pdf = new("PDF", "application/pdf", "pdf", AssetKind.Document);
    public static readonly MediaType Zip = new("ZIP (H5 package)", "application/zip", "zip", AssetKind.H5Package);

    public static readonly IReadOnlyList<MediaType> All = [Jpeg, Png, Gif, WebP, Tiff, Heic, Avif, Mp4, QuickTime, WebM, Pdf, Zip];

    /// <summary>The type of a file that starts with <paramref name="header"/>, or null when it is not one the bank accepts.</summary>
    public static MediaType? Detect(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8))
        {
            return Gif;
        }

        if (header.Length >= 12 && header.StartsWith("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0x49, 0x49, 0x2A, 0x00]) || header.StartsWith((ReadOnlySpan<byte>)[0x4D, 0x4D, 0x00, 0x2A]))
        {
            return Tiff;
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]))
        {
            return WebM; // EBML; Matroska proper is refused later by the video probe if it is not WebM
        }

        if (header.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (header.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]))
        {
            return Zip;
        }

        // ISO base media files: a size, then "ftyp", then the major brand.
        if (header.Length >= 12 && header[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = header[8..12];
            if (brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("mif1"u8) || brand.SequenceEqual("msf1"u8))
            {
                return Heic;
            }

            if (brand.SequenceEqual("avif"u8) || brand.SequenceEqual("avis"u8))
            {
                return Avif;
            }

            if (brand.SequenceEqual("qt  "u8))
            {
                return QuickTime;
            }

            return Mp4; // isom, iso2, mp41, mp42, avc1, M4V, dash ...
        }

        return null;
    }
}
