using System.Buffers.Binary;
using System.Text;

namespace ParkGlobalMedia.Tests.Assets.Metadata;

/// <summary>
/// EXIF to write into a test JPEG (see <see cref="JpegWithMetadata"/>): IFD0 text, camera and orientation, the Exif
/// sub-IFD's capture time, and a GPS IFD. Null fields are left out. Texts are written as UTF-8, as many phones do.
/// </summary>
public sealed record ExifFields
{
    public string? ImageDescription { get; init; }
    public string? Make { get; init; }
    public string? Model { get; init; }
    public string? Artist { get; init; }
    public string? Copyright { get; init; }
    public ushort? Orientation { get; init; }

    /// <summary>Written as "yyyy:MM:dd HH:mm:ss", the camera's local clock.</summary>
    public DateTime? DateTimeOriginal { get; init; }

    /// <summary>The UTC offset of <see cref="DateTimeOriginal"/>, e.g. "+08:00" (EXIF 2.31 OffsetTimeOriginal).</summary>
    public string? OffsetTimeOriginal { get; init; }

    /// <summary>Signed decimal degrees; written as N/S and E/W references with degree/minute/second rationals.</summary>
    public (double Latitude, double Longitude)? Gps { get; init; }

    // TIFF field types.
    private const ushort ByteType = 1, AsciiType = 2, ShortType = 3, LongType = 4, RationalType = 5;

    /// <summary>A little-endian TIFF structure: header, IFD0, then the Exif and GPS IFDs it points to.</summary>
    internal byte[] ToTiff()
    {
        var ifd0 = new List<Entry>();
        AddText(ifd0, 0x010E, ImageDescription);
        AddText(ifd0, 0x010F, Make);
        AddText(ifd0, 0x0110, Model);
        if (Orientation is { } orientation)
        {
            ifd0.Add(new Entry(0x0112, ShortType, 1, [(byte)orientation, (byte)(orientation >> 8)]));
        }

        AddText(ifd0, 0x013B, Artist);
        AddText(ifd0, 0x8298, Copyright);

        var exif = new List<Entry>();
        AddText(exif, 0x9003, DateTimeOriginal?.ToString("yyyy:MM:dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        AddText(exif, 0x9011, OffsetTimeOriginal);

        var gps = new List<Entry>();
        if (Gps is var (latitude, longitude))
        {
            gps.Add(new Entry(0x0000, ByteType, 4, [2, 3, 0, 0]));
            AddText(gps, 0x0001, latitude < 0 ? "S" : "N");
            gps.Add(new Entry(0x0002, RationalType, 3, Dms(latitude)));
            AddText(gps, 0x0003, longitude < 0 ? "W" : "E");
            gps.Add(new Entry(0x0004, RationalType, 3, Dms(longitude)));
        }

        // Pointers are LONGs held inline, so IFD0's size is known before their values are.
        var exifPointer = new Entry(0x8769, LongType, 1, new byte[4]);
        var gpsPointer = new Entry(0x8825, LongType, 1, new byte[4]);
        if (exif.Count > 0)
        {
            ifd0.Add(exifPointer);
        }

        if (gps.Count > 0)
        {
            ifd0.Add(gpsPointer);
        }

        const int ifd0Offset = 8;
        var exifOffset = ifd0Offset + Size(ifd0);
        var gpsOffset = exifOffset + (exif.Count > 0 ? Size(exif) : 0);
        BinaryPrimitives.WriteUInt32LittleEndian(exifPointer.Value, (uint)exifOffset);
        BinaryPrimitives.WriteUInt32LittleEndian(gpsPointer.Value, (uint)gpsOffset);

        var tiff = new byte[gpsOffset + (gps.Count > 0 ? Size(gps) : 0)];
        "II*\0"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), ifd0Offset);
        WriteIfd(tiff, ifd0Offset, ifd0);
        if (exif.Count > 0)
        {
            WriteIfd(tiff, exifOffset, exif);
        }

        if (gps.Count > 0)
        {
            WriteIfd(tiff, gpsOffset, gps);
        }

        return tiff;
    }

    private sealed record Entry(ushort Tag, ushort Type, int Count, byte[] Value);

    private static void AddText(List<Entry> ifd, ushort tag, string? text)
    {
        if (text is not null)
        {
            byte[] value = [.. Encoding.UTF8.GetBytes(text), 0];
            ifd.Add(new Entry(tag, AsciiType, value.Length, value));
        }
    }

    private static byte[] Dms(double degrees)
    {
        var value = Math.Abs(degrees);
        var whole = Math.Floor(value);
        var minutes = Math.Floor((value - whole) * 60);
        var seconds = ((value - whole) * 60 - minutes) * 60;
        var bytes = new byte[24];
        uint[] parts = [(uint)whole, 1, (uint)minutes, 1, (uint)Math.Round(seconds * 10_000), 10_000];
        for (var i = 0; i < parts.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), parts[i]);
        }

        return bytes;
    }

    // Count, entries, next-IFD offset, then values longer than four bytes (each padded to an even offset).
    private static int Size(List<Entry> ifd) => 2 + 12 * ifd.Count + 4 + ifd.Where(e => e.Value.Length > 4).Sum(e => e.Value.Length + e.Value.Length % 2);

    private static void WriteIfd(byte[] tiff, int offset, List<Entry> ifd)
    {
        var span = tiff.AsSpan();
        BinaryPrimitives.WriteUInt16LittleEndian(span[offset..], (ushort)ifd.Count);
        var data = offset + 2 + 12 * ifd.Count + 4; // the next-IFD offset stays 0: no IFD1
        var entry = offset + 2;
        foreach (var e in ifd.OrderBy(e => e.Tag))
        {
            BinaryPrimitives.WriteUInt16LittleEndian(span[entry..], e.Tag);
            BinaryPrimitives.WriteUInt16LittleEndian(span[(entry + 2)..], e.Type);
            BinaryPrimitives.WriteUInt32LittleEndian(span[(entry + 4)..], (uint)e.Count);
            if (e.Value.Length <= 4)
            {
                e.Value.CopyTo(span[(entry + 8)..]);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(span[(entry + 8)..], (uint)data);
                e.Value.CopyTo(span[data..]);
                data += e.Value.Length + e.Value.Length % 2;
            }

            entry += 12;
        }
    }
}
