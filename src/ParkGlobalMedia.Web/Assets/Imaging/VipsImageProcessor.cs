using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;
using ParkGlobalMedia.Assets.Imaging.Vips;
using static ParkGlobalMedia.Assets.Imaging.Vips.VipsNative;

namespace ParkGlobalMedia.Assets.Imaging;

/// <summary>
/// <see cref="IImageProcessor"/> on libvips in-process. A rendition is one lazy pipeline — vips_thumbnail_source
/// (shrink-on-load, EXIF auto-rotation, ICC import to sRGB), the focal crop, flatten, a clean metadata copy — run once
/// by the saver into a memory buffer. Renders are limited to <see cref="ImagingOptions.Concurrency"/> at a time.
/// </summary>
public sealed class VipsImageProcessor : IImageProcessor, IDisposable
{
    private const int FailOnError = 2; // VIPS_FAIL_ON_ERROR ("fail_on=error"): truncated or corrupt data fails, mere warnings do not
    private const int SizeBoth = 0, SizeDown = 2; // VipsSize: both, up, down, force
    private const int InterpretationSrgb = 22; // VIPS_INTERPRETATION_sRGB
    private const int ExtendCopy = 1; // VIPS_EXTEND_COPY
    private const int HeifAv1 = 4; // VIPS_FOREIGN_HEIF_COMPRESSION_AV1

    private readonly ImagingOptions _options;
    private readonly SemaphoreSlim _gate;
    private readonly Lazy<bool> _avif;

    public VipsImageProcessor(IOptions<ImagingOptions> options)
    {
        _options = options.Value;
        _gate = new SemaphoreSlim(_options.Concurrency, _options.Concurrency);
        _avif = new Lazy<bool>(ProbeAvif);
    }

    public bool SupportsAvif => _avif.Value;

    public ImageHeader ReadHeader(string path)
    {
        LibVips.Start(_options.ThreadsPerRender);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("No file to read an image header from.", path);
        }

