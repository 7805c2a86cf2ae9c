using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Razor.Compilation;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using ParkGlobalMedia.Content.Enterprises;

namespace ParkGlobalMedia.Sites;

/// <summary>
/// Finds a theme's template: <c>/Themes/{theme}/{name}.cshtml</c> when the theme overrides it, else the default
/// theme's. Themes are folders under <c>themes/</c> compiled into the app, so a lookup is a dictionary hit.
/// </summary>
public sealed class ThemeViews(ICompositeViewEngine views, ApplicationPartManager parts) : IThemeCatalog
{
    public const string DefaultTheme = "default";

    private readonly ConcurrentDictionary<(string Theme, string Name), string> _paths = new();
    private readonly Lazy<IReadOnlyList<string>> _installed = new(() => ListInstalled(parts));

    /// <summary>
    /// The installed themes, default first: every folder of <c>themes/</c> the build brought along — as compiled
    /// templates (/Themes/{name}/…) or as a stylesheet copied beside the binaries (a theme may have only a site.css).
    /// </summary>
    public IReadOnlyList<string> Installed => _installed.Value;

    public string Find(string theme, string name) =>
        _paths.GetOrAdd((theme, name), key =>
        {
            var own = $"/Themes/{key.Theme}/{key.Name}.cshtml";
            return views.GetView(executingFilePath: null, own, isMainPage: false).Success ? own : $"/Themes/{DefaultTheme}/{key.Name}.cshtml";
        });

    /// <summary>Where the themes' static files (CSS, images, small scripts) are copied at build time.</summary>
    public static string StaticFolder => Path.Combine(AppContext.BaseDirectory, "themes");

    /// <summary>The query parameter that carries a static file's content hash.</summary>
    public const string VersionParameter = "v";

    private readonly ConcurrentDictionary<string, string?> _versions = new(StringComparer.Ordinal);

    /// <summary>The theme's stylesheets, default first so a theme only states what it changes, with their fingerprints.</summary>
    public IReadOnlyList<string> Stylesheets(string theme) =>
        theme == DefaultTheme ? [Fingerprinted($"{DefaultTheme}/site.css")] : [Fingerprinted($"{DefaultTheme}/site.css"), Fingerprinted($"{theme}/site.css")];

    /// <summary>
    /// /themes/{file}?v={content hash}: the URL changes whenever the file does, so browsers and CDNs may keep it for a
    /// year (<see cref="IsCurrentVersion"/>) and a deploy still reaches every reader on their next page.
    /// </summary>
    public string Fingerprinted(string file) =>
        Version(file) is { } version ? $"/themes/{file}?{VersionParameter}={version}" : $"/themes/{file}";

    /// <summary>Whether a request for a theme file names its current fingerprint (an old or missing one gets a short cache life).</summary>
    public bool IsCurrentVersion(string file, string? version) => version is not null && version == Version(file);

    private string? Version(string file) =>
        _versions.GetOrAdd(file, name =>
        {
            var path = Path.GetFullPath(Path.Combine(StaticFolder, name));
            if (!path.StartsWith(StaticFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
            {
                return null;
            }

            using var stream = File.OpenRead(path);
            return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream).AsSpan(0, 8));
        });

    private static IReadOnlyList<string> ListInstalled(ApplicationPartManager parts)
    {
        var compiled = new ViewsFeature();
        parts.PopulateFeature(compiled);
        var names = compiled.ViewDescriptors
            .Select(view => view.RelativePath.Split('/', StringSplitOptions.RemoveEmptyEntries))
            .Where(segments => segments.Length == 3 && segments[0] == "Themes")
            .Select(segments => segments[1]);
        var copied = StaticFolder;
        if (Directory.Exists(copied))
        {
            names = names.Concat(Directory.EnumerateDirectories(copied).Select(folder => Path.GetFileName(folder)));
        }

        return names.Append(DefaultTheme).Distinct(StringComparer.Ordinal)
            .OrderBy(name => name == DefaultTheme ? 0 : 1).ThenBy(name => name, StringComparer.Ordinal).ToList();
    }
}
