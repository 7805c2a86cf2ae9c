using System.Buffers.Binary;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ParkGlobalMedia.Assets.Video;

namespace ParkGlobalMedia.Tests.Assets.Video;

[CollectionDefinition("video")]
public sealed class VideoCollection : ICollectionFixture<VideoClips>;

/// <summary>
/// Tiny test clips made once per run with ffmpeg's lavfi sources, plus files the bank must refuse. Nothing is
/// checked in: generated media stays in a temporary folder.
/// </summary>
public sealed class VideoClips : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "pgm-video", Guid.NewGuid().ToString("N"));

    public string this[string name] => Path.Combine(Folder, name);

    public static FfmpegVideoProcessor Processor(VideoOptions? options = null) =>
        new(Options.Create(options ?? new VideoOptions()), NullLogger<FfmpegVideoProcessor>.Instance);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        string[] tone = ["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=2"];
        string[] h264 = ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"];

        await Tools.FfmpegAsync([.. Lavfi("testsrc2=size=640x360:rate=25:duration=2"), .. tone, .. h264, "-c:a", "aac", "-shortest", this["landscape.mp4"]]);

        // A phone held upright stores landscape frames and a matrix turning them 90° clockwise. The red band runs
        // along the stored top edge, so upright it must be on the right. ffmpeg 5.1's "-metadata:s:v rotate=90"
        // writes the opposite turn (displayed counter-clockwise), so the matrix is patched the way phones write it.
        await Tools.FfmpegAsync([.. Lavfi("color=c=blue:size=640x360:rate=25:duration=2,drawbox=x=0:y=0:w=640:h=60:color=red:t=fill"), .. tone, .. h264,
            "-c:a", "aac", "-shortest", "-metadata", "location=+48.8577+002.2950/", "-metadata", "creation_time=2024-05-01T10:00:00Z", this["phone.mp4"]]);
        TurnClockwise(this["phone.mp4"]);

        // Blue with a red right-hand quarter: shows where a crop was taken.
        await Tools.FfmpegAsync([.. Lavfi("color=c=blue:size=640x360:rate=25:duration=1,drawbox=x=480:y=0:w=160:h=360:color=red:t=fill"), .. h264, this["red-right.mp4"]]);
        await Tools.FfmpegAsync([.. Lavfi("testsrc2=size=480x270:rate=30:duration=1"), .. tone, .. h264, "-c:a", "aac", "-shortest", "-f", "mov", this["clip.mov"]]);
        await Tools.FfmpegAsync([.. Lavfi("testsrc2=size=320x180:rate=24:duration=1"), .. tone,
            "-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-c:a", "libopus", "-shortest", this["clip.webm"]]);
        await Tools.FfmpegAsync([.. Lavfi("testsrc2=size=320x240:rate=25:duration=1"), .. h264, this["silent.mp4"]]);

        // testsrc (not testsrc2) keeps odd sizes; VP9 in 4:4:4 stores them.
        await Tools.FfmpegAsync([.. Lavfi("testsrc=size=333x187:rate=25:duration=1"), "-c:v", "libvpx-vp9", "-deadline", "realtime", "-pix_fmt", "yuv444p", this["odd.webm"]]);

        // Wider than the web rendition's 1920: five frames are enough to check the downscale.
        await Tools.FfmpegAsync([.. Lavfi("testsrc2=size=2400x1000:rate=25:duration=0.2"), .. h264, this["wide.mp4"]]);

        await Tools.FfmpegAsync([.. Lavfi("testsrc2=size=64x64"), "-frames:v", "1", this["still.png"]]);
        await Tools.FfmpegAsync([.. Lavfi("testsrc2=size=64x64"), "-frames:v", "1", this["still.jpg"]]);
        await Tools.FfmpegAsync([.. tone, "-i", this["still.png"], "-map", "0", "-map", "1", "-c:a", "libmp3lame", "-c:v", "png", "-disposition:v", "attached_pic", this["tone-with-cover.mp3"]]);

        var random = new byte[64 * 1024];
        new Random(7).NextBytes(random);
        await File.WriteAllBytesAsync(this["random.bin"], random);

        // Without faststart the index (moov) is written last: cutting the file loses it, as an interrupted upload does.
        var whole = await File.ReadAllBytesAsync(this["landscape.mp4"]);
        await File.WriteAllBytesAsync(this["truncated.mp4"], whole[..(whole.Length / 3)]);

        // An HLS playlist dressed as MP4: the classic trick to make ffmpeg copy a server file into a "video".
        await File.WriteAllTextAsync(this["playlist.mp4"], "#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:10.0,\nfile:///etc/passwd\n#EXT-X-ENDLIST\n");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    private static string[] Lavfi(string graph) => ["-f", "lavfi", "-i", graph];

    /// <summary>Writes the video track's matrix (tkhd) as a phone does for portrait: 90° clockwise.</summary>
    private static void TurnClockwise(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var offset = 0;
        int found;
        while ((found = bytes.AsSpan(offset).IndexOf("tkhd"u8)) >= 0)
        {
            // tkhd version 0 after its type: 4 bytes version/flags, 36 of times, ids and volume, the 3×3 matrix
            // (16.16 fixed point, 2.30 for the last column), then width and height.
            var at = offset + found;
            if (bytes[at + 4] != 0)
            {
                throw new InvalidOperationException("Expected a version 0 tkhd box.");
            }

            var height = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at + 84));
            if (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at + 80)) != 0)
            {
                int[] portrait = [0, 0x10000, 0, -0x10000, 0, 0, height, 0, 0x40000000];
                for (var k = 0; k < portrait.Length; k++)
                {
                    BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(at + 44 + k * 4), portrait[k]);
                }

                File.WriteAllBytes(path, bytes);
                return;
            }

            offset = at + 4; // the audio track's tkhd has no size
        }

        throw new InvalidOperationException("No video tkhd box found.");
    }
}