        try
        {
            var typeName = vips_foreign_find_load(path);
            if (typeName == 0)
            {
                throw new VipsException("VipsForeignLoad", VipsError.Take());
            }

            var loader = Marshal.PtrToStringUTF8(typeName)!;
            var nick = Marshal.PtrToStringUTF8(vips_nickname_find(g_type_from_name(loader))) ?? loader;
            using var load = VipsOperation.Create(loader).Set("filename", path).SetEnum("fail_on", vips_fail_on_get_type(), FailOnError);
            if (nick == "pdfload")
            {
                load.Set("dpi", (double)_options.PdfDpi);
            }

            // A loader's build reads the header only; pixels are decoded when something downstream asks for them.
            using var image = load.Build().GetImage("out");
            var (width, height) = image.OrientationSwapsAxes ? (image.Height, image.Width) : (image.Width, image.Height);
            var header = new ImageHeader(width, height, Math.Max(1, image.Pages), nick, image.HasAlpha);
            var pixels = (long)width * height;
            return pixels <= _options.MaxPixels
                ? header
                : throw new ImageRejectedException(string.Create(CultureInfo.InvariantCulture,
                    $"The image is {width:N0} × {height:N0} pixels ({pixels:N0}); the bank accepts at most {_options.MaxPixels:N0} pixels."));
        }
        catch (VipsException e)
        {
            throw Undecodable(path, e);
        }
    }

    public async Task<RenderedImage> RenderAsync(string sourcePath, RenditionRequest request, Stream output, CancellationToken cancellationToken = default)
    {
        Validate(request);
        var header = ReadHeader(sourcePath);
        byte[] bytes;
        (int Width, int Height) size;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            (bytes, size) = await Task.Run(() => Render(sourcePath, header, request, cancellationToken), cancellationToken);
        }
        finally
        {
            _gate.Release();
        }

        // A started render runs to the end (seconds at most). Setting libvips' kill flag on the pipeline's image
        // stopped nothing when tried: the saver's sink evaluates its own converted copy, which the engine never sees.
        cancellationToken.ThrowIfCancellationRequested();
        await output.WriteAsync(bytes, cancellationToken);
        return new RenderedImage(size.Width, size.Height, bytes.Length, ContentType(request.Format));
    }

    public void Dispose() => _gate.Dispose();

    internal static string ContentType(ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => "image/jpeg",
        ImageFormat.WebP => "image/webp",
        ImageFormat.Avif => "image/avif",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    private (byte[] Bytes, (int Width, int Height) Size) Render(string path, ImageHeader header, RenditionRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var images = new List<VipsImage>(); // every reference taken, released at the end whatever happens
        try
        {
            var image = Keep(images, Thumbnail(path, header, request));
            if (request.Fit == ImageFit.Cover)
            {
                if (image.Width < request.Width || image.Height < request.Height)
                {
                    // CoverBox relies on vips_resize's rounding, which is not a documented contract. Never seen short in
                    // 600 random source/box pairs (JPEG shrink-on-load and PNG); if it ever is, repeat the edge pixels.
                    image = Keep(images, Run(VipsOperation.Create("embed").Set("in", image).Set("x", 0).Set("y", 0)
                        .Set("width", Math.Max(request.Width, image.Width)).Set("height", Math.Max(request.Height, image.Height))
                        .SetEnum("extend", vips_extend_get_type(), ExtendCopy)));
                }

                var (left, top) = RenditionGeometry.CropWindow(image.Width, image.Height, request.Width, request.Height, request.Focus);
                image = Keep(images, Run(VipsOperation.Create("extract_area").Set("input", image)
                    .Set("left", left).Set("top", top).Set("width", request.Width).Set("height", request.Height)));
            }

            image = Keep(images, Run(VipsOperation.Create("colourspace").Set("in", image)
                .SetEnum("space", vips_interpretation_get_type(), InterpretationSrgb)));
            if (request.Format == ImageFormat.Jpeg && image.HasAlpha)
            {
                image = Keep(images, Run(VipsOperation.Create("flatten").Set("in", image).Set("background", new[] { 255.0, 255, 255 })));
            }

            image = Keep(images, PublicCopy(image, request.Copyright));
            return (Save(image, request), (image.Width, image.Height));
        }
        catch (VipsException e) when (IsDecodeFailure(e.Message, path))
        {
            throw Undecodable(path, e);
        }
        catch (VipsException e)
        {
            throw new InvalidOperationException($"libvips failed to render {Path.GetFileName(path)}: {e.Message}", e);
        }
        finally
        {
            images.ForEach(i => i.Dispose());
        }
    }

    /// <summary>Shrink-on-load decode of the first page/frame, upright, colour-managed, sized for the request.</summary>
    private VipsImage Thumbnail(string path, ImageHeader header, RenditionRequest request)
    {
        var ((width, height), size) = request.Fit == ImageFit.Cover
            ? (RenditionGeometry.CoverBox(header.Width, header.Height, request.Width, request.Height), SizeBoth)
            : ((request.Width, request.Height > 0 ? request.Height : RenditionGeometry.Unbounded), SizeDown);
        var source = vips_source_new_from_file(path);
        if (source == 0)
        {
            throw new VipsException("vips_source_new_from_file", VipsError.Take());
        }

        try
        {
            using var thumbnail = VipsOperation.Create("thumbnail_source").SetObject("source", source)
                .Set("width", width).Set("height", height).SetEnum("size", vips_size_get_type(), size);
            // thumbnail_source does not hand its own fail_on to the loader (vips_thumbnail_source_open in 8.14
            // passes only option_string and access), so a truncated JPEG rendered grey: the option string does.
            // A PDF's header was measured at PdfDpi: render from the same resolution so "never enlarge" agrees.
            thumbnail.Set("option_string", header.Format == "pdfload" ? $"fail_on=error,dpi={_options.PdfDpi}" : "fail_on=error");

            return thumbnail.Build().GetImage("out");
        }
        finally
        {
            g_object_unref(source);
        }
    }

    /// <summary>
    /// A copy of the header with every metadata field removed — EXIF (GPS, camera), XMP, IPTC, ICC, loader fields —
    /// and, when asked, only EXIF IFD0 Copyright. The copy shares pixels; only its metadata table is new.
    /// </summary>
    private static VipsImage PublicCopy(VipsImage image, string? copyright)
    {
        var copy = Run(VipsOperation.Create("copy").Set("in", image));
        foreach (var field in copy.FieldNames())
        {
            copy.RemoveField(field);
        }

        if (!string.IsNullOrWhiteSpace(copyright))
        {
            // libvips writes "exif-ifd0-*" strings into a fresh EXIF block at save time, transliterated to ASCII as
            // EXIF requires (© becomes "(C)"). It expects its own display form "value (ASCII, …)" and cuts the text at
            // the last " (" when it ends in ")": the suffix given here is what gets cut, so "Park (HN)" stays whole.
            copy.SetString("exif-ifd0-Copyright", copyright.Trim() + " (ASCII)");
        }

        return copy;
    }

    private static byte[] Save(VipsImage image, RenditionRequest request)
    {
        // Without a copyright nothing at all is written; with one, the cleaned copy's only field is the copyright.
        var strip = request.Copyright is null || string.IsNullOrWhiteSpace(request.Copyright);
        using var save = request.Format switch
        {
            ImageFormat.Jpeg => VipsOperation.Create("jpegsave_buffer").Set("optimize_coding", true),
            ImageFormat.WebP => VipsOperation.Create("webpsave_buffer"),
            ImageFormat.Avif => VipsOperation.Create("heifsave_buffer")
                .SetEnum("compression", vips_foreign_heif_compression_get_type(), HeifAv1).Set("bitdepth", 8),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Format, null),
        };
        return save.Set("in", image).Set("Q", request.Quality).Set("strip", strip).Build().GetBlob("buffer");
    }

    private static VipsImage Run(VipsOperation operation)
    {
        using (operation)
        {
            return operation.Build().GetImage("out");
        }
    }

    private static VipsImage Keep(List<VipsImage> images, VipsImage image)
    {
        images.Add(image);
        return image;
    }

    private bool ProbeAvif()
    {
        LibVips.Start(_options.ThreadsPerRender);
        try
        {
            using var black = Run(VipsOperation.Create("black").Set("width", 16).Set("height", 16).Set("bands", 3));
            using var save = VipsOperation.Create("heifsave_buffer").Set("in", black)
                .SetEnum("compression", vips_foreign_heif_compression_get_type(), HeifAv1).Set("bitdepth", 8);
            return save.Build().GetBlob("buffer").Length > 0;
        }
        catch (VipsException)
        {
            return false;
        }
    }

    private void Validate(RenditionRequest request)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Width, 1, nameof(request));
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Height, request.Fit == ImageFit.Cover ? 1 : 0, nameof(request));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Math.Max(request.Width, request.Height), RenditionGeometry.Unbounded, nameof(request));
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Quality, 1, nameof(request));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.Quality, 100, nameof(request));
        if (request.Format == ImageFormat.Avif && !SupportsAvif)
        {
            throw new NotSupportedException("This libvips/libheif cannot encode AVIF; check SupportsAvif before asking for it.");
        }
    }

    /// <summary>
    /// Whether libvips' error text comes from reading the source rather than from the engine's own steps. Each line
    /// is "domain: message"; decoders use their library or loader name, libheif the file name.
    /// </summary>
    internal static bool IsDecodeFailure(string message, string path) =>
        message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(line =>
            line.Split(':', 2)[0] is var domain && (DecoderDomains.Contains(domain) || domain.EndsWith("load", StringComparison.Ordinal) ||
            domain.EndsWith("load_source", StringComparison.Ordinal) || domain == path || domain == Path.GetFileName(path)));

    private static readonly HashSet<string> DecoderDomains =
        ["VipsForeignLoad", "VipsJpeg", "vipspng", "spng", "gifload", "webp", "webp2vips", "tiff2vips", "heif", "pdf", "poppler"];

    /// <summary>An uploader-safe rejection: libvips' first line, the server's path reduced to the file name.</summary>
    private static ImageRejectedException Undecodable(string path, VipsException e)
    {
        var first = e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? e.Operation;
        if (first.Contains("is not a known file format", StringComparison.Ordinal) || first.Contains("operation is blocked", StringComparison.Ordinal))
        {
            // No accepted loader recognised the bytes (a blocked one, e.g. ImageMagick, may have offered itself).
            first = "not a readable JPEG, PNG, GIF, WebP, TIFF, HEIC, AVIF or PDF file";
        }

        return new ImageRejectedException("The file could not be decoded as an image: " + first.Replace(path, Path.GetFileName(path), StringComparison.Ordinal));
    }
}
