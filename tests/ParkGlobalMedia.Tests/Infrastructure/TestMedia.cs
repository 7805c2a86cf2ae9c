using System.Diagnostics;

namespace ParkGlobalMedia.Tests.Infrastructure;

/// <summary>
/// Real media files for tests, made on the spot with the same tools the platform runs on (the libvips CLI and ffmpeg),
/// in a temporary folder removed on dispose. Noise images compress like photos, so sizes and timings are realistic.
/// </summary>
public sealed class TestMedia : IDisposable
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "pgm-test-media", Guid.NewGuid().ToString("N"));

    public TestMedia() => Directory.CreateDirectory(Folder);

    /// <summary>An RGB noise image in the format given by <paramref name="extension"/> (jpg, png, webp, tif, gif).</summary>
    public byte[] Image(int width, int height, string extension = "jpg", int mean = 128)
    {
        var name = Guid.NewGuid().ToString("N");
        var noise = Path.Combine(Folder, $"{name}-noise.v");
        var bytes = Path.Combine(Folder, $"{name}-uchar.v");
        var rgb = Path.Combine(Folder, $"{name}-rgb.v");
        var output = Path.Combine(Folder, $"{name}.{extension}");
        Run("vips", "gaussnoise", noise, $"{width}", $"{height}", "--mean", $"{mean}", "--sigma", "40");
        Run("vips", "cast", noise, bytes, "uchar");
        Run("vips", "bandjoin", $"{bytes} {bytes} {bytes}", rgb);
        Run("vips", "copy", rgb, output);
        return File.ReadAllBytes(output);
    }

    /// <summary>A 30,000 × 30,000 black PNG: a few hundred KB on disk, 2.7 GB once decoded. The classic decompression bomb.</summary>
    public byte[] PngBomb()
    {
        var output = Path.Combine(Folder, "bomb.png");
        Run("vips", "black", output, "30000", "30000");
        return File.ReadAllBytes(output);
    }

    /// <summary>A short MP4 (H.264 + AAC) with a moving test pattern.</summary>
    public byte[] Video(int width = 320, int height = 240, double seconds = 2)
    {
        var output = Path.Combine(Folder, $"{Guid.NewGuid():N}.mp4");
        Run("ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", $"testsrc2=size={width}x{height}:rate=25:duration={seconds}",
            "-f", "lavfi", "-i", $"sine=duration={seconds}", "-shortest", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", output);
        return File.ReadAllBytes(output);
    }

    private static void Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed: {error}");
        }
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
