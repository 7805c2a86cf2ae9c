using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace ParkGlobalMedia.Tests.Assets.Video;

/// <summary>
/// The tests' own look at media files, independent of the code under test: ffmpeg/ffprobe run directly, MP4 boxes and
/// JPEG headers read by hand.
/// </summary>
internal static class Tools
{
    public static async Task FfmpegAsync(params string[] arguments) =>
        await RunAsync("ffmpeg", ["-nostdin", "-hide_banner", "-v", "error", "-y", .. arguments]);

    /// <summary>ffprobe's JSON for the file's format and streams.</summary>
    public static async Task<JsonElement> FfprobeAsync(string path)
    {
        var json = await RunAsync("ffprobe", ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", path]);
        return JsonDocument.Parse(json).RootElement;
    }

    /// <summary>The names of every metadata tag in the file and its streams.</summary>
    public static List<string> TagNames(this JsonElement probe) =>
        [.. new[] { probe.GetProperty("format") }.Concat(probe.GetProperty("streams").EnumerateArray())
            .SelectMany(e => e.TryGetProperty("tags", out var tags) ? tags.EnumerateObject().Select(t => t.Name) : [])];

    public static JsonElement Stream(this JsonElement probe, string codecType) =>
        probe.GetProperty("streams").EnumerateArray().Single(s => s.GetProperty("codec_type").GetString() == codecType);

    /// <summary>The red, green and blue of one pixel of an image (even x and y), decoded by ffmpeg.</summary>
    public static async Task<(int R, int G, int B)> PixelAsync(string image, int x, int y)
    {
        var start = Start("ffmpeg", ["-nostdin", "-v", "error", "-i", image, "-vf", $"crop=2:2:{x}:{y}", "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"]);
        using var process = Process.Start(start)!;
        using var pixel = new MemoryStream();
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.BaseStream.CopyToAsync(pixel);
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await errors);
        var rgb = pixel.ToArray();
        return (rgb[0], rgb[1], rgb[2]);
    }

    /// <summary>The four-letter types of an MP4's top-level boxes, in file order.</summary>
    public static List<string> TopLevelBoxes(string path)
    {
        var boxes = new List<string>();
        using var file = File.OpenRead(path);
        var header = new byte[16];
        while (file.Position < file.Length)
        {
            var start = file.Position;
            file.ReadExactly(header, 0, 8);
            var size = (long)BinaryPrimitives.ReadUInt32BigEndian(header);
            boxes.Add(Encoding.ASCII.GetString(header, 4, 4));
            if (size == 1)
            {
                file.ReadExactly(header, 8, 8);
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(header.AsSpan(8));
            }
            else if (size == 0)
            {
                break; // the box runs to the end of the file
            }

            Assert.True(size >= 8, $"box {boxes[^1]} has size {size}");
            file.Position = start + size;
        }

        return boxes;
    }

    /// <summary>Width and height from a baseline or progressive JPEG's frame header.</summary>
    public static (int Width, int Height) JpegSize(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes is [0xFF, 0xD8, ..], "not a JPEG");
        for (var at = 2; at + 9 < bytes.Length;)
        {
            Assert.Equal(0xFF, bytes[at]);
            var marker = bytes[at + 1];
            var length = (bytes[at + 2] << 8) | bytes[at + 3];
            if (marker is 0xC0 or 0xC1 or 0xC2)
            {
                return ((bytes[at + 7] << 8) | bytes[at + 8], (bytes[at + 5] << 8) | bytes[at + 6]);
            }

            at += 2 + length;
        }

        throw new InvalidDataException("JPEG without a frame header");
    }

    private static async Task<string> RunAsync(string tool, string[] arguments)
    {
        using var process = Process.Start(Start(tool, arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed: {await errors}");
        }

        return await output;
    }

    private static ProcessStartInfo Start(string tool, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
