using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParkGlobalMedia.Assets.Imaging;
using ParkGlobalMedia.Assets.Library;
using ParkGlobalMedia.Assets.Packages;
using ParkGlobalMedia.Assets.Storage;
using ParkGlobalMedia.Assets.Uploads;
using ParkGlobalMedia.Assets.Video;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Assets.Processing;

/// <summary>
/// Processes one claimed asset: copies the original to a work folder, learns what it is (libvips header, embedded
/// metadata, ffprobe, package listing), renders the preset renditions (and for video the web and social cuts), and
/// reports progress as it goes. A file that turns out bad fails the asset with the tool's reason; a transient
/// failure (storage, I/O) leaves it for a retry. Each rendition is stored as soon as it is made, under the asset's
/// rendition version, so an edit made meanwhile (a new focal point) simply supersedes this run.
/// </summary>
public sealed partial class AssetPipeline(
    AppDbContext db,
    IBlobStorage storage,
    IImageProcessor images,
    IVideoProcessor videos,
    IOptions<H5PackageLimits> packageLimits,
    IOptions<AssetProcessingOptions> options,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ILogger<AssetPipeline> logger)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task RunAsync(Guid assetId, int version, CancellationToken cancellationToken)
    {
        var asset = await db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assetId, cancellationToken);
        if (asset is null)
        {
            return;
        }

        var work = Path.Combine(options.Value.WorkFolder ?? Path.GetTempPath(), "pgm-processing", $"{assetId:N}-{version}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        var job = new ProcessingJob(asset, version, work);
        try
        {
            await ReportAsync(job, "copying the original", 1, cancellationToken);
            var original = Path.Combine(work, $"original.{asset.Extension}");
            await DownloadAsync(asset.OriginalKey, original, cancellationToken);
            switch (asset.Kind)
            {
                case AssetKind.Image:
                    await ProcessImageAsync(job, original, cancellationToken);
                    break;
                case AssetKind.Video:
                    await ProcessVideoAsync(job, original, cancellationToken);
                    break;
                case AssetKind.Document:
                    await ProcessDocumentAsync(job, original, cancellationToken);
                    break;
                default:
                    await ProcessPackageAsync(job, original, cancellationToken);
                    break;
            }

            await FinishAsync(job, cancellationToken);
            LogProcessed(logger, assetId, version, job.Renditions);
        }
        catch (Exception exception) when (exception is ImageRejectedException or VideoRejectedException or PackageRejectedException)
        {
            LogRejected(logger, assetId, exception.Message);
            await FailAsync(job, exception.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: hand the asset back so the next start (or another instance) picks it up at once.
            await SetStateAsync(job, ProcessingState.Pending, null);
            throw;
        }
        catch (Exception exception)
        {
            LogFailed(logger, exception, assetId);
            if (asset.ProcessingAttempts + 1 >= options.Value.MaxAttempts)
            {
                await FailAsync(job, $"Processing failed after {options.Value.MaxAttempts} attempts: {exception.Message}");
            }
            else
            {
                await SetStateAsync(job, ProcessingState.Pending, $"retrying after: {exception.Message}");
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private async Task ProcessImageAsync(ProcessingJob job, string original, CancellationToken cancellationToken)
    {
        await ReportAsync(job, "reading the image header", 3, cancellationToken);
        var header = images.ReadHeader(original);
        var metadata = Metadata.EmbeddedMetadataReader.Read(original);
        await RecordFactsAsync(job, header.Width, header.Height, null, AssetFacts.From(header, metadata), metadata, cancellationToken);
        await RenderImagesAsync(job, original, header.Width, header.Height, 5, 100, metadata.Copyright, cancellationToken);
    }

    private async Task ProcessDocumentAsync(ProcessingJob job, string original, CancellationToken cancellationToken)
    {
        await ReportAsync(job, "rendering the first page", 3, cancellationToken);
        ImageHeader header;
        try
        {
            header = images.ReadHeader(original);
        }
        catch (ImageRejectedException exception)
        {
            // A PDF libvips cannot render is still a valid document: keep it, without a preview, and say why.
            await RecordFactsAsync(job, null, null, null, new() { ["preview"] = $"not available: {exception.Message}" }, null, cancellationToken);
            return;
        }

        await RecordFactsAsync(job, header.Width, header.Height, null, new() { ["pages"] = header.Pages.ToString(System.Globalization.CultureInfo.InvariantCulture) }, null, cancellationToken);
        await RenderImagesAsync(job, original, header.Width, header.Height, 5, 100, null, cancellationToken);
    }

    private async Task ProcessVideoAsync(ProcessingJob job, string original, CancellationToken cancellationToken)
    {
        await ReportAsync(job, "probing the video", 2, cancellationToken);
        var probe = await videos.ProbeAsync(original, cancellationToken);
        await RecordFactsAsync(job, probe.Width, probe.Height, probe.Duration.TotalSeconds, AssetFacts.From(probe), null, cancellationToken);

        await ReportAsync(job, "taking the poster frame", 4, cancellationToken);
        var poster = Path.Combine(job.WorkFolder, "poster.jpg");
        await videos.ExtractPosterAsync(original, TimeSpan.FromSeconds(job.Asset.PosterSecond), poster, cancellationToken);
        await StoreFileAsync(job, "poster.jpg", poster, "image/jpeg", probe.Width, probe.Height, cancellationToken);
        await RenderImagesAsync(job, poster, probe.Width, probe.Height, 5, 25, null, cancellationToken);

        VideoRendition[] cuts = [VideoRendition.Web, VideoRendition.Vertical, VideoRendition.Square];
        for (var i = 0; i < cuts.Length; i++)
        {
            var (from, to) = (25 + (i * 75 / cuts.Length), 25 + ((i + 1) * 75 / cuts.Length));
            var name = $"{cuts[i].ToString().ToLowerInvariant()}.mp4";
            var output = Path.Combine(job.WorkFolder, name);
            await ReportAsync(job, $"encoding {name}", from, cancellationToken);
            var progress = new ThrottledProgress(fraction => _ = ReportAsync(job, $"encoding {name}", from + (int)(fraction * (to - from)), CancellationToken.None));
            await videos.TranscodeAsync(original, cuts[i], job.Asset.FocusX, output, progress, cancellationToken);
            var encoded = await videos.ProbeAsync(output, cancellationToken);
            await StoreFileAsync(job, name, output, "video/mp4", encoded.Width, encoded.Height, cancellationToken);
        }
    }

    private async Task ProcessPackageAsync(ProcessingJob job, string original, CancellationToken cancellationToken)
    {
        await ReportAsync(job, "checking the package", 3, cancellationToken);
        H5Package package;
        try
        {
            package = await PackageStore.ExtractAsync(storage, job.Asset.Id, original, packageLimits.Value, cancellationToken);
        }
        catch (PackageRejectedException)
        {
            await PackageStore.DeleteAsync(storage, job.Asset.Id, CancellationToken.None);
            throw;
        }

        var facts = new Dictionary<string, string>
        {
            ["entryPoint"] = package.EntryPoint,
            ["files"] = package.Entries.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["uncompressedBytes"] = package.UncompressedBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        // The preview is the package's first raster image: H5 pages are built around a key visual.
        var previewEntry = package.Entries.FirstOrDefault(e => e.ContentType is "image/jpeg" or "image/png" or "image/webp");
        if (previewEntry is null)
        {
            await RecordFactsAsync(job, null, null, null, facts, null, cancellationToken);
            return;
        }

        var preview = Path.Combine(job.WorkFolder, "preview");
        await using (var source = await PackageStore.OpenEntryAsync(storage, job.Asset.Id, previewEntry.Path, cancellationToken))
        await using (var target = File.Create(preview))
        {
            await source!.CopyToAsync(target, cancellationToken);
        }

        try
        {
            var header = images.ReadHeader(preview);
            await RecordFactsAsync(job, header.Width, header.Height, null, facts, null, cancellationToken);
            await RenderImagesAsync(job, preview, header.Width, header.Height, 10, 100, null, cancellationToken);
        }
        catch (ImageRejectedException exception)
        {
            facts["preview"] = $"not available: {exception.Message}";
            await RecordFactsAsync(job, null, null, null, facts, null, cancellationToken);
        }
    }

    private async Task RenderImagesAsync(ProcessingJob job, string source, int width, int height, int fromPercent, int toPercent, string? embeddedCopyright, CancellationToken cancellationToken)
    {
        var presets = RenditionPresets.For(width);
        var total = presets.Count * RenditionPresets.Formats.Count;
        var focus = new FocalPoint(job.Asset.FocusX, job.Asset.FocusY);
        if (RenditionPresets.IsLong(width, height) && job.Asset is { FocusX: 0.5, FocusY: 0.5 })
        {
            focus = new FocalPoint(0.5, 0);
        }

        var copyright = job.Asset.Copyright ?? embeddedCopyright;
        var done = 0;
        foreach (var preset in presets)
        {
            foreach (var (extension, format) in RenditionPresets.Formats)
            {
                await ReportAsync(job, $"rendering {preset.Name}.{extension}", fromPercent + (done * (toPercent - fromPercent) / total), cancellationToken);
                using var buffer = new MemoryStream();
                var rendered = await images.RenderAsync(source, new RenditionRequest(preset.Width, preset.Height, preset.Fit, format, focus, Copyright: copyright), buffer, cancellationToken);
                buffer.Position = 0;
                await StoreAsync(job, $"{preset.Name}.{extension}", buffer, rendered.ContentType, rendered.Width, rendered.Height, cancellationToken);
                done++;
            }
        }
    }

    private async Task StoreFileAsync(ProcessingJob job, string name, string path, string contentType, int width, int height, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        await StoreAsync(job, name, file, contentType, width, height, cancellationToken);
    }

    /// <summary>Stores one rendition and points its row at it; the previous version's file goes once the row moved on.</summary>
    private async Task StoreAsync(ProcessingJob job, string name, Stream content, string contentType, int width, int height, CancellationToken cancellationToken)
    {
        var key = $"renditions/{job.Asset.Id:N}/{job.Version}/{name}";
        var length = content.Length;
        await storage.PutAsync(key, content, contentType, cancellationToken);
        var row = await db.AssetRenditions.FirstOrDefaultAsync(r => r.AssetId == job.Asset.Id && r.Name == name, cancellationToken);
        var previousKey = row?.Version < job.Version ? row.Key : null;
        if (row is null)
        {
            row = new AssetRendition { AssetId = job.Asset.Id, Name = name, Key = key, ContentType = contentType };
            db.AssetRenditions.Add(row);
        }

        (row.Key, row.Version, row.ContentType, row.Width, row.Height, row.Length, row.CreatedAt) = (key, job.Version, contentType, width, height, length, Now);
        await db.SaveChangesAsync(cancellationToken);
        job.Renditions++;
        job.Produced.Add(name);
        if (previousKey is not null && previousKey != key)
        {
            await storage.DeleteAsync(previousKey, CancellationToken.None);
        }
    }

    private async Task DownloadAsync(string key, string path, CancellationToken cancellationToken)
    {
        await using var source = await storage.OpenReadAsync(key, cancellationToken)
                                 ?? throw new FileNotFoundException($"The original {key} is missing from storage.");
        await using var target = File.Create(path);
        await source.CopyToAsync(target, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Asset {AssetId} processed (rendition version {Version}): {Renditions} renditions")]
    private static partial void LogProcessed(ILogger logger, Guid assetId, int version, int renditions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Asset {AssetId} rejected in processing: {Reason}")]
    private static partial void LogRejected(ILogger logger, Guid assetId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Asset {AssetId} processing failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid assetId);
}

/// <summary>One run of the pipeline over one asset at one rendition version.</summary>
public sealed class ProcessingJob(Asset asset, int version, string workFolder)
{
    public Asset Asset { get; } = asset;
    public int Version { get; } = version;
    public string WorkFolder { get; } = workFolder;
    public int Renditions { get; set; }
    public HashSet<string> Produced { get; } = new(StringComparer.Ordinal);
}

/// <summary>Passes on at most one progress report per percent, so a long encode does not write the database per frame.</summary>
internal sealed class ThrottledProgress(Action<double> report) : IProgress<double>
{
    private int _lastPercent = -1;

    public void Report(double value)
    {
        var percent = (int)(Math.Clamp(value, 0, 1) * 100);
        if (Interlocked.Exchange(ref _lastPercent, percent) != percent)
        {
            report(value);
        }
    }
}
