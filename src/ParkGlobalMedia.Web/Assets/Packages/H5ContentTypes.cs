namespace ParkGlobalMedia.Assets.Packages;

/// <summary>The content type each file of a package is served with, decided by its extension.</summary>
internal static class H5ContentTypes
{
    public const string Unknown = "application/octet-stream";

    private static readonly Dictionary<string, string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["html"] = "text/html",
        ["htm"] = "text/html",
        ["css"] = "text/css",
        ["js"] = "text/javascript",
        ["mjs"] = "text/javascript",
        ["json"] = "application/json",
        ["png"] = "image/png",
        ["jpg"] = "image/jpeg",
        ["jpeg"] = "image/jpeg",
        ["gif"] = "image/gif",
        ["webp"] = "image/webp",
        ["svg"] = "image/svg+xml", // scriptable: fine only because packages are served from the sandbox origin
        ["mp4"] = "video/mp4",
        ["webm"] = "video/webm",
        ["mp3"] = "audio/mpeg",
        ["woff"] = "font/woff",
        ["woff2"] = "font/woff2",
        ["ttf"] = "font/ttf",
        ["otf"] = "font/otf",
        ["txt"] = "text/plain",
        ["xml"] = "application/xml",
        ["ico"] = "image/x-icon",
    };

    // Programs and installers are refused rather than served as bytes: a package is served from our domain, which lends
    // a download the trust of the brand (a malware drop point), and no marketing page needs one. Server-side scripts
    // would never run (packages are static), so refusing them tells the uploader now instead of a broken page later.
    // Anything else unknown (source maps, licences, stray .psd) is harmless as application/octet-stream.
    private static readonly HashSet<string> Refused = new(StringComparer.OrdinalIgnoreCase)
    {
        "exe", "dll", "com", "scr", "pif", "cpl", "msi", "msp", "msix", "appx", "bat", "cmd", "ps1", "psm1", "vbs", "vbe",
        "wsf", "wsh", "hta", "lnk", "reg", "jar", "apk", "ipa", "dmg", "pkg", "app", "deb", "rpm", "sh", "bash", "so", "dylib",
        "php", "phtml", "asp", "aspx", "jsp", "cgi", "pl", "py", "rb",
    };

    /// <summary>The content type of <paramref name="path"/>, or null when files of its kind are refused.</summary>
    public static string? For(string path)
    {
        var dot = path.LastIndexOf('.');
        var extension = dot < 0 || dot < path.LastIndexOf('/') ? "" : path[(dot + 1)..];
        return Refused.Contains(extension) ? null : Known.GetValueOrDefault(extension, Unknown);
    }
}
