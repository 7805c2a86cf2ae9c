namespace ParkGlobalMedia.Assets.Imaging;

public static class ImagingServiceCollectionExtensions
{
    /// <summary>The image engine as a singleton (it owns the render gate), options from section "Imaging".</summary>
    public static IServiceCollection AddImaging(this IServiceCollection services)
    {
        services.AddOptions<ImagingOptions>().BindConfiguration(ImagingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<VipsImageProcessor>();
        services.AddSingleton<IImageProcessor>(s => s.GetRequiredService<VipsImageProcessor>());
        return services;
    }
}
