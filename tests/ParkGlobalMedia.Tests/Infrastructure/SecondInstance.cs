using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace ParkGlobalMedia.Tests.Infrastructure;

/// <summary>
/// Another instance of the app over the first one's database and data folder, as a second server behind a load
/// balancer would be: what one instance caches or signs must hold on the other.
/// </summary>
public sealed class SecondInstance(AppFactory first) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = first.Provider.ToString(),
            ["Database:ConnectionString"] = first.Database.ConnectionString,
            ["Platform:DataFolder"] = first.Database.Folder,
            ["Scheduler:Enabled"] = "false",
            ["AssetProcessing:Enabled"] = "false",
            ["Analytics:Enabled"] = "false",
        }));
    }
}
