using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParkGlobalMedia.Platform.Caching;

namespace ParkGlobalMedia.Platform.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers the database context on the configured provider, the schema migrator and the revision interceptor.</summary>
    public static WebApplicationBuilder AddPlatformData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<RevisionInterceptor>();
        builder.Services.AddSingleton<ContentGenerationInterceptor>();
        builder.Services.AddSingleton<DatabaseConnection>();
        builder.Services.AddDbContext<AppDbContext>((services, options) =>
        {
            services.GetRequiredService<DatabaseConnection>().Configure(options);
            options.AddInterceptors(services.GetRequiredService<RevisionInterceptor>(), services.GetRequiredService<ContentGenerationInterceptor>());
        });
        builder.Services.AddScoped<SchemaMigrator>();
        return builder;
    }
}

/// <summary>Resolves the provider and connection string once (the SQLite file lives in the data folder).</summary>
public sealed class DatabaseConnection
{
    public DatabaseConnection(IOptions<DatabaseOptions> database, IOptions<PlatformOptions> platform, IHostEnvironment environment)
    {
        Provider = database.Value.Provider;
        if (Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(database.Value.ConnectionString))
        {
            var folder = platform.Value.ResolveDataFolder(environment.ContentRootPath);
            Directory.CreateDirectory(folder);
            ConnectionString = $"Data Source={Path.Combine(folder, "parkglobalmedia.db")}";
        }
        else
        {
            ConnectionString = database.Value.ConnectionString!;
        }
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public void Configure(DbContextOptionsBuilder options)
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(ConnectionString);
        }
        else
        {
            options.UseSqlite(ConnectionString);
        }
    }
}
