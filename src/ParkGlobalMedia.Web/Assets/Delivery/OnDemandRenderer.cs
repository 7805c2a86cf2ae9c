using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ParkGlobalMedia.Assets.Imaging;
using ParkGlobalMedia.Assets.Library;
using ParkGlobalMedia.Assets.Processing;
using ParkGlobalMedia.Assets.Storage;
using ParkGlobalMedia.Assets.Uploads;

namespace ParkGlobalMedia.Assets.Delivery;

/// <summary>
/// Renders signed on-demand sizes once and keeps them in storage beside the presets. Concurrent requests for the same
/// size share one render; renders overall are bounded so a burst of new sizes queues instead of exhausting memory.
/// </summary>
public sealed class OnDemandRenderer(IBlobStorage storage, IImageProcessor images, IOptions<ImagingOptions> imaging, IOptions<AssetProcessingOptions> processing)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string?>>> _inFlight = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _renders = new(Math.Max(1, imaging.Value.Concurrency));

    /// <summary>The storage key of the size, rendering it first if needed; null when the asset has no image to size.</summary>
    public async Task<string?> EnsureAsync(MediaEntry entry, CustomSize size, CancellationToken cancellationToken)
    {
        var asset = entry.Asset;
        var key = $"renditions/{asset.Id:N}/{asset.RenditionVersion}/custom/{size.Name}";
        if (await storage.GetInfoAsync(key, cancellationToken) is not null)
        {
            return key;
        }

        var render = _inFlight.GetOrAdd(key, k => new Lazy<Task<string?>>(() => RenderAsync(entry, size, k)));
        try
        {
            return await render.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            _inFlight.TryRemove(new KeyValuePair<string, Lazy<Task<string?>>>(key, render));
        }
    }

    private async Task<string?> RenderAsync(MediaEntry entry, CustomSize size, string key)
    {
        var asset = entry.Asset;
        var sourceKey = asset.Kind is AssetKind.Image or AssetKind.Document
            ? asset.OriginalKey
            : entry.Renditions.GetValueOrDefault("poster.jpg")?.Key
              ?? entry.Renditions.Values.Where(r => r.Name.StartsWith('w') && r.Name.EndsWith(".jpg", StringComparison.Ordinal)).MaxBy(r => r.Width)?.Key;
        if (sourceKey is null || (size.Format == ImageFormat.Avif && !images.SupportsAvif) || asset.Width is null)
        {
            return null;
        }

        await _renders.WaitAsync();
        var work = Path.Combine(processing.Value.WorkFolder ?? Path.GetTempPath(), "pgm-on-demand", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var source = Path.Combine(work, "source");
            await using (var stream = await storage.OpenReadAsync(sourceKey) ?? throw new FileNotFoundException($"{sourceKey} is missing from storage."))
            await using (var file = File.Create(source))
            {
                await stream.CopyToAsync(file);
            }

            using var output = new MemoryStream();
            var focus = new FocalPoint(asset.FocusX, asset.FocusY);
            await images.RenderAsync(source, new RenditionRequest(size.Width, size.Height, size.Fit, size.Format, focus, Copyright: asset.Copyright), output);
            output.Position = 0;
            await storage.PutAsync(key, output, size.ContentType);
            return key;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
            _renders.Release();
        }
    }
}
