using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ParkGlobalMedia.Content.Enterprises;
using ParkGlobalMedia.Content.Stories;
using ParkGlobalMedia.Content.Taxonomy;
using ParkGlobalMedia.Markdown;
using Quartz;

namespace ParkGlobalMedia.Content;

public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    /// <summary>Off in tests (they call the tick directly) and on instances that should only serve reads.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often due publishes/archives are looked for: the worst-case delay after a scheduled time.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>The content capability: enterprises, taxonomy, stories, workflow and the scheduler that runs it.</summary>
public static class ContentModule
{
    public static WebApplicationBuilder AddContent(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<EnterpriseService>();
        services.AddScoped<CampaignService>();
        services.AddScoped<StoryService>();
        services.AddScoped<StoryQueries>();
        services.AddSingleton<ScheduledTransitions>();
        services.AddSingleton<MarkdownRenderer>();
        services.AddSingleton<RenderedMarkdownCache>();
        services.TryAddSingleton<IAssetReferenceResolver, NullAssetReferenceResolver>();
        services.TryAddScoped<IStoryAssetPolicy, AllowAllStoryAssets>();
        services.TryAddSingleton<IThemeCatalog, DefaultThemeOnly>();
        services.TryAddSingleton<IStoryPreviewLinks, NoStoryPreviews>();

        services.AddOptions<SchedulerOptions>().BindConfiguration(SchedulerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var scheduler = builder.Configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>() ?? new SchedulerOptions();
        if (scheduler.Enabled)
        {
            services.AddQuartz(quartz =>
            {
                quartz.AddJob<ScheduledTransitionsJob>(job => job.WithIdentity(ScheduledTransitionsJob.Key));
                quartz.AddTrigger(trigger => trigger
                    .ForJob(ScheduledTransitionsJob.Key)
                    .StartNow()
                    .WithSimpleSchedule(schedule => schedule.WithInterval(scheduler.Interval).RepeatForever()));
            });
            services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        }

        return builder;
    }

    public static IEndpointRouteBuilder MapContentApi(this IEndpointRouteBuilder routes) =>
        routes.MapEnterpriseApi().MapTaxonomyApi().MapStoryApi();
}
