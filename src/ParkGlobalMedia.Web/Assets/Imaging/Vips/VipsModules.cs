using System.Runtime.InteropServices;
using static ParkGlobalMedia.Assets.Imaging.Vips.VipsNative;

namespace ParkGlobalMedia.Assets.Imaging.Vips;

/// <summary>
/// Chooses which libvips plugin modules load. vips_init loads every module in its module folder, through GModule,
/// which opens them with RTLD_GLOBAL — and Debian's openslide module drags in the system libsqlite3. Its exported
/// sqlite3_* symbols then take over lazily bound calls inside the app's own SQLite (SQLitePCLRaw's e_sqlite3), and
/// the process crashes in sqlite3Malloc (seen under parallel tests). So libvips is pointed (VIPSHOME) at a folder
/// holding links to only the modules the bank needs: HEIF (HEIC, AVIF) and poppler (PDF). Magick and openslide, which
/// the bank does not accept anyway, never load.
/// </summary>
internal static partial class VipsModules
{
    private static readonly string[] Wanted = ["vips-heif.so", "vips-poppler.so"];

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnvironment(string name, string value, int overwrite);

    /// <summary>Call before vips_init. Leaves libvips alone when its module folder cannot be found.</summary>
    public static void Restrict()
    {
        var library = LoadedPath("libvips.so.42");
        if (library is null)
        {
            return;
        }

        var libraryFolder = Path.GetDirectoryName(library)!;
        var modulesName = $"vips-modules-{vips_version(0)}.{vips_version(1)}";
        var installed = Path.Combine(libraryFolder, modulesName);
        if (!Directory.Exists(installed))
        {
            return;
        }

        // libvips looks in $VIPSHOME/{name of its library folder}/vips-modules-X.Y.
        var home = Path.Combine(Path.GetTempPath(), $"pgm-vips-{Environment.ProcessId}");
        var folder = Path.Combine(home, Path.GetFileName(libraryFolder), modulesName);
        Directory.CreateDirectory(folder);
        foreach (var module in Wanted)
        {
            var source = Path.Combine(installed, module);
            var link = Path.Combine(folder, module);
            if (File.Exists(source) && !File.Exists(link))
            {
                File.CreateSymbolicLink(link, source);
            }
        }

        // The native environment, not .NET's copy: libvips reads it with g_getenv.
        _ = SetEnvironment("VIPSHOME", home, 1);
    }

    /// <summary>The file a loaded shared library came from, read from /proc/self/maps.</summary>
    private static string? LoadedPath(string name)
    {
        if (!NativeLibrary.TryLoad(name, out var handle))
        {
            return null;
        }

        try
        {
            return File.ReadLines("/proc/self/maps").Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(parts => parts.Length >= 6 && Path.GetFileName(parts[5]).StartsWith(name, StringComparison.Ordinal))
                .Select(parts => parts[5]).FirstOrDefault();
        }
        finally
        {
            NativeLibrary.Free(handle);
        }
    }
}
