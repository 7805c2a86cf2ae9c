using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace ParkGlobalMedia.Assets.Video;

/// <summary>How a tool run ended: its exit code, captured standard output, and the first and last lines of standard error.</summary>
internal sealed record ToolResult(int ExitCode, string Output, string? FirstErrorLine, IReadOnlyList<string> LastErrorLines);

/// <summary>A tool wrote more to standard output than any sane input makes it write.</summary>
internal sealed class ToolOutputTooLargeException(string message) : Exception(message);

/// <summary>
/// Runs ffmpeg or ffprobe as a child process. Arguments go through <see cref="ProcessStartInfo.ArgumentList"/>, never
/// one command line, because upload paths are hostile. Both pipes are drained concurrently so a tool never blocks on
/// a full pipe, and cancellation kills the whole process tree.
/// </summary>
internal static partial class ToolProcess
{
    // ffprobe's JSON for a real file is a few kilobytes; a crafted file with thousands of streams or huge tags must
    // not grow it without bound.
    private const int MaxOutputChars = 4 * 1024 * 1024;
    private const int ErrorLinesKept = 12;
    private const int ErrorLineChars = 400;

    /// <param name="onOutputLine">Receives standard output line by line (ffmpeg's -progress); when null it is captured instead.</param>
    public static async Task<ToolResult> RunAsync(string tool, IReadOnlyList<string> arguments, ILogger logger, Action<string>? onOutputLine, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var start = new ProcessStartInfo(tool)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (logger.IsEnabled(LogLevel.Debug))
        {
            LogRunning(logger, tool, string.Join(' ', arguments.Select(QuoteForLog)));
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Could not start '{tool}' ({e.Message}); scripts/install-media-tools.sh installs ffmpeg.", e);
        }

        // Nothing is ever fed to the tools: a closed stdin means neither can stall waiting on it.
        process.StandardInput.Close();
        var output = onOutputLine is null ? CaptureOutputAsync(process) : ReadOutputLinesAsync(process, onOutputLine);
        var errors = ReadErrorsAsync(process.StandardError);
        using (cancellationToken.Register(() => Kill(process)))
        {
            // The pipes close only when every process holding them has exited, so this also waits for the tree.
            await Task.WhenAll(Swallow(output), errors);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var (first, last) = await errors;
        return new ToolResult(process.ExitCode, await output, first, last);
    }

    private static async Task<string> CaptureOutputAsync(Process process)
    {
        var captured = new StringBuilder();
        var buffer = new char[8192];
        int read;
        while ((read = await process.StandardOutput.ReadAsync(buffer)) > 0)
        {
            if (captured.Length + read > MaxOutputChars)
            {
                Kill(process);
                throw new ToolOutputTooLargeException($"wrote more than {MaxOutputChars:N0} characters");
            }

            captured.Append(buffer, 0, read);
        }

        return captured.ToString();
    }

    private static async Task<string> ReadOutputLinesAsync(Process process, Action<string> onLine)
    {
        try
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                onLine(line);
            }
        }
        catch
        {
            // A failing consumer must not leave the tool running with nobody draining its pipe.
            Kill(process);
            throw;
        }

        return "";
    }

    private static async Task<(string? First, IReadOnlyList<string> Last)> ReadErrorsAsync(StreamReader errors)
    {
        string? first = null;
        var last = new Queue<string>(ErrorLinesKept);
        while (await errors.ReadLineAsync() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            line = line.Length > ErrorLineChars ? line[..ErrorLineChars] : line;
            first ??= line;
            if (last.Count == ErrorLinesKept)
            {
                last.Dequeue();
            }

            last.Enqueue(line);
        }

        return (first, last.ToArray());
    }

    // Waits for a reader without observing its failure here; the caller awaits it again and sees the exception.
    private static async Task Swallow(Task task)
    {
        try
        {
            await task;
        }
        catch
        {
            // observed by the caller
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already exited
        }
        catch (Win32Exception)
        {
            // exited while the tree was being walked
        }
    }

    // Only for reading the log (and pasting into a shell); the process itself gets the arguments unquoted.
    private static string QuoteForLog(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=,+@%".Contains(c))
            ? argument
            : $"'{argument.Replace("'", "'\\''", StringComparison.Ordinal)}'";

    [LoggerMessage(Level = LogLevel.Debug, Message = "Running {Tool} {Arguments}")]
    private static partial void LogRunning(ILogger logger, string tool, string arguments);
}
