namespace ParkGlobalMedia.Tests.Assets.Video;

/// <summary>
/// A shell script standing in for ffmpeg or ffprobe where the real tool cannot be made to hang or to be mid-way on
/// demand. It exercises the engine's own process handling: timeouts, kills, clean-up.
/// </summary>
internal static class FakeTool
{
    public static string Write(string folder, string body)
    {
        var path = Path.Combine(folder, $"fake-{Guid.NewGuid():N}.sh");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows()) // the suite runs on Linux; the guard only satisfies the platform analyzer
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}
