using System.Buffers.Binary;
using System.Text;

namespace ParkGlobalMedia.Tests.Assets.Metadata;

/// <summary>
/// IPTC IIM datasets for a test JPEG (see <see cref="JpegWithMetadata"/>), written into a Photoshop 3.0 APP13 segment.
/// Texts are UTF-8; <see cref="DeclareUtf8"/> adds the 1:90 CodedCharacterSet "ESC % G" that tells readers so.
/// </summary>
public sealed record IptcFields
{
    /// <summary>2:05 Object Name, the title.</summary>
    public string? ObjectName { get; init; }

    /// <summary>2:105.</summary>
    public string? Headline { get; init; }

    /// <summary>2:120 Caption/Abstract.</summary>
    public string? Caption { get; init; }

    /// <summary>2:80, repeatable.</summary>
    public IReadOnlyList<string> ByLines { get; init; } = [];

    /// <summary>2:116.</summary>
    public string? CopyrightNotice { get; init; }

    /// <summary>2:110.</summary>
    public string? Credit { get; init; }

    /// <summary>2:25, repeatable.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    public bool DeclareUtf8 { get; init; } = true;

    /// <summary>The datasets, envelope record first as IIM requires.</summary>
    internal byte[] ToIim()
    {
        using var iim = new MemoryStream();
        if (DeclareUtf8)
        {
            Dataset(iim, 1, 90, [0x1B, 0x25, 0x47]);
        }

        Dataset(iim, 2, 0, [0x00, 0x04]); // record version 4
        Text(iim, 5, ObjectName);
        Text(iim, 25, Keywords);
        Text(iim, 80, ByLines);
        Text(iim, 105, Headline);
        Text(iim, 110, Credit);
        Text(iim, 116, CopyrightNotice);
        Text(iim, 120, Caption);
        return iim.ToArray();
    }

    private static void Text(MemoryStream iim, byte dataset, string? value)
    {
        if (value is not null)
        {
            Dataset(iim, 2, dataset, Encoding.UTF8.GetBytes(value));
        }
    }

    private static void Text(MemoryStream iim, byte dataset, IReadOnlyList<string> values)
    {
        foreach (var value in values)
        {
            Text(iim, dataset, value);
        }
    }

    private static void Dataset(MemoryStream iim, byte record, byte dataset, byte[] data)
    {
        Span<byte> header = [0x1C, record, dataset, 0, 0];
        BinaryPrimitives.WriteUInt16BigEndian(header[3..], checked((ushort)data.Length)); // standard datasets stop at 32,767
        iim.Write(header);
        iim.Write(data);
    }
}
