using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ParkGlobalMedia.Assets.Video;

/// <summary><see cref="IVideoProcessor"/> on the ffprobe and ffmpeg command-line tools, one child process per call.</summary>
public sealed partial class FfmpegVideoProcessor(IOptions<VideoOptions> options, ILogger<FfmpegVideoProcessor> logger) : IVideoProcessor
{
    // The demuxers an upload may be read with. Playlist and concat demuxers (hls, concat, ...) are left out because
    // a crafted file can make them read other local files or URLs into the output. Audio and image demuxers stay, so
    // those uploads get a precise "no video stream" / "is an image" answer instead of a generic one.
    private const string Demuxers = "mov,mp4,m4a,3gp,3g2,mj2,matroska,webm,avi,mpegts,mpeg,flv,asf,ogg,"
        + "mp3,wav,aac,flac,image2,png_pipe,jpeg_pipe,webp_pipe,bmp_pipe,tiff_pipe,gif,apng";

    private VideoOptions Options => options.Value;

    public async Task<VideoProbe> ProbeAsync(string path, CancellationToken ct = default) => (await ProbeSourceAsync(path, ct)).Probe;

    public async Task ExtractPosterAsync(string path, TimeSpan at, string outputJpegPath, CancellationToken ct = default)
    {
        var source = await ProbeSourceAsync(path, ct);
        var duration = source.Probe.Duration;
        var middle = duration / 2;
        var seek = at < TimeSpan.Zero ? TimeSpan.Zero : at >= duration ? middle : at;

        // A seek into the last frame's interval decodes nothing (ffmpeg exits 0 without writing): fall back to the middle.
        if (!await TryPosterAsync(path, source, seek, outputJpegPath, ct) && (seek == middle || !await TryPosterAsync(path, source, middle, outputJpegPath, ct)))
        {
            throw new InvalidOperationException($"ffmpeg decoded no frame for a poster at {seek} or {middle}.");
        }
    }

