using Microsoft.Extensions.Options;
using ParkGlobalMedia.Assets.Storage;
using ParkGlobalMedia.Platform;

namespace ParkGlobalMedia.Assets;

/// <summary>
/// The asset bank. So far: blob storage (file system or S3-compatible), which the health check probes and the
/// upload, rendition and media-kit features will build on.
/// </summary>
public static class AssetsModule
{
    public static WebApplicationBuilder AddAssets(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IBlobStorage>(services =>
        {
            var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            if (options.Provider == StorageProvider.S3)
            {
                return new S3BlobStorage(S3BlobStorage.CreateClient(options.S3), options.S3.Bucket!);
            }

            var platform = services.GetRequiredService<IOptions<PlatformOptions>>().Value;
            var folder = options.Folder ?? Path.Combine(platform.ResolveDataFolder(services.GetRequiredService<IHostEnvironment>().ContentRootPath), "blobs");
            return new FileSystemBlobStorage(folder);
        });
        return builder;
    }
}
