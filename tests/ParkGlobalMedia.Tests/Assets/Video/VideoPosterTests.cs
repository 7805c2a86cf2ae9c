using ParkGlobalMedia.Assets.Video;

namespace ParkGlobalMedia.Tests.Assets.Video;

/// <summary>Poster frames: upright, at the displayed size, from the asked time or else the middle.</summary>
[Collection("video")]
public sealed class VideoPosterTests(VideoClips clips) : IDisposable
{
    private readonly string _out = Directory.CreateDirectory(Path.Combine(clips.Folder, "posters-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public async Task A_poster_at_one_second_is_a_jpeg_at_the_displayed_size()
    {
        var poster = Path.Combine(_out, "poster.jpg");
        await VideoClips.Processor().ExtractPosterAsync(clips["landscape.mp4"], TimeSpan.FromSeconds(1), poster);

        Assert.Equal((640, 360), Tools.JpegSize(poster));
        Assert.Equal([poster], Directory.GetFiles(_out));
    }

    [Fact]
    public async Task A_phone_clips_poster_is_turned_upright_clockwise()
    {
        var poster = Path.Combine(_out, "phone.jpg");
        await VideoClips.Processor().ExtractPosterAsync(clips["phone.mp4"], TimeSpan.FromSeconds(1), poster);

        Assert.Equal((360, 640), Tools.JpegSize(poster));
        // The band along the stored top edge ends up on the right when turned clockwise.
        var (right, left) = (await Tools.PixelAsync(poster, 340, 320), await Tools.PixelAsync(poster, 20, 320));
        Assert.True(right.R > 200 && right.B < 60, $"right edge {right}");
        Assert.True(left.B > 200 && left.R < 60, $"left edge {left}");
    }

    [Theory]
    [InlineData(10.0)]  // past the end
    [InlineData(2.0)]   // exactly the end
    [InlineData(1.99)]  // inside the last frame's interval, where a seek decodes nothing
    public async Task A_poster_time_at_or_past_the_end_takes_the_middle_frame(double seconds)
    {
        var (middle, late) = (Path.Combine(_out, "middle.jpg"), Path.Combine(_out, "late.jpg"));
        await VideoClips.Processor().ExtractPosterAsync(clips["landscape.mp4"], TimeSpan.FromSeconds(1), middle);
        await VideoClips.Processor().ExtractPosterAsync(clips["landscape.mp4"], TimeSpan.FromSeconds(seconds), late);

        Assert.Equal(await File.ReadAllBytesAsync(middle), await File.ReadAllBytesAsync(late));
    }

    [Fact]
    public async Task A_poster_time_inside_the_clip_is_that_frame_not_the_middle()
    {
        var (middle, early) = (Path.Combine(_out, "middle.jpg"), Path.Combine(_out, "early.jpg"));
        await VideoClips.Processor().ExtractPosterAsync(clips["landscape.mp4"], TimeSpan.FromSeconds(1), middle);
        await VideoClips.Processor().ExtractPosterAsync(clips["landscape.mp4"], TimeSpan.FromSeconds(0.2), early);

        Assert.NotEqual(await File.ReadAllBytesAsync(middle), await File.ReadAllBytesAsync(early));
    }

    [Fact]
    public async Task A_poster_of_a_file_that_is_not_a_video_is_refused_and_writes_nothing()
    {
        var poster = Path.Combine(_out, "poster.jpg");
        await Assert.ThrowsAsync<VideoRejectedException>(() => VideoClips.Processor().ExtractPosterAsync(clips["truncated.mp4"], TimeSpan.Zero, poster));
        Assert.Empty(Directory.GetFiles(_out));
    }
}
