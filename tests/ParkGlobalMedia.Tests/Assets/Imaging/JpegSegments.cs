using System.Buffers.Binary;
using System.Text;

namespace ParkGlobalMedia.Tests.Assets.Imaging;

/// <summary>
/// JPEG APP segments written by hand (exiftool is not installed): EXIF as a tiny big-endian TIFF structure, XMP and
/// IPTC as a camera or a photo desk would leave them.
/// </summary>
public static class JpegSegments
{
    /// <summary>APP1 EXIF: IFD0 Make, Model, optional Orientation, and when asked a GPS IFD (latitude/longitude).</summary>
    public static byte[] Exif(string make, string model, int? orientation = null, bool gps = false)
    {
        // IFD0 entries in ascending tag order; values that do not fit in 4 bytes go to the data area after the IFDs.
        var ifd0 = new List<(ushort Tag, ushort Type, uint Count, byte[] Value)>
        {
            (0x010F, 2, 0, Ascii(make)),
            (0x0110, 2, 0, Ascii(model)),
        };
        if (orientation is { } o)
        {
            ifd0.Add((0x0112, 3, 1, [(byte)(o >> 8), (byte)o, 0, 0]));
        }

        var gpsIfd = new List<(ushort Tag, ushort Type, uint Count, byte[] Value)>
        {
            (0x0000, 1, 4, [2, 3, 0, 0]),
            (0x0001, 2, 0, Ascii("N")),
            (0x0002, 5, 3, Rationals((48, 1), (51, 1), (2412, 100))),
            (0x0003, 2, 0, Ascii("E")),
            (0x0004, 5, 3, Rationals((2, 1), (17, 1), (4012, 100))),
        };

        const int ifd0Offset = 8;
        var ifd0Size = 2 + 12 * (ifd0.Count + (gps ? 1 : 0)) + 4;
        var gpsOffset = ifd0Offset + ifd0Size;
        var gpsSize = gps ? 2 + 12 * gpsIfd.Count + 4 : 0;
        var data = new MemoryStream();
        var dataOffset = gpsOffset + gpsSize;

        var tiff = new MemoryStream();
        tiff.Write("MM\0*"u8);
        WriteUInt32(tiff, ifd0Offset);
        var entries = ifd0.ToList();
        if (gps)
        {
            entries.Add((0x8825, 4, 1, BigEndian((uint)gpsOffset)));
        }

        WriteIfd(tiff, entries, data, dataOffset);
        if (gps)
        {
            WriteIfd(tiff, gpsIfd, data, dataOffset);
        }

        data.WriteTo(tiff);
        return Segment(0xE1, [.. "Exif\0\0"u8.ToArray(), .. tiff.ToArray()]);
    }

    /// <summary>APP1 XMP naming a creator.</summary>
    public static byte[] Xmp(string creator) => Segment(0xE1, Encoding.UTF8.GetBytes(
        "http://ns.adobe.com/xap/1.0/\0<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>" +
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">" +
        "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator><rdf:Seq><rdf:li>" + creator +
        "</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>"));

    /// <summary>APP13 Photoshop IRB with an IPTC By-line (2:80).</summary>
    public static byte[] Iptc(string byline)
    {
        var value = Encoding.UTF8.GetBytes(byline);
        byte[] iptc = [0x1C, 2, 80, (byte)(value.Length >> 8), (byte)value.Length, .. value];
        var pad = iptc.Length % 2 == 1 ? new byte[1] : [];
        return Segment(0xED, [.. "Photoshop 3.0\0"u8.ToArray(), .. "8BIM"u8.ToArray(), 0x04, 0x04, 0, 0, .. BigEndian((uint)iptc.Length), .. iptc, .. pad]);
    }

    private static void WriteIfd(MemoryStream tiff, List<(ushort Tag, ushort Type, uint Count, byte[] Value)> entries, MemoryStream data, int dataOffset)
    {
        WriteUInt16(tiff, (ushort)entries.Count);
        foreach (var (tag, type, count, value) in entries.OrderBy(e => e.Tag))
        {
            WriteUInt16(tiff, tag);
            WriteUInt16(tiff, type);
            WriteUInt32(tiff, type == 2 ? (uint)value.Length : count);
            if (value.Length <= 4)
            {
                tiff.Write(value);
                tiff.Write(new byte[4 - value.Length]);
            }
            else
            {
                WriteUInt32(tiff, (uint)(dataOffset + data.Length));
                data.Write(value);
                if (data.Length % 2 == 1)
                {
                    data.WriteByte(0);
                }
            }
        }

        WriteUInt32(tiff, 0); // no next IFD
    }

    private static byte[] Segment(byte marker, byte[] payload) =>
        [0xFF, marker, (byte)((payload.Length + 2) >> 8), (byte)(payload.Length + 2), .. payload];

    private static byte[] Ascii(string text) => [.. Encoding.ASCII.GetBytes(text), 0];

    private static byte[] Rationals(params (uint Numerator, uint Denominator)[] values) =>
        values.SelectMany(v => BigEndian(v.Numerator).Concat(BigEndian(v.Denominator))).ToArray();

    private static byte[] BigEndian(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    private static void WriteUInt16(MemoryStream stream, ushort value) => stream.Write([(byte)(value >> 8), (byte)value]);

    private static void WriteUInt32(MemoryStream stream, uint value) => stream.Write(BigEndian(value));
}
