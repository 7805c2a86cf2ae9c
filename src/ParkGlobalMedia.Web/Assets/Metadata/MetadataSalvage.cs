using System.Buffers.Binary;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Iptc;
using MetadataExtractor.Formats.Jpeg;
using MetadataExtractor.Formats.Photoshop;
using MetadataExtractor.Formats.Xmp;

namespace ParkGlobalMedia.Assets.Metadata;

/// <summary>
/// Second chances for files MetadataExtractor gives up on as a whole because of one flaw, so the flaw does not cost
/// the metadata that is intact.
/// </summary>
internal static class MetadataSalvage
{
    private const byte StartOfScan = 0xDA;
    private const byte EndOfImage = 0xD9;

    /// <summary>
    /// A JPEG cut short (an interrupted copy) makes the parser throw when the file ends inside a segment; every
    /// segment complete before the cut is still parsed here.
    /// </summary>
    public static IReadOnlyList<MetadataExtractor.Directory> Jpeg(Stream stream)
    {
        try
        {
            var segments = JpegSegments(stream);
            return segments.Count == 0
                ? []
                : JpegMetadataReader.ProcessJpegSegments([new ExifReader(), new XmpReader(), new PhotoshopReader(), new IptcReader()], segments);
        }
        catch (Exception)
        {
            return [];
        }
    }

    private static List<JpegSegment> JpegSegments(Stream stream)
    {
        var segments = new List<JpegSegment>();
        stream.Position = 2; // after SOI, which the caller has seen
        Span<byte> length = stackalloc byte[2];
        while (true)
        {
            if (stream.ReadByte() != 0xFF)
            {
                return segments;
            }

            int marker;
            while ((marker = stream.ReadByte()) == 0xFF)
            {
                // fill bytes before a marker are allowed
            }

            if (marker is -1 or StartOfScan or EndOfImage)
            {
                return segments; // metadata always precedes the image data
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                continue; // markers without a length
            }

            if (stream.ReadAtLeast(length, 2, throwOnEndOfStream: false) < 2)
            {
                return segments;
            }

            var size = (length[0] << 8 | length[1]) - 2;
            var bytes = new byte[Math.Max(size, 0)];
            if (size < 0 || stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false) < bytes.Length)
            {
                return segments; // the cut: this segment is incomplete
            }

            if (marker is 0xE1 or 0xED) // APP1 (EXIF, XMP) and APP13 (Photoshop IRB holding IPTC)
            {
                segments.Add(new JpegSegment((JpegSegmentType)marker, bytes, stream.Position - bytes.Length));
            }
        }
    }

    /// <summary>
    /// The parser refuses a whole PNG that repeats a chunk PNG allows once, and libvips 8.14 writes eXIf twice. The
    /// metadata chunks are copied here, first of each kind (text chunks may repeat), without the pixel data, and parsed again.
    /// </summary>
    public static IReadOnlyList<MetadataExtractor.Directory> Png(Stream stream)
    {
        try
        {
            using var copy = new MemoryStream();
            stream.Position = 0;
            Span<byte> buffer = stackalloc byte[8];
            stream.ReadExactly(buffer); // the signature, which the caller has seen
            copy.Write(buffer);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (stream.ReadAtLeast(buffer, 8, throwOnEndOfStream: false) == 8)
            {
                var length = BinaryPrimitives.ReadUInt32BigEndian(buffer);
                var type = System.Text.Encoding.ASCII.GetString(buffer[4..]);
                if (length > stream.Length - stream.Position - 4 || type == "IEND")
                {
                    break; // truncated, or the end
                }

                if (type is "IDAT" || (!seen.Add(type) && type is not ("tEXt" or "zTXt" or "iTXt")))
                {
                    stream.Seek(length + 4, SeekOrigin.Current);
                    continue;
                }

                var chunk = new byte[8 + length + 4];
                buffer.CopyTo(chunk);
                stream.ReadExactly(chunk, 8, (int)length + 4);
                copy.Write(chunk);
            }

            copy.Write([0, 0, 0, 0, .. "IEND"u8, 0xAE, 0x42, 0x60, 0x82]);
            copy.Position = 0;
            return ImageMetadataReader.ReadMetadata(copy);
        }
        catch (Exception)
        {
            return [];
        }
    }
}
