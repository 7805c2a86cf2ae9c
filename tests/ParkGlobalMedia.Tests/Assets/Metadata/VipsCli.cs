using System.Diagnostics;

namespace ParkGlobalMedia.Tests.Assets.Metadata;

/// <summary>Runs the libvips command-line tools (installed by scripts/install-media-tools.sh) to convert or inspect test images.</summary>
internal static class VipsCli
{
    /// <summary>Runs <paramref name="tool"/> and returns its standard error; throws when it fails.</summary>
    public static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await output;
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? error : throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed: {error}");
    }
}
