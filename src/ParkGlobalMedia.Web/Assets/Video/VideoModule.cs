using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ParkGlobalMedia.Assets.Video;

public static class VideoModule
{
    /// <summary>Registers <see cref="IVideoProcessor"/> (ffmpeg child processes) with <see cref="VideoOptions"/> checked at start-up.</summary>
    public static IServiceCollection AddVideo(this IServiceCollection services)
    {
        services.AddOptions<VideoOptions>()
            .BindConfiguration(VideoOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.FfmpegPath) && !string.IsNullOrWhiteSpace(o.FfprobePath), "Video:FfmpegPath and Video:FfprobePath must name the tools.")
            .Validate(o => o.ProbeTimeout > TimeSpan.Zero, "Video:ProbeTimeout must be positive.")
            .Validate(o => o.MaxDuration > TimeSpan.Zero, "Video:MaxDuration must be positive.")
            .Validate(o => o.Threads >= 0, "Video:Threads must be 0 (ffmpeg decides) or a positive count.")
            .ValidateOnStart();
        services.TryAddSingleton<IVideoProcessor, FfmpegVideoProcessor>();
        return services;
    }
}
