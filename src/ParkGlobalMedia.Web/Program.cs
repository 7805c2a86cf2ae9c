using ParkGlobalMedia.Admin;
using ParkGlobalMedia.Assets;
using ParkGlobalMedia.Content;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Platform;
using ParkGlobalMedia.Platform.Cli;
using ParkGlobalMedia.Recipes;
using ParkGlobalMedia.Sites;
using ParkGlobalMedia.Translation;

// Operator verbs (migrate, recipe, user, token) share this composition; without one, the web app runs.
var isCli = CliVerbs.IsCommand(args);
var builder = WebApplication.CreateBuilder(isCli ? [] : args);

builder.AddPlatform();
builder.AddPlatformIdentity();
builder.AddContent();
builder.AddAssets();
builder.AddSites();
builder.AddTranslation();
builder.AddRecipes();
builder.AddAdmin();

var app = builder.Build();
if (isCli)
{
    return await CliVerbs.RunAsync(app, args);
}

await app.PrepareDatabaseAsync();

app.UsePlatform();
app.UseAssets();
app.UseSites();
app.UseAdmin();
app.UseRouting();
app.UseAuthentication();
app.UseRejectedTokenProblems();
app.UseAuthorization();

app.MapPlatform();
app.MapAccountApi();
app.MapContentApi();
app.MapAssets();
app.MapSites();
app.MapTranslation();
app.MapAdmin();

await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
