using System.Globalization;
using System.Text.Json;

namespace ParkGlobalMedia.Assets.Video;

/// <summary>An accepted probe plus what the ffmpeg command lines need and the public record leaves out.</summary>
internal sealed record ProbedVideo(VideoProbe Probe, int VideoStreamIndex, int? AudioStreamIndex, bool SquarePixels);

/// <summary>
/// Reads ffprobe's JSON (<c>-show_format -show_streams</c>) and decides whether the bank accepts the file as video.
/// Every rejection message is written for the uploader.
/// </summary>
internal static class FfprobeJson
{
    public static ProbedVideo Read(string json, TimeSpan maxDuration)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var streams = Property(root, "streams") is { ValueKind: JsonValueKind.Array } list ? list.EnumerateArray().ToList() : [];
        var format = Property(root, "format");

        // Cover art in an MP3 or M4A is a one-frame "video" stream marked attached_pic: not video.
        var video = streams.FirstOrDefault(s => Text(s, "codec_type") == "video" && Int(Property(s, "disposition"), "attached_pic") != 1);
        if (video.ValueKind == JsonValueKind.Undefined)
        {
            throw new VideoRejectedException("The file has no video stream.");
        }

        var formatName = Text(format, "format_name") ?? "";
        if (IsImageFormat(formatName))
        {
            throw new VideoRejectedException("The file is an image, not a video.");
        }

        var seconds = Number(format, "duration") ?? Number(video, "duration") ?? 0;
        if (!(seconds > 0))
        {
            throw new VideoRejectedException("The file has no playable duration.");
        }

        var duration = TimeSpan.FromSeconds(seconds);
        if (duration > maxDuration)
        {
            throw new VideoRejectedException($"The video is {Clock(duration, roundUp: true)} long; the bank accepts at most {Clock(maxDuration, roundUp: false)}.");
        }

        var (width, height) = (Int(video, "width") ?? 0, Int(video, "height") ?? 0);
        if (width <= 0 || height <= 0)
        {
            throw new VideoRejectedException("The video stream has no picture size.");
        }

        // Non-square pixels (DV, some broadcast files) are shown stretched: the displayed width is what renditions use.
        var aspect = Ratio(Text(video, "sample_aspect_ratio"));
        var squarePixels = aspect is null || Math.Abs(aspect.Value - 1) < 1e-9;
        if (!squarePixels)
        {
            width = Math.Max(1, (int)Math.Round(width * aspect!.Value));
        }

        var rotation = Rotation(video);
        if (rotation is 90 or 270)
        {
            (width, height) = (height, width);
        }

        var audio = streams.FirstOrDefault(s => Text(s, "codec_type") == "audio");
        var videoCodec = Text(video, "codec_name") ?? "unknown";
        var audioCodec = audio.ValueKind == JsonValueKind.Undefined ? null : Text(audio, "codec_name") ?? "unknown";
        var frameRate = Ratio(Text(video, "avg_frame_rate")) ?? Ratio(Text(video, "r_frame_rate")) ?? 0;
        var bitRate = (long)(Number(format, "bit_rate") ?? Number(video, "bit_rate") ?? 0);
        var probe = new VideoProbe(duration, width, height, rotation, videoCodec, audioCodec, frameRate, bitRate,
            Container(formatName, Text(Property(format, "tags"), "major_brand"), videoCodec, audioCodec));
        return new ProbedVideo(probe, Int(video, "index") ?? 0, audio.ValueKind == JsonValueKind.Undefined ? null : Int(audio, "index"), squarePixels);
    }

    /// <summary>m:ss, or h:mm:ss from an hour — the way a player shows a length.</summary>
    public static string Clock(TimeSpan time, bool roundUp)
    {
        // The video's own length rounds up so that 30:00.4 never reads as "30:00 long; at most 30:00".
        var seconds = roundUp ? (long)Math.Ceiling(time.TotalSeconds) : (long)Math.Floor(time.TotalSeconds);
        var (hours, minutes, rest) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
        return hours > 0 ? $"{hours}:{minutes:00}:{rest:00}" : $"{seconds / 60}:{rest:00}";
    }

    private static bool IsImageFormat(string formatName) =>
        formatName is "image2" or "gif" or "apng" || formatName.EndsWith("_pipe", StringComparison.Ordinal);

    /// <summary>
    /// The display matrix (ffprobe ≥ 5 reports it as side data) gives its angle counter-clockwise; the legacy 'rotate'
    /// tag, like the phones that write it, clockwise. Both become the clockwise quarter turn a player applies.
    /// </summary>
    private static int Rotation(JsonElement video)
    {
        double? clockwise = null;
        if (Property(video, "side_data_list") is { ValueKind: JsonValueKind.Array } sideData)
        {
            clockwise = sideData.EnumerateArray().Select(d => Number(d, "rotation")).FirstOrDefault(r => r is not null) is { } matrix ? -matrix : null;
        }

        clockwise ??= Number(Property(video, "tags"), "rotate");
        var quarterTurns = (int)Math.Round((clockwise ?? 0) / 90);
        return (quarterTurns % 4 + 4) % 4 * 90;
    }

    // ffprobe names demuxers, which lump MP4/MOV and Matroska/WebM together; the brand and codecs tell them apart.
    private static string Container(string formatName, string? brand, string videoCodec, string? audioCodec) => formatName switch
    {
        "mov,mp4,m4a,3gp,3g2,mj2" when brand?.StartsWith("qt", StringComparison.Ordinal) == true => "mov",
        "mov,mp4,m4a,3gp,3g2,mj2" when brand?.StartsWith("3g", StringComparison.Ordinal) == true => "3gp",
        "mov,mp4,m4a,3gp,3g2,mj2" => "mp4",
        "matroska,webm" when videoCodec is "vp8" or "vp9" or "av1" && audioCodec is null or "opus" or "vorbis" => "webm",
        "matroska,webm" => "matroska",
        _ => formatName.Split(',')[0],
    };

    private static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    private static string? Text(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    // ffprobe writes some numbers as JSON numbers (width, rotation) and others as strings (duration, bit_rate, "N/A").
    private static double? Number(JsonElement element, string name) => Property(element, name) switch
    {
        { ValueKind: JsonValueKind.Number } value => value.GetDouble(),
        { ValueKind: JsonValueKind.String } value when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed) => parsed,
        _ => null,
    };

    private static int? Int(JsonElement element, string name) =>
        Number(element, name) is { } value && value is >= int.MinValue and <= int.MaxValue ? (int)value : null;

    /// <summary>"30000/1001" or "4:3" as a number; null when missing, "0/0" or "0:1" (ffprobe's "unknown").</summary>
    private static double? Ratio(string? text)
    {
        var parts = text?.Split('/', ':');
        return parts is [var a, var b]
            && double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var numerator)
            && double.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var denominator)
            && numerator > 0 && denominator > 0
                ? numerator / denominator
                : null;
    }
}
