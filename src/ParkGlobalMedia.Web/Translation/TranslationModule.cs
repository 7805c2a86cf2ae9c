using ParkGlobalMedia.Platform.Http;
using ParkGlobalMedia.Translation.Glossary;
using ParkGlobalMedia.Translation.Memory;
using ParkGlobalMedia.Translation.Providers;

namespace ParkGlobalMedia.Translation;

/// <summary>
/// Translation of stories: Markdown segmentation (Segmentation/), machine translation providers behind one interface
/// (Providers/). Glossary, memory, jobs, review and QA build on these.
/// </summary>
public static class TranslationModule
{
    public static WebApplicationBuilder AddTranslation(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AzureTranslatorOptions>().BindConfiguration(AzureTranslatorOptions.Section);
        // Typed client: connection pooling and DNS refresh from the factory; the provider sets its own timeout per call.
        builder.Services.AddHttpClient<AzureTranslatorProvider>(client => client.Timeout = Timeout.InfiniteTimeSpan);
        builder.Services.AddOptions<DeepLOptions>().BindConfiguration(DeepLOptions.Section);
        builder.Services.AddHttpClient<DeepLProvider>(client => client.Timeout = Timeout.InfiniteTimeSpan);
        builder.Services.AddSingleton<PseudoLocalizationProvider>();
        builder.Services.AddOptions<ProviderRetryOptions>().BindConfiguration(ProviderRetryOptions.Section);
        builder.Services.AddSingleton<ProviderRunner>();
        builder.Services.AddTransient<ITranslationProvider>(services => services.GetRequiredService<AzureTranslatorProvider>());
        builder.Services.AddTransient<ITranslationProvider>(services => services.GetRequiredService<DeepLProvider>());
        builder.Services.AddTransient<ITranslationProvider>(services => services.GetRequiredService<PseudoLocalizationProvider>());
        builder.Services.AddScoped<Glossary.Termbase>();
        builder.Services.AddScoped<Memory.TranslationMemory>();
        // The admin imports check the declared size themselves, so a person gets the screen with the limit in words
        // rather than the API's up-front JSON answer (Kestrel's limit still holds while the body is read).
        builder.Services.Configure<ProblemHandling.LargeBodyPaths>(paths => paths.Prefixes.AddRange(["/admin/termbases", "/admin/memories"]));
        return builder;
    }

    public static WebApplication MapTranslation(this WebApplication app)
    {
        app.MapTermbaseApi();
        app.MapMemoryApi();
        return app;
    }
}
