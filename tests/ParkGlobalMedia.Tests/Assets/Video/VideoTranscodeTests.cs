using ParkGlobalMedia.Assets.Video;

namespace ParkGlobalMedia.Tests.Assets.Video;

/// <summary>Real encodes of the tiny clips, checked with ffprobe and by reading the MP4's boxes.</summary>
[Collection("video")]
public sealed class VideoTranscodeTests(VideoClips clips) : IDisposable
{
    private readonly string _out = Directory.CreateDirectory(Path.Combine(clips.Folder, "out-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public async Task The_web_rendition_is_h264_high_and_aac_with_the_index_before_the_media()
    {
        var output = Path.Combine(_out, "web.mp4");
        await VideoClips.Processor().TranscodeAsync(clips["landscape.mp4"], VideoRendition.Web, 0.5, output, null);

        var boxes = Tools.TopLevelBoxes(output);
        Assert.True(boxes.IndexOf("moov") >= 0 && boxes.IndexOf("moov") < boxes.IndexOf("mdat"), string.Join(",", boxes));
        var probe = await Tools.FfprobeAsync(output);
        var video = probe.Stream("video");
        Assert.Equal(("h264", "High", "yuv420p"), (video.GetProperty("codec_name").GetString(), video.GetProperty("profile").GetString(), video.GetProperty("pix_fmt").GetString()));
        Assert.Equal((640, 360), (video.GetProperty("width").GetInt32(), video.GetProperty("height").GetInt32()));
        var audio = probe.Stream("audio");
        Assert.Equal("aac", audio.GetProperty("codec_name").GetString());
        Assert.InRange(int.Parse(audio.GetProperty("bit_rate").GetString()!), 100_000, 140_000);
        Assert.Equal([Path.GetFileName(output)], Directory.GetFiles(_out).Select(Path.GetFileName));
    }

    public static TheoryData<string, VideoRendition, int, int, string?> Sizes => new()
    {
        { "wide.mp4", VideoRendition.Web, 1920, 800, null },
        { "odd.webm", VideoRendition.Web, 332, 186, null },
        { "clip.webm", VideoRendition.Web, 320, 180, "aac" },
        { "clip.mov", VideoRendition.Web, 480, 270, "aac" },
        { "landscape.mp4", VideoRendition.Vertical, 360, 640, "aac" },
        { "landscape.mp4", VideoRendition.Square, 360, 360, "aac" },
        { "phone.mp4", VideoRendition.Square, 360, 360, "aac" },
        { "silent.mp4", VideoRendition.Vertical, 234, 416, null },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task A_rendition_has_its_size_even_sides_and_audio_only_when_the_source_has_it(string clip, VideoRendition rendition, int width, int height, string? audioCodec)
    {
        var output = Path.Combine(_out, "r.mp4");
        await VideoClips.Processor().TranscodeAsync(clips[clip], rendition, 0.5, output, null);

        var probe = await VideoClips.Processor().ProbeAsync(output);
        Assert.Equal((width, height, "h264", audioCodec, "mp4"), (probe.Width, probe.Height, probe.VideoCodec, probe.AudioCodec, probe.Container));
    }

    [Fact]
    public async Task A_phone_clip_is_encoded_upright_and_without_its_location_or_dates()
    {
        var output = Path.Combine(_out, "phone.mp4");
        await VideoClips.Processor().TranscodeAsync(clips["phone.mp4"], VideoRendition.Web, 0.5, output, null);

        var probe = await VideoClips.Processor().ProbeAsync(output);
        Assert.Equal((360, 640, 0), (probe.Width, probe.Height, probe.Rotation));
        Assert.Equal([], (await Tools.FfprobeAsync(output)).TagNames().Intersect(["location", "location-eng", "creation_time"]));
        Assert.Contains("location", (await Tools.FfprobeAsync(clips["phone.mp4"])).TagNames()); // the source did carry it
    }

    [Fact]
    public async Task The_focal_point_moves_the_crop_across_the_frame()
    {
        // The clip is blue with a red right-hand quarter: a vertical crop at the right edge is mostly red, at the left all blue.
        var (right, left) = (Path.Combine(_out, "right.mp4"), Path.Combine(_out, "left.mp4"));
        await VideoClips.Processor().TranscodeAsync(clips["red-right.mp4"], VideoRendition.Vertical, 1.0, right, null);
        await VideoClips.Processor().TranscodeAsync(clips["red-right.mp4"], VideoRendition.Vertical, 0.0, left, null);

        var (rightFrame, leftFrame) = (Path.Combine(_out, "right.png"), Path.Combine(_out, "left.png"));
        await Tools.FfmpegAsync("-i", right, "-frames:v", "1", rightFrame);
        await Tools.FfmpegAsync("-i", left, "-frames:v", "1", leftFrame);
        var (onRight, onLeft) = (await Tools.PixelAsync(rightFrame, 300, 320), await Tools.PixelAsync(leftFrame, 300, 320));
        Assert.True(onRight.R > 200 && onRight.B < 60, $"right crop {onRight}");
        Assert.True(onLeft.B > 200 && onLeft.R < 60, $"left crop {onLeft}");
    }

    [Fact]
    public async Task Progress_only_rises_and_ends_at_one()
    {
        var reports = new List<double>();
        await VideoClips.Processor().TranscodeAsync(clips["landscape.mp4"], VideoRendition.Web, 0.5, Path.Combine(_out, "p.mp4"), new Reports(reports.Add));

        Assert.True(reports.Count >= 2, string.Join(", ", reports));
        Assert.Equal(1.0, reports[^1]);
        Assert.All(reports, r => Assert.InRange(r, 0.0, 1.0));
        Assert.All(reports.Zip(reports.Skip(1)), pair => Assert.True(pair.Second > pair.First, string.Join(", ", reports)));
    }

    [Fact]
    public async Task Cancelling_kills_ffmpeg_and_its_children_and_leaves_no_file()
    {
        // Mid-encode on demand: this stand-in writes a partial file, reports a quarter done, then its child keeps the
        // pipe open. The marker file appears only if that child outlives the cancellation.
        var marker = Path.Combine(_out, "child-survived");
        var ffmpeg = FakeTool.Write(clips.Folder, $$"""
            for last; do :; done
            printf 'half an mp4' > "${last#file:}"
            (sleep 3; touch '{{marker}}') &
            echo out_time_us=500000
            echo progress=continue
            wait
            """);
        var output = Path.Combine(_out, "cancelled.mp4");
        using var cancel = new CancellationTokenSource();
        var processor = VideoClips.Processor(new VideoOptions { FfmpegPath = ffmpeg });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => processor.TranscodeAsync(
            clips["landscape.mp4"], VideoRendition.Web, 0.5, output, new Reports(r => { if (r > 0) cancel.Cancel(); }), cancel.Token));

        Assert.Empty(Directory.GetFiles(_out));
    }

    [Fact]
    public async Task Ffmpeg_gets_a_closed_stdin_file_urls_no_source_metadata_and_the_thread_limit()
    {
        var recorded = Path.Combine(clips.Folder, $"args-{Guid.NewGuid():N}.txt");
        var ffmpeg = FakeTool.Write(clips.Folder, $"for a; do printf '%s\\n' \"$a\"; done > '{recorded}'; exit 1");
        var processor = VideoClips.Processor(new VideoOptions { FfmpegPath = ffmpeg, Threads = 2 });
        var output = Path.Combine(_out, "web.mp4");

        await Assert.ThrowsAsync<InvalidOperationException>(() => processor.TranscodeAsync(clips["landscape.mp4"], VideoRendition.Web, 0.5, output, null));

        var arguments = string.Join(' ', await File.ReadAllLinesAsync(recorded));
        Assert.StartsWith("-nostdin -hide_banner -v error -nostats -y -threads 2 ", arguments, StringComparison.Ordinal);
        Assert.Contains(" -protocol_whitelist file -format_whitelist mov,", arguments, StringComparison.Ordinal);
        Assert.Contains($" -i file:{clips["landscape.mp4"]} ", arguments, StringComparison.Ordinal);
        Assert.EndsWith($" -threads 2 -map_metadata -1 -map_chapters -1 -f mp4 file:{output}.partial", arguments, StringComparison.Ordinal);
        Assert.Contains(" -movflags +faststart ", arguments, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_out));
    }

    [Fact]
    public async Task A_cancelled_request_never_starts_ffmpeg()
    {
        var output = Path.Combine(_out, "never.mp4");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            VideoClips.Processor().TranscodeAsync(clips["landscape.mp4"], VideoRendition.Web, 0.5, output, null, new CancellationToken(canceled: true)));
        Assert.Empty(Directory.GetFiles(_out));
    }