    public async Task TranscodeAsync(string path, VideoRendition rendition, double focalX, string outputMp4Path, IProgress<double>? progress, CancellationToken ct = default)
    {
        var source = await ProbeSourceAsync(path, ct);
        var plan = RenditionPlan.For(source, rendition, focalX);
        var arguments = InputArguments(path);
        arguments.AddRange(["-map", $"0:{source.VideoStreamIndex}", "-vf", plan.Filter,
            "-c:v", "libx264", "-profile:v", "high", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p"]);
        if (source.AudioStreamIndex is { } audio)
        {
            // Stereo: browsers and social players handle it everywhere; odd multichannel layouts trip the AAC encoder.
            arguments.AddRange(["-map", $"0:{audio}", "-c:a", "aac", "-b:a", "128k", "-ac", "2"]);
        }
        else
        {
            arguments.Add("-an");
        }

        // -t: a crafted file can hold far more than the duration its header (and so the probe) states.
        arguments.AddRange(["-t", Seconds(Options.MaxDuration), "-max_muxing_queue_size", "1024", "-movflags", "+faststart", "-progress", "pipe:1"]);
        AddOutputArguments(arguments, "mp4");

        var reporter = new ProgressReporter(progress, source.Probe.Duration);
        reporter.Report(0);
        var written = await RunToOutputAsync(arguments, outputMp4Path, reporter.OnLine, ct);
        if (!written)
        {
            throw new InvalidOperationException($"ffmpeg finished the {rendition} rendition without writing it.");
        }

        reporter.Report(1);
    }

    private async Task<bool> TryPosterAsync(string path, ProbedVideo source, TimeSpan at, string outputJpegPath, CancellationToken ct)
    {
        // -ss before -i seeks in the container, then decodes up to the exact time.
        var arguments = InputArguments(path, at);
        arguments.AddRange(["-map", $"0:{source.VideoStreamIndex}", "-frames:v", "1",
            "-vf", $"scale={source.Probe.Width}:{source.Probe.Height},setsar=1", "-c:v", "mjpeg", "-q:v", "2", "-update", "1"]);
        AddOutputArguments(arguments, "image2");
        return await RunToOutputAsync(arguments, outputJpegPath, null, ct);
    }

    private async Task<ProbedVideo> ProbeSourceAsync(string path, CancellationToken ct)
    {
        var input = InputUrl(path);
        string[] arguments = ["-hide_banner", "-v", "error", "-protocol_whitelist", "file", "-format_whitelist", Demuxers,
            "-print_format", "json", "-show_format", "-show_streams", input];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Options.ProbeTimeout);
        ToolResult result;
        try
        {
            result = await ToolProcess.RunAsync(Options.FfprobePath, arguments, logger, null, timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw Rejected(path, $"ffprobe did not finish reading the file within {Options.ProbeTimeout.TotalSeconds:0.#} s.");
        }
        catch (ToolOutputTooLargeException)
        {
            throw Rejected(path, "ffprobe could not read the file as video: it describes an implausible number of streams or tags.");
        }

        if (result.ExitCode != 0)
        {
            throw Rejected(path, $"ffprobe could not read the file as video: {Uploader(result.FirstErrorLine, input) ?? $"exit code {result.ExitCode}"}");
        }

        try
        {
            return FfprobeJson.Read(result.Output, Options.MaxDuration);
        }
        catch (VideoRejectedException e)
        {
            LogRejected(logger, path, e.Message);
            throw;
        }
        catch (JsonException)
        {
            throw Rejected(path, "ffprobe could not read the file as video: its description was unreadable.");
        }
    }

    /// <summary>Runs ffmpeg into <c>output.partial</c> and renames it, so the final name only ever holds a whole file.</summary>
    /// <returns>False when ffmpeg succeeded without writing anything (a poster seek past the last frame).</returns>
    private async Task<bool> RunToOutputAsync(List<string> arguments, string outputPath, Action<string>? onOutputLine, CancellationToken ct)
    {
        var partial = Path.GetFullPath(outputPath) + ".partial";
        arguments.Add("file:" + partial);
        try
        {
            var result = await ToolProcess.RunAsync(Options.FfmpegPath, arguments, logger, onOutputLine, ct);
            if (result.ExitCode != 0)
            {
                LogFailed(logger, result.ExitCode, string.Join(" | ", result.LastErrorLines));
                throw new InvalidOperationException($"ffmpeg exited with code {result.ExitCode}:{Environment.NewLine}{string.Join(Environment.NewLine, result.LastErrorLines)}");
            }

            if (!File.Exists(partial) || new FileInfo(partial).Length == 0)
            {
                return false;
            }

            File.Move(partial, outputPath, overwrite: true);
            return true;
        }
        finally
        {
            // Gone after the rename; never created when ffmpeg could not open it (a missing folder).
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }
        }
    }

    private List<string> InputArguments(string path, TimeSpan? seek = null)
    {
        List<string> arguments = ["-nostdin", "-hide_banner", "-v", "error", "-nostats", "-y"];

        // Threads bounds the decoder here and the encoder in AddOutputArguments: a busy host shares its cores.
        if (Options.Threads > 0)
        {
            arguments.AddRange(["-threads", Options.Threads.ToString(CultureInfo.InvariantCulture)]);
        }

        if (seek is { } at)
        {
            arguments.AddRange(["-ss", Seconds(at)]);
        }

        arguments.AddRange(["-protocol_whitelist", "file", "-format_whitelist", Demuxers, "-i", InputUrl(path)]);
        return arguments;
    }

    // -map_metadata/-map_chapters -1: nothing of the source's container (GPS, camera, owner, dates) reaches an output.
    private void AddOutputArguments(List<string> arguments, string muxer)
    {
        if (Options.Threads > 0)
        {
            arguments.AddRange(["-threads", Options.Threads.ToString(CultureInfo.InvariantCulture)]);
        }

        arguments.AddRange(["-map_metadata", "-1", "-map_chapters", "-1", "-f", muxer]);
    }

    // An absolute path behind "file:" can be neither an option ("-x") nor another protocol ("http:", "concat:").
    private static string InputUrl(string path) => "file:" + Path.GetFullPath(path);

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>ffprobe's first error line without the server's path or ffmpeg's "[demuxer @ 0x…]" prefix.</summary>
    internal static string? Uploader(string? line, string input)
    {
        if (line is null)
        {
            return null;
        }

        line = line.StartsWith(input + ": ", StringComparison.Ordinal) ? line[(input.Length + 2)..] : line.Replace(input, "the file", StringComparison.Ordinal);
        return ContextPrefix().Replace(line, "").Trim();
    }

    private VideoRejectedException Rejected(string path, string message)
    {
        LogRejected(logger, path, message);
        return new VideoRejectedException(message);
    }

    [GeneratedRegex(@"^\[[^\]]* @ 0x[0-9a-fA-F]+\]\s*")]
    private static partial Regex ContextPrefix();

    [LoggerMessage(Level = LogLevel.Information, Message = "Video rejected: {Path}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ffmpeg exited with code {ExitCode}: {Errors}")]
    private static partial void LogFailed(ILogger logger, int exitCode, string errors);
}
