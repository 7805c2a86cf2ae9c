using ParkGlobalMedia.Assets.Video;

namespace ParkGlobalMedia.Tests.Assets.Video;

/// <summary>Reading ffprobe's JSON, including what the test clips cannot easily carry: legacy tags, odd pixels, long files.</summary>
public sealed class FfprobeJsonTests
{
    private static readonly TimeSpan HalfHour = TimeSpan.FromMinutes(30);

    private static string Json(string videoExtras = "", string format = "\"format_name\": \"mov,mp4,m4a,3gp,3g2,mj2\", \"duration\": \"12.5\", \"bit_rate\": \"800000\"", string audio = "") => $$"""
        {
          "streams": [
            { "index": 0, "codec_type": "video", "codec_name": "h264", "width": 1920, "height": 1080,
              "avg_frame_rate": "30000/1001", "r_frame_rate": "30/1", "sample_aspect_ratio": "1:1"{{videoExtras}} }{{audio}}
          ],
          "format": { {{format}} }
        }
        """;

    public static TheoryData<string, int, int, int> Rotations => new()
    {
        { "", 0, 1920, 1080 },
        { ", \"side_data_list\": [{ \"side_data_type\": \"Display Matrix\", \"rotation\": -90 }]", 90, 1080, 1920 },
        { ", \"side_data_list\": [{ \"side_data_type\": \"Display Matrix\", \"rotation\": 90 }]", 270, 1080, 1920 },
        { ", \"side_data_list\": [{ \"side_data_type\": \"Display Matrix\", \"rotation\": 180 }]", 180, 1920, 1080 },
        { ", \"side_data_list\": [{ \"side_data_type\": \"Display Matrix\", \"rotation\": -270 }]", 270, 1080, 1920 },
        { ", \"tags\": { \"rotate\": \"90\" }", 90, 1080, 1920 },
        { ", \"tags\": { \"rotate\": \"-90\" }", 270, 1080, 1920 },
        { ", \"tags\": { \"rotate\": \"180\" }", 180, 1920, 1080 },
    };

    [Theory]
    [MemberData(nameof(Rotations))]
    public void Rotation_is_the_clockwise_quarter_turn_and_swaps_the_displayed_sides(string extras, int rotation, int width, int height)
    {
        var probe = FfprobeJson.Read(Json(extras), HalfHour).Probe;
        Assert.Equal((rotation, width, height), (probe.Rotation, probe.Width, probe.Height));
    }

    [Fact]
    public void Non_square_pixels_are_displayed_stretched()
    {
        var probed = FfprobeJson.Read(Json().Replace("\"width\": 1920, \"height\": 1080", "\"width\": 720, \"height\": 480").Replace("\"1:1\"", "\"32:27\""), HalfHour);
        Assert.Equal((853, 480), (probed.Probe.Width, probed.Probe.Height));
        Assert.False(probed.SquarePixels);
    }

    [Fact]
    public void Frame_rate_bit_rate_and_duration_come_from_the_stream_and_format()
    {
        var probe = FfprobeJson.Read(Json(), HalfHour).Probe;
        Assert.Equal(29.97, probe.FrameRate, precision: 2);
        Assert.Equal(800_000, probe.BitRate);
        Assert.Equal(TimeSpan.FromSeconds(12.5), probe.Duration);
        Assert.Null(probe.AudioCodec);
    }

    [Fact]
    public void An_unknown_average_frame_rate_falls_back_to_the_base_rate()
    {
        var probe = FfprobeJson.Read(Json().Replace("30000/1001", "0/0"), HalfHour).Probe;
        Assert.Equal(30, probe.FrameRate);
    }