    [Fact]
    public async Task A_failing_ffmpeg_surfaces_its_last_error_lines()
    {
        var output = Path.Combine(_out, "no-such-folder", "web.mp4");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            VideoClips.Processor().TranscodeAsync(clips["silent.mp4"], VideoRendition.Web, 0.5, output, null));
        Assert.Contains("No such file or directory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_video_is_refused_before_encoding()
    {
        var error = await Assert.ThrowsAsync<VideoRejectedException>(() =>
            VideoClips.Processor().TranscodeAsync(clips["tone-with-cover.mp3"], VideoRendition.Web, 0.5, Path.Combine(_out, "x.mp4"), null));
        Assert.Equal("The file has no video stream.", error.Message);
        Assert.Empty(Directory.GetFiles(_out));
    }

    [Fact]
    public async Task Hostile_source_and_output_names_are_only_ever_paths()
    {
        var source = Path.Combine(_out, "-y -i concat:x|y $(id) 'a'.mp4");
        File.Copy(clips["silent.mp4"], source);
        var output = Path.Combine(_out, "-f null; `id` \"b\" http:.mp4");

        await VideoClips.Processor().TranscodeAsync(source, VideoRendition.Web, 0.5, output, null);

        Assert.Equal(240, (await VideoClips.Processor().ProbeAsync(output)).Height);
        Assert.Equal([output, source], Directory.GetFiles(_out).Order(StringComparer.Ordinal));
    }

    /// <summary>Reports synchronously, on ffmpeg's reading thread: <see cref="Progress{T}"/> would post them later.</summary>
    private sealed class Reports(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
