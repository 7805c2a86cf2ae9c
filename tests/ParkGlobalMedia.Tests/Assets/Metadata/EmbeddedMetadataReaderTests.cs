using ParkGlobalMedia.Assets.Metadata;

namespace ParkGlobalMedia.Tests.Assets.Metadata;

/// <summary>Title, credits, capture time, camera and position come out of EXIF, IPTC and XMP, in that order of trust reversed.</summary>
public sealed class EmbeddedMetadataReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pgm-metadata-").FullName;

    [Fact]
    public void Every_exif_field_is_read_and_a_capture_time_with_an_offset_becomes_utc()
    {
        var metadata = Read(JpegWithMetadata.Build(exif: JpegWithMetadata.SampleExif));

        Assert.Null(metadata.Title); // EXIF has no title
        Assert.Equal("Exif description", metadata.Caption);
        Assert.Equal("Exif Artist", metadata.Creator);
        Assert.Equal("Exif Copyright", metadata.Copyright);
        Assert.Null(metadata.CreditLine);
        Assert.Equal("Canon", metadata.CameraMake);
        Assert.Equal("Canon EOS R5", metadata.CameraModel);
        Assert.Equal(6, metadata.Orientation);
        Assert.Equal(new DateTime(2024, 5, 1, 6, 30, 15, DateTimeKind.Utc), metadata.CapturedAt);
        Assert.Equal(DateTimeKind.Utc, metadata.CapturedAt!.Value.Kind);
        Assert.Equal(22.543096, metadata.Position!.Latitude, 6);
        Assert.Equal(114.057865, metadata.Position.Longitude, 6);
        Assert.Empty(metadata.Keywords);
    }

    [Fact]
    public void A_capture_time_without_an_offset_is_the_camera_clock_as_given_and_unspecified()
    {
        var metadata = Read(JpegWithMetadata.Build(exif: new ExifFields { DateTimeOriginal = new DateTime(2024, 5, 1, 14, 30, 15) }));

        Assert.Equal(new DateTime(2024, 5, 1, 14, 30, 15), metadata.CapturedAt);
        Assert.Equal(DateTimeKind.Unspecified, metadata.CapturedAt!.Value.Kind);
    }

    [Theory]
    [InlineData(22.543096, 114.057865)] // Shenzhen: N, E
    [InlineData(-33.856784, 151.215297)] // Sydney: S, E
    [InlineData(40.689247, -74.044502)] // New York: N, W
    [InlineData(-22.951916, -43.210487)] // Rio de Janeiro: S, W
    public void South_and_west_are_negative(double latitude, double longitude)
    {
        var position = Read(JpegWithMetadata.Build(exif: new ExifFields { Gps = (latitude, longitude) })).Position;

        Assert.NotNull(position);
        Assert.Equal(latitude, position.Latitude, 6);
        Assert.Equal(longitude, position.Longitude, 6);
    }

    [Theory]
    [InlineData(true, true, true, "xmp")]
    [InlineData(false, true, true, "iptc")]
    [InlineData(false, false, true, "exif")]
    [InlineData(true, false, true, "xmp")]
    public void Xmp_wins_over_iptc_and_iptc_over_exif(bool withXmp, bool withIptc, bool withExif, string expected)
    {
        var jpeg = JpegWithMetadata.Build(
            exif: withExif ? new ExifFields { ImageDescription = "exif", Artist = "exif", Copyright = "exif" } : null,
            xmp: withXmp ? new XmpFields { Title = "xmp", Description = "xmp", Creators = ["xmp"], Rights = "xmp", Credit = "xmp", Subjects = ["xmp"] }.ToPacket() : null,
            iptc: withIptc ? new IptcFields { ObjectName = "iptc", Caption = "iptc", ByLines = ["iptc"], CopyrightNotice = "iptc", Credit = "iptc", Keywords = ["iptc"] } : null);

        var metadata = Read(jpeg);

        Assert.Equal(expected, metadata.Caption);
        Assert.Equal(expected, metadata.Creator);
        Assert.Equal(expected, metadata.Copyright);
        Assert.Equal(expected == "exif" ? null : expected, metadata.Title); // EXIF has no title,
        Assert.Equal(expected == "exif" ? null : expected, metadata.CreditLine); // no credit
        Assert.Equal(expected == "exif" ? [] : [expected], metadata.Keywords); // and no keywords
    }

    [Fact]
    public void Chinese_text_survives_xmp_and_utf8_iptc()
    {
        var fromXmp = Read(JpegWithMetadata.Build(xmp: JpegWithMetadata.SampleXmp.ToPacket()));
        var fromIptc = Read(JpegWithMetadata.Build(iptc: new IptcFields
        {
            ObjectName = "深圳湾公园日落",
            Caption = "傍晚的深圳湾公园",
            ByLines = ["张伟", "李娜"],
            Keywords = ["公园", "日落"],
        }));

        Assert.Equal("深圳湾公园日落", fromXmp.Title);
        Assert.Equal("傍晚的深圳湾公园，远处是香港。", fromXmp.Caption);
        Assert.Equal("张伟", fromXmp.Creator);
        Assert.Equal("© 2024 公园全球传媒", fromXmp.Copyright);
        Assert.Equal("公园全球传媒", fromXmp.CreditLine);
        Assert.Equal(["公园", "日落", "深圳"], fromXmp.Keywords);

        Assert.Equal("深圳湾公园日落", fromIptc.Title);
        Assert.Equal("傍晚的深圳湾公园", fromIptc.Caption);
        Assert.Equal("张伟; 李娜", fromIptc.Creator);
        Assert.Equal(["公园", "日落"], fromIptc.Keywords);
    }

    [Fact]
    public void Texts_lose_control_characters_and_direction_overrides_and_stop_at_2000_characters()
    {
        // Raw control characters are not even legal XML, so they are carried by IPTC here; XMP brings the long caption.
        var metadata = Read(JpegWithMetadata.Build(
            xmp: new XmpFields { Description = "Line one\r\nLine two\n" + new string('长', 5_000) }.ToPacket(),
            iptc: new IptcFields
            {
                ObjectName = "  Sunset\u0007 over\u202E the bay\u001B[31m  ",
                Keywords = ["park", " Park ", "  ", "bay\u0000"],
            }));

        Assert.Equal("Sunset over the bay[31m", metadata.Title);
        Assert.StartsWith("Line one\nLine two\n长长", metadata.Caption, StringComparison.Ordinal);
        Assert.Equal(EmbeddedMetadataReader.MaxFieldLength, metadata.Caption!.Length);
        Assert.Equal(["park", "bay"], metadata.Keywords); // trimmed, empty ones dropped, duplicates (any case) once
    }

    [Fact]
    public void A_camera_placeholder_is_not_a_caption_and_an_impossible_orientation_is_ignored()
    {
        var metadata = Read(JpegWithMetadata.Build(exif: new ExifFields { ImageDescription = "OLYMPUS DIGITAL CAMERA         ", Orientation = 9 }));

        Assert.Null(metadata.Caption);
        Assert.Null(metadata.Orientation);
    }

    [Fact]
    public void A_jpeg_cut_inside_its_iptc_block_still_gives_its_exif_and_xmp()
    {
        var whole = JpegWithMetadata.Build(exif: JpegWithMetadata.SampleExif, xmp: JpegWithMetadata.SampleXmp.ToPacket(), iptc: JpegWithMetadata.SampleIptc);
        var iptcSegment = whole.AsSpan().IndexOf("Photoshop 3.0"u8);

        var metadata = Read(whole[..(iptcSegment + 30)]);

        Assert.Equal("Canon", metadata.CameraMake);
        Assert.Equal("深圳湾公园日落", metadata.Title);
        Assert.NotNull(metadata.Position);
    }

    [Theory]
    [InlineData("png", true)] // libvips writes eXIf twice, which the parser refuses: read through the salvage path
    [InlineData("webp", true)]
    [InlineData("heif", true)]
    [InlineData("tif", false)] // libvips carries XMP and IPTC into TIFF, not EXIF
    public async Task Png_webp_heic_and_tiff_give_their_metadata_too(string format, bool carriesExif)
    {
        var jpeg = Path.Combine(_folder, "everything.jpg");
        File.WriteAllBytes(jpeg, JpegWithMetadata.WithEverything());
        var converted = Path.Combine(_folder, "everything." + format);
        await VipsCli.RunAsync("vips", "copy", jpeg, converted);

        var metadata = EmbeddedMetadataReader.Read(converted);

        Assert.Equal("深圳湾公园日落", metadata.Title);
        Assert.Equal(["公园", "日落", "深圳"], metadata.Keywords);
        Assert.Equal(carriesExif ? "Canon" : null, metadata.CameraMake);
        Assert.Equal(carriesExif, metadata.Position is not null);
    }

    public static TheoryData<string> Hostile => ["empty", "random", "jpeg-header-then-random", "every-prefix", "broken-xmp", "pdf", "zip"];

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_files_give_what_can_be_read_and_never_throw(string kind)
    {
        var random = new Random(20261121);
        var noise = new byte[4_096];
        random.NextBytes(noise);
        var whole = JpegWithMetadata.WithEverything();
        IEnumerable<byte[]> files = kind switch
        {
            "empty" => [[]],
            "random" => [noise],
            "jpeg-header-then-random" => [[0xFF, 0xD8, 0xFF, 0xE1, .. noise]],
            "every-prefix" => Enumerable.Range(0, whole.Length).Select(n => whole[..n]),
            "broken-xmp" => [JpegWithMetadata.Build(xmp: "<x:xmpmeta><rdf:RDF><unclosed")],
            "pdf" => [[.. "%PDF-1.7\n"u8, .. noise]],
            _ => [[0x50, 0x4B, 0x03, 0x04, .. noise]],
        };

        foreach (var file in files)
        {
            var metadata = Read(file);
            Assert.NotNull(metadata.Keywords);
            if (kind is not "every-prefix")
            {
                Assert.Equal(EmbeddedMetadata.Empty with { Keywords = metadata.Keywords }, metadata);
                Assert.Empty(metadata.Keywords);
            }
        }
    }

    private EmbeddedMetadata Read(byte[] file)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(path, file);
        return EmbeddedMetadataReader.Read(path);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
