using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ParkGlobalMedia.Tests.Assets.Packages;

/// <summary>
/// Zips for package tests, written with ZipArchive, plus byte patches for what ZipArchive will not write: headers that
/// lie about a size, or flag an entry encrypted.
/// </summary>
internal static class TestZip
{
    public static byte[] Create(params (string Name, string Content)[] files) =>
        Create(zip =>
        {
            foreach (var (name, content) in files)
            {
                Add(zip, name, Encoding.UTF8.GetBytes(content));
            }
        });

    public static byte[] Create(Action<ZipArchive> fill)
    {
        using var bytes = new MemoryStream();
        using (var zip = new ZipArchive(bytes, ZipArchiveMode.Create, leaveOpen: true))
        {
            fill(zip);
        }

        return bytes.ToArray();
    }

    public static ZipArchiveEntry Add(ZipArchive zip, string name, byte[] content, CompressionLevel level = CompressionLevel.Optimal)
    {
        var entry = zip.CreateEntry(name, level);
        using var stream = entry.Open();
        stream.Write(content);
        return entry;
    }

    /// <summary>Makes both headers of <paramref name="name"/> declare <paramref name="size"/> uncompressed bytes.</summary>
    public static void DeclareUncompressedSize(byte[] zip, string name, uint size)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(LocalHeader(zip, name) + 22), size);
        BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(CentralHeader(zip, name) + 24), size);
    }

    /// <summary>Sets general-purpose flag bits (bit 0: encrypted) in both headers of <paramref name="name"/>.</summary>
    public static void SetFlags(byte[] zip, string name, ushort flags)
    {
        zip[LocalHeader(zip, name) + 6] |= (byte)flags;
        zip[CentralHeader(zip, name) + 8] |= (byte)flags;
    }

    /// <summary>Replaces the stored bytes of a name with others of the same length, e.g. a legacy code page's.</summary>
    public static void ReplaceName(byte[] zip, string name, byte[] raw)
    {
        raw.CopyTo(zip, LocalHeader(zip, name) + 30);
        raw.CopyTo(zip, CentralHeader(zip, name) + 46);
    }

    // Signature, then the name at a fixed offset with its length at another: 30/26 in a local header, 46/28 in the central directory.
    private static int LocalHeader(byte[] zip, string name) => Find(zip, [0x50, 0x4B, 0x03, 0x04], 30, 26, name);

    private static int CentralHeader(byte[] zip, string name) => Find(zip, [0x50, 0x4B, 0x01, 0x02], 46, 28, name);

    private static int Find(byte[] zip, byte[] signature, int nameOffset, int nameLengthOffset, string name)
    {
        var expected = Encoding.UTF8.GetBytes(name);
        for (var i = 0; i + nameOffset + expected.Length <= zip.Length; i++)
        {
            if (zip.AsSpan(i).StartsWith(signature)
                && BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(i + nameLengthOffset)) == expected.Length
                && zip.AsSpan(i + nameOffset, expected.Length).SequenceEqual(expected))
            {
                return i;
            }
        }

        throw new ArgumentException($"No header for {name}.", nameof(name));
    }
}
