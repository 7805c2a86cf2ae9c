using System.Buffers.Binary;
using System.Text;

namespace ParkGlobalMedia.Tests.Assets.Metadata;

/// <summary>
/// Builds JPEGs that carry EXIF, XMP and IPTC, byte by byte, so tests need no exiftool and no binary fixtures.
/// Use it wherever a test must prove metadata is read (the metadata reader) or removed (renditions, the upload API):
/// <code>
/// var jpeg = JpegWithMetadata.Build(exif: JpegWithMetadata.SampleExif, xmp: JpegWithMetadata.SampleXmp.ToPacket(), iptc: JpegWithMetadata.SampleIptc);
/// var everything = JpegWithMetadata.WithEverything(); // the same, in one call
/// </code>
/// The base image is <see cref="BaseJpeg"/> (64×48, one colour) unless another is given; any EXIF, XMP or IPTC the base
/// already holds is removed, so the result carries exactly what was asked for.
/// </summary>
public static class JpegWithMetadata
{
    /// <summary>A 64×48 sRGB baseline JPEG (made with <c>vips jpegsave --strip --optimize-coding</c>), no metadata.</summary>
    public static byte[] BaseJpeg => Convert.FromBase64String(
        "/9j/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwh" +
        "MjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjL/wAARCAAwAEADASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAA" +
        "AAX/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAAAAb/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCQAr0qAAAA" +
        "AAAAAAAAAAAAAAAAAA//2Q==");

    /// <summary>Camera, author, capture time (UTC+8) and a position in Shenzhen: what a rendition must not leak.</summary>
    public static ExifFields SampleExif { get; } = new()
    {
        Make = "Canon",
        Model = "Canon EOS R5",
        Artist = "Exif Artist",
        Copyright = "Exif Copyright",
        ImageDescription = "Exif description",
        Orientation = 6,
        DateTimeOriginal = new DateTime(2024, 5, 1, 14, 30, 15),
        OffsetTimeOriginal = "+08:00",
        Gps = (22.543096, 114.057865),
    };

    public static XmpFields SampleXmp { get; } = new()
    {
        Title = "深圳湾公园日落",
        Description = "傍晚的深圳湾公园，远处是香港。",
        Creators = ["张伟"],
        Rights = "© 2024 公园全球传媒",
        Credit = "公园全球传媒",
        Subjects = ["公园", "日落", "深圳"],
    };

    public static IptcFields SampleIptc { get; } = new()
    {
        ObjectName = "IPTC title",
        Caption = "IPTC caption",
        ByLines = ["IPTC by-line"],
        CopyrightNotice = "IPTC copyright",
        Credit = "IPTC credit",
        Keywords = ["iptc-keyword"],
    };

    /// <summary>The base JPEG with <see cref="SampleExif"/>, <see cref="SampleXmp"/> and <see cref="SampleIptc"/>.</summary>
    public static byte[] WithEverything(byte[]? baseJpeg = null) =>
        Build(baseJpeg ?? BaseJpeg, SampleExif, SampleXmp.ToPacket(), SampleIptc);

    public static byte[] Build(ExifFields? exif = null, string? xmp = null, IptcFields? iptc = null) => Build(BaseJpeg, exif, xmp, iptc);

    public static byte[] Build(string baseJpegPath, ExifFields? exif = null, string? xmp = null, IptcFields? iptc = null) =>
        Build(File.ReadAllBytes(baseJpegPath), exif, xmp, iptc);

    /// <param name="xmp">A whole XMP packet (see <see cref="XmpFields.ToPacket"/>), or any text to test a broken one.</param>
    public static byte[] Build(byte[] baseJpeg, ExifFields? exif = null, string? xmp = null, IptcFields? iptc = null)
    {
        var added = new List<byte[]>();
        if (exif is not null)
        {
            added.Add(Segment(0xE1, [.. "Exif\0\0"u8, .. exif.ToTiff()]));
        }

        if (xmp is not null)
        {
            added.Add(Segment(0xE1, [.. "http://ns.adobe.com/xap/1.0/\0"u8, .. Encoding.UTF8.GetBytes(xmp)]));
        }

        if (iptc is not null)
        {
            var block = iptc.ToIim();
            var resource = new byte[12 + block.Length + (block.Length % 2)]; // "8BIM", id 0x0404, empty name (2), size (4), data, pad to even
            "8BIM"u8.CopyTo(resource);
            BinaryPrimitives.WriteUInt16BigEndian(resource.AsSpan(4), 0x0404);
            BinaryPrimitives.WriteUInt32BigEndian(resource.AsSpan(8), (uint)block.Length);
            block.CopyTo(resource, 12);
            added.Add(Segment(0xED, [.. "Photoshop 3.0\0"u8, .. resource]));
        }

        return Splice(baseJpeg, added);
    }

    private static byte[] Segment(byte marker, byte[] payload)
    {
        if (payload.Length > ushort.MaxValue - 2)
        {
            throw new ArgumentException($"A JPEG segment holds at most 65,533 bytes; this one has {payload.Length}.");
        }

        return [0xFF, marker, (byte)((payload.Length + 2) >> 8), (byte)(payload.Length + 2), .. payload];
    }

    // Copies the base, dropping its APP1 (EXIF/XMP) and APP13 (IPTC) segments and inserting ours after SOI and any APP0
    // (JFIF must stay first). Everything from the start of scan on is copied as it is.
    private static byte[] Splice(byte[] jpeg, List<byte[]> added)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
        {
            throw new ArgumentException("The base is not a JPEG.", nameof(jpeg));
        }

        using var output = new MemoryStream();
        output.Write(jpeg, 0, 2);
        var position = 2;
        var inserted = false;
        while (position + 4 <= jpeg.Length && jpeg[position] == 0xFF && jpeg[position + 1] != 0xDA)
        {
            var marker = jpeg[position + 1];
            var length = 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(position + 2));
            if (marker != 0xE0 && !inserted)
            {
                added.ForEach(s => output.Write(s));
                inserted = true;
            }

            if (marker is not (0xE1 or 0xED))
            {
                output.Write(jpeg, position, length);
            }

            position += length;
        }

        if (!inserted)
        {
            added.ForEach(s => output.Write(s));
        }

        output.Write(jpeg, position, jpeg.Length - position);
        return output.ToArray();
    }
}
