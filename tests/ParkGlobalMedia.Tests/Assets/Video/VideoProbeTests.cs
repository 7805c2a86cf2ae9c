using ParkGlobalMedia.Assets.Video;

namespace ParkGlobalMedia.Tests.Assets.Video;

/// <summary>Probing real files: the figures a player would show, and refusals an uploader can act on.</summary>
[Collection("video")]
public sealed class VideoProbeTests(VideoClips clips)
{
    public static TheoryData<string, double, int, int, int, string, string?, double, string> Clips => new()
    {
        { "landscape.mp4", 2.0, 640, 360, 0, "h264", "aac", 25, "mp4" },
        { "phone.mp4", 2.0, 360, 640, 90, "h264", "aac", 25, "mp4" },
        { "clip.mov", 1.0, 480, 270, 0, "h264", "aac", 30, "mov" },
        { "clip.webm", 1.0, 320, 180, 0, "vp9", "opus", 24, "webm" },
        { "silent.mp4", 1.0, 320, 240, 0, "h264", null, 25, "mp4" },
    };

    [Theory]
    [MemberData(nameof(Clips))]
    public async Task A_clip_probes_to_its_displayed_size_codecs_rate_and_container(
        string clip, double seconds, int width, int height, int rotation, string videoCodec, string? audioCodec, double frameRate, string container)
    {
        var probe = await VideoClips.Processor().ProbeAsync(clips[clip]);

        // Audio frames may run a few milliseconds past the last picture.
        Assert.InRange(probe.Duration.TotalSeconds, seconds - 0.05, seconds + 0.1);
        Assert.Equal((width, height, rotation), (probe.Width, probe.Height, probe.Rotation));
        Assert.Equal((videoCodec, audioCodec, container), (probe.VideoCodec, probe.AudioCodec, probe.Container));
        Assert.Equal(frameRate, probe.FrameRate, precision: 3);
        Assert.True(probe.BitRate > 0);
    }

    public static TheoryData<string, string> Refused => new()
    {
        { "random.bin", "ffprobe could not read the file as video: Invalid data found when processing input" },
        { "truncated.mp4", "ffprobe could not read the file as video: moov atom not found" },
        { "tone-with-cover.mp3", "The file has no video stream." },
        { "still.png", "The file is an image, not a video." },
        { "still.jpg", "The file is an image, not a video." },
        { "missing.mp4", "ffprobe could not read the file as video: No such file or directory" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_file_that_is_not_a_video_is_refused_with_a_precise_message(string file, string message)
    {
        var error = await Assert.ThrowsAsync<VideoRejectedException>(() => VideoClips.Processor().ProbeAsync(clips[file]));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task A_refusal_never_shows_the_uploader_the_servers_path()
    {
        var error = await Assert.ThrowsAsync<VideoRejectedException>(() => VideoClips.Processor().ProbeAsync(clips["random.bin"]));
        Assert.DoesNotContain(clips.Folder, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("random.bin", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("file:/srv/tmp/upload-1: Invalid data found when processing input", "Invalid data found when processing input")]
    [InlineData("[mov,mp4,m4a,3gp,3g2,mj2 @ 0x55d1c0a8cb40] moov atom not found", "moov atom not found")]
    [InlineData("[hls @ 0x1f] Opening 'file:/srv/tmp/upload-1' failed", "Opening 'the file' failed")]
    public void Ffprobes_error_line_reaches_the_uploader_without_server_details(string line, string shown) =>
        Assert.Equal(shown, FfmpegVideoProcessor.Uploader(line, "file:/srv/tmp/upload-1"));

    [Fact]
    public async Task A_playlist_disguised_as_mp4_is_refused_without_following_it()
    {
        var error = await Assert.ThrowsAsync<VideoRejectedException>(() => VideoClips.Processor().ProbeAsync(clips["playlist.mp4"]));
        Assert.StartsWith("ffprobe could not read the file as video: Format not on whitelist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_video_longer_than_the_limit_is_refused_with_both_lengths()
    {
        var processor = VideoClips.Processor(new VideoOptions { MaxDuration = TimeSpan.FromSeconds(1) });
        var error = await Assert.ThrowsAsync<VideoRejectedException>(() => processor.ProbeAsync(clips["landscape.mp4"]));
        Assert.Equal("The video is 0:02 long; the bank accepts at most 0:01.", error.Message);
    }

    [Fact]
    public async Task A_probe_that_hangs_is_stopped_and_refused()
    {
        var hanging = FakeTool.Write(clips.Folder, "exec sleep 60");
        var processor = VideoClips.Processor(new VideoOptions { FfprobePath = hanging, ProbeTimeout = TimeSpan.FromMilliseconds(300) });
        var error = await Assert.ThrowsAsync<VideoRejectedException>(() => processor.ProbeAsync(clips["landscape.mp4"]));
        Assert.Equal("ffprobe did not finish reading the file within 0.3 s.", error.Message);
    }

    [Fact]
    public async Task A_probe_cancelled_by_the_caller_is_a_cancellation_not_a_refusal()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => VideoClips.Processor().ProbeAsync(clips["landscape.mp4"], new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task A_path_full_of_shell_and_option_syntax_is_only_ever_a_path()
    {
        var folder = Directory.CreateDirectory(Path.Combine(clips.Folder, "hostile")).FullName;
        var hostile = Path.Combine(folder, "-i x; $(touch pwned) `touch pwned2` 'q' \"d\" concat:a|b.mp4");
        File.Copy(clips["silent.mp4"], hostile);

        var probe = await VideoClips.Processor().ProbeAsync(hostile);

        Assert.Equal(320, probe.Width);
        Assert.Equal([hostile], Directory.GetFiles(folder));
        Assert.False(File.Exists("pwned") || File.Exists("pwned2"), "a shell ran the file name");
    }
}
