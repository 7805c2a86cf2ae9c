namespace ParkGlobalMedia.Sites.Analytics;

/// <summary>Anonymous, server-side page view counts per story, culture and day.</summary>
public static class AnalyticsModule
{
    public static WebApplicationBuilder AddAnalytics(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AnalyticsOptions>().BindConfiguration(AnalyticsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PageViewRecorder>();
        services.AddScoped<PageViewQueries>();

        var options = builder.Configuration.GetSection(AnalyticsOptions.Section).Get<AnalyticsOptions>() ?? new AnalyticsOptions();
        if (options.Enabled)
        {
            services.AddHostedService<PageViewFlusher>();
        }

        return builder;
    }
}
