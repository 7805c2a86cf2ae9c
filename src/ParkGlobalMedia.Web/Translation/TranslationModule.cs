using ParkGlobalMedia.Content.Stories;
using ParkGlobalMedia.Platform.Http;
using ParkGlobalMedia.Translation.Budgets;
using ParkGlobalMedia.Translation.Glossary;
using ParkGlobalMedia.Translation.Jobs;
using ParkGlobalMedia.Translation.Memory;
using ParkGlobalMedia.Translation.Providers;
using ParkGlobalMedia.Translation.Review;

namespace ParkGlobalMedia.Translation;

/// <summary>
/// Translation of stories: Markdown segmentation (Segmentation/), machine translation providers behind one interface
/// (Providers/), termbases (Glossary/), translation memories (Memory/), QA (Quality/), per-culture translation
/// documents and their review (Review/), background jobs and their API (Jobs/), and monthly budgets (Budgets/).
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
        builder.Services.AddScoped<Recipes.IRecipeStep, TermsRecipeStep>();
        // The admin imports check the declared size themselves, so a person gets the screen with the limit in words
        // rather than the API's up-front JSON answer (Kestrel's limit still holds while the body is read).
        builder.Services.Configure<ProblemHandling.LargeBodyPaths>(paths => paths.Prefixes.AddRange(["/admin/termbases", "/admin/memories"]));

        builder.Services.AddOptions<TranslationBudgetOptions>().BindConfiguration(TranslationBudgetOptions.Section);
        builder.Services.AddSingleton<TranslationBudgets>();
        builder.Services.AddScoped<TranslationDocuments>();
        builder.Services.AddScoped<TranslationReview>();
        builder.Services.AddScoped<TranslationRelease>();
        builder.Services.AddScoped<IVariantReleaseCheck>(services => services.GetRequiredService<TranslationRelease>());
        builder.Services.AddScoped<IStoryChangeObserver>(services => services.GetRequiredService<TranslationRelease>());
        builder.Services.AddScoped<TranslationJobs>();
        builder.Services.AddScoped<TranslationJobRunner>();
        builder.Services.AddSingleton<TranslationJobSignal>();
        builder.Services.AddOptions<TranslationJobOptions>().BindConfiguration(TranslationJobOptions.Section);
        if (builder.Configuration.GetSection(TranslationJobOptions.Section).Get<TranslationJobOptions>()?.Enabled ?? true)
        {
            builder.Services.AddHostedService<TranslationJobWorker>();
        }

        return builder;
    }

    public static WebApplication MapTranslation(this WebApplication app)
    {
        app.MapTermbaseApi();
        app.MapMemoryApi();
        app.MapTranslationApi();
        return app;
    }
}
