using Microsoft.Extensions.Options;
using ParkGlobalMedia.Assets.Admin;
using ParkGlobalMedia.Assets.Api;
using ParkGlobalMedia.Assets.Delivery;
using ParkGlobalMedia.Assets.Imaging;
using ParkGlobalMedia.Assets.Library;
using ParkGlobalMedia.Assets.Packages;
using ParkGlobalMedia.Assets.Processing;
using ParkGlobalMedia.Assets.Recipes;
using ParkGlobalMedia.Assets.Storage;
using ParkGlobalMedia.Assets.Uploads;
using ParkGlobalMedia.Assets.Usage;
using ParkGlobalMedia.Assets.Video;
using ParkGlobalMedia.Content.Stories;
using ParkGlobalMedia.Markdown;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Http;

namespace ParkGlobalMedia.Assets;

/// <summary>
/// The asset bank: blob storage (file system or S3-compatible), uploads (direct and resumable), background
/// processing through libvips and ffmpeg, renditions and their delivery, search, rights, curation and usage.
/// </summary>
public static class AssetsModule
{
    public static WebApplicationBuilder AddAssets(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IBlobStorage>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            if (options.Provider == StorageProvider.S3)
            {
                return new S3BlobStorage(S3BlobStorage.CreateClient(options.S3), options.S3.Bucket!);
            }

            var platform = provider.GetRequiredService<IOptions<PlatformOptions>>().Value;
            var folder = options.Folder ?? Path.Combine(platform.ResolveDataFolder(provider.GetRequiredService<IHostEnvironment>().ContentRootPath), "blobs");
            return new FileSystemBlobStorage(folder);
        });

        services.AddOptions<UploadLimits>().BindConfiguration(UploadLimits.Section);
        services.AddOptions<H5PackageLimits>().BindConfiguration(H5PackageLimits.Section);
        services.AddOptions<AssetProcessingOptions>().BindConfiguration(AssetProcessingOptions.Section);
        services.Configure<ProblemHandling.LargeBodyPaths>(paths => paths.Prefixes.AddRange(["/api/v1/assets", "/admin/assets/upload"]));
        services.AddImaging();
        services.AddVideo();

        services.AddScoped<AssetLookup>();
        services.AddScoped<AssetService>();
        services.AddScoped<AssetQueries>();
        services.AddScoped<UploadSessions>();
        services.AddScoped<AssetPipeline>();
        services.AddSingleton<AssetProcessingSignal>();
        services.AddSingleton<AssetProcessor>();
        services.AddHostedService(provider => provider.GetRequiredService<AssetProcessor>());

        services.AddSingleton<MediaCatalog>();
        services.AddSingleton<RenditionBytesCache>();
        services.AddSingleton<MediaUrlSigner>();
        services.AddSingleton<OnDemandRenderer>();

        services.AddSingleton<IAssetReferenceResolver, MarkdownAssetResolver>();
        services.AddScoped<IStoryAssetPolicy, StoryAssetPolicy>();
        services.AddScoped<IStoryChangeObserver, StoryAssetUsageObserver>();
        services.AddScoped<ParkGlobalMedia.Recipes.IRecipeStep, AssetsRecipeStep>();
        return builder;
    }

    /// <summary>Early in the pipeline: anonymous hits on cached public renditions skip routing and authentication.</summary>
    public static WebApplication UseAssets(this WebApplication app)
    {
        app.UseMiddleware<PublicRenditionFastPath>();
        return app;
    }

    public static WebApplication MapAssets(this WebApplication app)
    {
        app.MapAssetApi();
        app.MapMediaEndpoints();
        app.MapAssetAdminEndpoints();
        return app;
    }
}
