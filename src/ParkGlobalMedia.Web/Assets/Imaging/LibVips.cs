using System.Runtime.InteropServices;
using ParkGlobalMedia.Assets.Imaging.Vips;
using static ParkGlobalMedia.Assets.Imaging.Vips.VipsNative;

namespace ParkGlobalMedia.Assets.Imaging;

/// <summary>The process-wide libvips: found, checked and started once.</summary>
public static class LibVips
{
    public const string NotInstalled = "libvips (libvips42) is not installed: run scripts/install-media-tools.sh";

    private static readonly Lock Gate = new();
    private static readonly Lazy<string?> Probe = new(FindProblem);
    private static bool _started;

    /// <summary>Null when libvips 8.13 or later loads in this process; otherwise what is wrong and how to fix it.</summary>
    public static string? Problem => Probe.Value;

    /// <summary>The loaded version, e.g. "8.14.1" (throws with <see cref="Problem"/> when libvips is missing).</summary>
    public static string Version
    {
        get
        {
            ThrowIfMissing();
            return $"{vips_version(0)}.{vips_version(1)}.{vips_version(2)}";
        }
    }

    /// <summary>
    /// vips_init plus the process-wide settings. The first caller's thread count wins: libvips has one setting
    /// (vips_concurrency_set) for every pipeline in the process.
    /// </summary>
    internal static void Start(int threadsPerRender)
    {
        ThrowIfMissing();
        lock (Gate)
        {
            if (_started)
            {
                return;
            }

            VipsModules.Restrict();
            if (vips_init("ParkGlobalMedia") != 0)
            {
                throw new InvalidOperationException("libvips did not start: " + VipsError.Take());
            }

            // Every rendition reads a different file once: the operation cache would only hold memory and file
            // handles, and could hand back a stale result for a temp path that is reused with new content.
            vips_cache_set_max(0);
            vips_cache_set_max_mem(0);
            vips_cache_set_max_files(0);
            vips_concurrency_set(threadsPerRender);

            // Only the loaders the bank accepts may run, whatever the file's bytes claim: no SVG (scriptable,
            // external references), ImageMagick, FITS, Matlab, CSV, raw … reachable from an upload.
            vips_operation_block_set("VipsForeignLoad", true);
            foreach (var loader in AllowedLoaders)
            {
                vips_operation_block_set(loader, false);
            }

            _started = true;
        }
    }

    /// <summary>Loader base classes that stay unblocked (each covers its file, buffer and source variants).</summary>
    internal static readonly string[] AllowedLoaders =
    [
        "VipsForeignLoadJpeg", "VipsForeignLoadPng", "VipsForeignLoadNsgif", "VipsForeignLoadWebp",
        "VipsForeignLoadTiff", "VipsForeignLoadHeif", "VipsForeignLoadPdf",
    ];

    private static void ThrowIfMissing()
    {
        if (Problem is { } problem)
        {
            throw new InvalidOperationException(problem);
        }
    }

    private static string? FindProblem()
    {
        if (!NativeLibrary.TryLoad("libvips.so.42", out var handle))
        {
            return NotInstalled;
        }

        NativeLibrary.Free(handle);
        try
        {
            // vips_operation_block_set and vips_error_buffer_copy arrived in 8.13.
            var (major, minor) = (vips_version(0), vips_version(1));
            return major > 8 || (major == 8 && minor >= 13)
                ? null
                : $"libvips {major}.{minor} is too old (8.13 or later is needed): run scripts/install-media-tools.sh";
        }
        catch (DllNotFoundException)
        {
            return NotInstalled;
        }
    }
}
