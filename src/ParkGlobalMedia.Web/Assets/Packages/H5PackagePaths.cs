namespace ParkGlobalMedia.Assets.Packages;

/// <summary>What one zip entry name turns out to be.</summary>
internal enum EntryKind
{
    File,
    Folder,

    /// <summary>Operating-system litter that zipping a folder adds (macOS resource forks, Finder and Explorer caches).</summary>
    Litter,
}

/// <summary>
/// Turns zip entry names into safe relative paths, refusing every name that could escape the package folder
/// ("zip slip") or mean something else on another system.
/// </summary>
internal static class H5PackagePaths
{
    /// <summary>The normalised path and what it is; throws <see cref="PackageRejectedException"/> for a dangerous name.</summary>
    public static (string Path, EntryKind Kind) Normalise(string name, int maxPathLength)
    {
        if (name.Any(char.IsControl))
        {
            throw Rejected(name, "contains control characters.");
        }

        if (name.Contains('\uFFFD', StringComparison.Ordinal))
        {
            // The zip stored the name in a legacy code page (Chinese Windows zips in GBK) without saying so: the page's
            // links would not match it. Windows' own "Send to > Compressed folder" and 7-Zip write UTF-8 names.
            throw Rejected(name, "is not a UTF-8 file name; zip the folder again with 7-Zip or the system's own zip.");
        }

        if (name.Length > maxPathLength)
        {
            throw Rejected(name, $"is longer than {maxPathLength} characters.");
        }

        // Windows tools write backslashes, and Windows (or a careless extractor) treats them as separators: so does this,
        // before any check, so "..\x" and "\\server\share" are judged as what they would become.
        var path = name.Replace('\\', '/');
        if (path.StartsWith('/') || (path.Length >= 2 && path[1] == ':'))
        {
            throw Rejected(name, "is an absolute path; a package holds relative paths only.");
        }

        if (path.Contains(':', StringComparison.Ordinal))
        {
            throw Rejected(name, "contains ':', which names a drive or an alternate data stream on Windows.");
        }

        var segments = path.Split('/');
        if (segments.Contains(".."))
        {
            throw Rejected(name, "contains '..', which would place it outside the package.");
        }

        var kept = segments.Where(s => s is not ("" or ".")).ToArray();
        var kind = kept.Length == 0 || path.EndsWith('/') ? EntryKind.Folder
            : kept[0] == "__MACOSX" || kept[^1] is ".DS_Store" or "Thumbs.db" or "desktop.ini" ? EntryKind.Litter
            : EntryKind.File;
        return (string.Join('/', kept), kind);
    }

    public static PackageRejectedException Rejected(string name, string reason) => new($"\"{Display(name)}\" {reason}");

    /// <summary>The name as it may appear in a message: control characters replaced, length bounded.</summary>
    public static string Display(string name)
    {
        const int Shown = 160;
        var shown = new string(name.Select(c => char.IsControl(c) ? '?' : c).Take(Shown).ToArray());
        return name.Length <= Shown ? shown : shown[..(char.IsHighSurrogate(shown[^1]) ? Shown - 1 : Shown)] + "…";
    }
}