    public static TheoryData<string, string, string?, string> Containers => new()
    {
        { "\"format_name\": \"mov,mp4,m4a,3gp,3g2,mj2\", \"tags\": { \"major_brand\": \"isom\" }", "h264", "aac", "mp4" },
        { "\"format_name\": \"mov,mp4,m4a,3gp,3g2,mj2\", \"tags\": { \"major_brand\": \"qt  \" }", "h264", "aac", "mov" },
        { "\"format_name\": \"mov,mp4,m4a,3gp,3g2,mj2\", \"tags\": { \"major_brand\": \"3gp4\" }", "h264", "aac", "3gp" },
        { "\"format_name\": \"matroska,webm\"", "vp9", "opus", "webm" },
        { "\"format_name\": \"matroska,webm\"", "vp8", null, "webm" },
        { "\"format_name\": \"matroska,webm\"", "h264", "aac", "matroska" },
        { "\"format_name\": \"avi\"", "mpeg4", "mp3", "avi" },
    };

    [Theory]
    [MemberData(nameof(Containers))]
    public void The_container_is_named_as_users_know_it_not_as_ffmpeg_groups_it(string format, string videoCodec, string? audioCodec, string container)
    {
        var audio = audioCodec is null ? "" : $", {{ \"index\": 1, \"codec_type\": \"audio\", \"codec_name\": \"{audioCodec}\" }}";
        var json = Json(format: format + ", \"duration\": \"3\"", audio: audio).Replace("\"h264\"", $"\"{videoCodec}\"");
        Assert.Equal(container, FfprobeJson.Read(json, HalfHour).Probe.Container);
    }

    [Fact]
    public void A_long_video_is_refused_in_hours_minutes_and_seconds()
    {
        var error = Assert.Throws<VideoRejectedException>(() => FfprobeJson.Read(Json(format: "\"format_name\": \"mov,mp4,m4a,3gp,3g2,mj2\", \"duration\": \"7380.000000\""), HalfHour));
        Assert.Equal("The video is 2:03:00 long; the bank accepts at most 30:00.", error.Message);
    }

    [Theory]
    [InlineData(7380.0, true, "2:03:00")]
    [InlineData(1800.0, false, "30:00")]
    [InlineData(1800.4, true, "30:01")]
    [InlineData(59.2, true, "1:00")]
    [InlineData(2.0, true, "0:02")]
    [InlineData(36000.0, true, "10:00:00")]
    public void Lengths_read_like_a_players_clock(double seconds, bool roundUp, string clock) =>
        Assert.Equal(clock, FfprobeJson.Clock(TimeSpan.FromSeconds(seconds), roundUp));

    [Fact]
    public void Cover_art_is_not_a_video_stream()
    {
        var json = """{ "streams": [ { "index": 0, "codec_type": "audio", "codec_name": "aac" }, { "index": 1, "codec_type": "video", "codec_name": "mjpeg", "width": 600, "height": 600, "disposition": { "attached_pic": 1 } } ], "format": { "format_name": "mov,mp4,m4a,3gp,3g2,mj2", "duration": "200" } }""";
        Assert.Equal("The file has no video stream.", Assert.Throws<VideoRejectedException>(() => FfprobeJson.Read(json, HalfHour)).Message);
    }

    [Fact]
    public void The_stream_indexes_for_ffmpeg_skip_cover_art()
    {
        var json = """{ "streams": [ { "index": 0, "codec_type": "video", "codec_name": "png", "width": 600, "height": 600, "disposition": { "attached_pic": 1 } }, { "index": 1, "codec_type": "audio", "codec_name": "aac" }, { "index": 2, "codec_type": "video", "codec_name": "h264", "width": 640, "height": 360 } ], "format": { "format_name": "mov,mp4,m4a,3gp,3g2,mj2", "duration": "5" } }""";
        var probed = FfprobeJson.Read(json, HalfHour);
        Assert.Equal((2, 1), (probed.VideoStreamIndex, probed.AudioStreamIndex));
        Assert.Equal("h264", probed.Probe.VideoCodec);
    }

    [Fact]
    public void A_video_without_any_duration_is_refused()
    {
        var error = Assert.Throws<VideoRejectedException>(() => FfprobeJson.Read(Json(format: "\"format_name\": \"mpegts\", \"duration\": \"N/A\""), HalfHour));
        Assert.Equal("The file has no playable duration.", error.Message);
    }
}
