using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ParkGlobalMedia.Assets.Video;

namespace ParkGlobalMedia.Tests.Assets.Video;

/// <summary>AddVideo wires the engine to the "Video" configuration section and refuses nonsense settings.</summary>
public sealed class VideoModuleTests
{
    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddVideo();
        return services.BuildServiceProvider();
    }

    [Fact]
    public void The_video_section_configures_the_engine()
    {
        using var services = Services(new() { ["Video:FfmpegPath"] = "/opt/ffmpeg/bin/ffmpeg", ["Video:MaxDuration"] = "01:00:00", ["Video:Threads"] = "2" });

        var options = services.GetRequiredService<IOptions<VideoOptions>>().Value;
        Assert.Equal(("/opt/ffmpeg/bin/ffmpeg", "ffprobe", TimeSpan.FromHours(1), 2), (options.FfmpegPath, options.FfprobePath, options.MaxDuration, options.Threads));
        Assert.IsType<FfmpegVideoProcessor>(services.GetRequiredService<IVideoProcessor>());
    }

    [Theory]
    [InlineData("Video:Threads", "-1")]
    [InlineData("Video:MaxDuration", "00:00:00")]
    [InlineData("Video:ProbeTimeout", "-00:00:01")]
    [InlineData("Video:FfprobePath", " ")]
    public void A_nonsense_setting_fails_validation(string key, string value)
    {
        using var services = Services(new() { [key] = value });
        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<VideoOptions>>().Value);
    }
}
