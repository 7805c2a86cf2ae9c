using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.ViewEngines;

namespace ParkGlobalMedia.Sites;

/// <summary>
/// Finds a theme's template: <c>/Themes/{theme}/{name}.cshtml</c> when the theme overrides it, else the default
/// theme's. Themes are folders under <c>themes/</c> compiled into the app, so a lookup is a dictionary hit.
/// </summary>
public sealed class ThemeViews(ICompositeViewEngine views)
{
    public const string DefaultTheme = "default";

    private readonly ConcurrentDictionary<(string Theme, string Name), string> _paths = new();

    public string Find(string theme, string name) =>
        _paths.GetOrAdd((theme, name), key =>
        {
            var own = $"/Themes/{key.Theme}/{key.Name}.cshtml";
            return views.GetView(executingFilePath: null, own, isMainPage: false).Success ? own : $"/Themes/{DefaultTheme}/{key.Name}.cshtml";
        });

    /// <summary>The theme's stylesheets, default first so a theme only states what it changes.</summary>
    public static IReadOnlyList<string> Stylesheets(string theme) =>
        theme == DefaultTheme ? [$"/themes/{DefaultTheme}/site.css"] : [$"/themes/{DefaultTheme}/site.css", $"/themes/{theme}/site.css"];
}
