using System.ComponentModel.DataAnnotations;

namespace ParkGlobalMedia.Assets.Imaging;

/// <summary>Limits and tuning of the image engine (section "Imaging").</summary>
public sealed class ImagingOptions
{
    public const string Section = "Imaging";

    /// <summary>Largest accepted Width × Height, checked from the header before decoding (decompression bombs).</summary>
    [Range(1, long.MaxValue)]
    public long MaxPixels { get; set; } = 120_000_000;

    /// <summary>Resolution a PDF's first page is measured and rendered at.</summary>
    [Range(18, 1200)]
    public int PdfDpi { get; set; } = 150;

    /// <summary>Renders running at once in this process; more wait their turn (each holds decode buffers).</summary>
    [Range(1, 256)]
    public int Concurrency { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// libvips worker threads per render (<c>vips_concurrency_set</c>, process-wide, applied at the first use). 2: with
    /// renders side by side on 2 cores it was never slower than 1 and up to 40 % faster, for 1–5 MB more per render
    /// (measurements in README.md next to this file).
    /// </summary>
    [Range(1, 64)]
    public int ThreadsPerRender { get; set; } = 2;
}
