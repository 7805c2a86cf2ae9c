using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParkGlobalMedia.Assets.Imaging;
using ParkGlobalMedia.Assets.Library;
using ParkGlobalMedia.Assets.Metadata;
using ParkGlobalMedia.Assets.Video;
using ParkGlobalMedia.Platform.Data;

namespace ParkGlobalMedia.Assets.Processing;

// How a run records its state. Progress and state go through ExecuteUpdate, guarded by the rendition version the run
// claimed, so they never bump the asset's revision (an editor's If-Match stays valid while processing runs) and a
// superseded run cannot overwrite the state of the run that replaced it.
public sealed partial class AssetPipeline
{
    private readonly SemaphoreSlim _progressWrites = new(1, 1);

    /// <summary>Shows progress and extends the lease. Uses its own context: video progress arrives from ffmpeg's reader thread.</summary>
    private async Task ReportAsync(ProcessingJob job, string step, int percent, CancellationToken cancellationToken)
    {
        if (!await _progressWrites.WaitAsync(0, cancellationToken))
        {
            return; // a report is being written; the next one carries newer news anyway
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var progressDb = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var leaseUntil = Now + options.Value.Lease;
            await Current(progressDb, job).ExecuteUpdateAsync(set => set
                .SetProperty(a => a.ProcessingStep, step)
                .SetProperty(a => a.ProcessingPercent, Math.Clamp(percent, 0, 99))
                .SetProperty(a => a.ProcessingLeaseUntil, leaseUntil), cancellationToken);
        }
        finally
        {
            _progressWrites.Release();
        }
    }

    /// <summary>
    /// Records what the file is. On the first run, empty credits, texts and tags are filled from the embedded metadata
    /// (what the photographer wrote is a better start than nothing); later runs and anything a person typed are left alone.
    /// </summary>
    private async Task RecordFactsAsync(ProcessingJob job, int? width, int? height, double? duration, Dictionary<string, string> facts, EmbeddedMetadata? metadata, CancellationToken cancellationToken)
    {
        await Current(db, job).ExecuteUpdateAsync(set => set
            .SetProperty(a => a.Width, width)
            .SetProperty(a => a.Height, height)
            .SetProperty(a => a.DurationSeconds, duration)
            .SetProperty(a => a.Facts, facts), cancellationToken);
        (job.Asset.Width, job.Asset.Height, job.Asset.DurationSeconds) = (width, height, duration);

        if (metadata is null || job.Version != 1)
        {
            return;
        }

        var asset = await db.Assets.Include(a => a.Tags).Include(a => a.Collections).AsSplitQuery().FirstAsync(a => a.Id == job.Asset.Id, cancellationToken);
        var filled = AssetFacts.FillFrom(asset, metadata);
        if (!filled)
        {
            return;
        }

        asset.SearchText = AssetSearchText.Build(asset);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            job.Asset.Copyright = asset.Copyright;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear(); // someone edited the asset meanwhile: what they typed wins over the file's metadata
        }
    }

    /// <summary>Marks the run done; renditions of presets this run no longer makes (a smaller source) are removed.</summary>
    private async Task FinishAsync(ProcessingJob job, CancellationToken cancellationToken)
    {
        var stale = await db.AssetRenditions.Where(r => r.AssetId == job.Asset.Id && r.Version < job.Version).ToListAsync(cancellationToken);
        stale.RemoveAll(r => job.Produced.Contains(r.Name));
        db.AssetRenditions.RemoveRange(stale);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var rendition in stale)
        {
            await storage.DeleteAsync(rendition.Key, CancellationToken.None);
        }

        await SetStateAsync(job, Library.ProcessingState.Ready, null);
    }

    private async Task FailAsync(ProcessingJob job, string reason)
    {
        // A failed asset keeps no renditions: nothing half-made is served, no stray files stay in storage. The rows go
        // before the state changes, whose generation bump then shows readers' caches the asset without them.
        var renditions = await db.AssetRenditions.Where(r => r.AssetId == job.Asset.Id).ToListAsync(CancellationToken.None);
        db.AssetRenditions.RemoveRange(renditions);
        await db.SaveChangesAsync(CancellationToken.None);
        foreach (var rendition in renditions)
        {
            await storage.DeleteAsync(rendition.Key, CancellationToken.None);
        }

        await SetStateAsync(job, Library.ProcessingState.Failed, reason.Length > 2000 ? reason[..2000] : reason);
    }

    private async Task SetStateAsync(ProcessingJob job, Library.ProcessingState state, string? error)
    {
        await using var scope = scopes.CreateAsyncScope();
        var stateDb = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var percent = state == Library.ProcessingState.Ready ? 100 : 0;
        string? step = state == Library.ProcessingState.Pending ? error : null;
        await Current(stateDb, job).ExecuteUpdateAsync(set => set
            .SetProperty(a => a.Processing, state)
            .SetProperty(a => a.ProcessingPercent, percent)
            .SetProperty(a => a.ProcessingStep, step)
            .SetProperty(a => a.ProcessingError, state == Library.ProcessingState.Failed ? error : null)
            .SetProperty(a => a.ProcessingLeaseUntil, (DateTime?)null), CancellationToken.None);

        // Readers' caches (rendered Markdown, API responses) must see the new renditions: bump the content generation.
        await scope.ServiceProvider.GetRequiredService<Platform.Caching.ContentGeneration>().BumpAsync(stateDb, CancellationToken.None);
    }

    private static IQueryable<Asset> Current(AppDbContext context, ProcessingJob job) =>
        context.Assets.Where(a => a.Id == job.Asset.Id && a.RenditionVersion == job.Version);
}

/// <summary>The facts shown for an asset, as display strings. GPS is kept here for the owner and never put in renditions.</summary>
public static class AssetFacts
{
    public static Dictionary<string, string> From(ImageHeader header, EmbeddedMetadata metadata)
    {
        var facts = new Dictionary<string, string> { ["format"] = header.Format };
        Add(facts, "camera", string.Join(' ', new[] { metadata.CameraMake, metadata.CameraModel }.Where(p => !string.IsNullOrWhiteSpace(p))));
        Add(facts, "capturedAt", metadata.CapturedAt is { } at ? at.ToString(at.Kind == DateTimeKind.Utc ? "yyyy-MM-dd HH:mm 'UTC'" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : null);
        Add(facts, "gps", metadata.Position is { } gps ? string.Create(CultureInfo.InvariantCulture, $"{gps.Latitude:0.######},{gps.Longitude:0.######}") : null);
        Add(facts, "embeddedCreator", metadata.Creator);
        Add(facts, "embeddedCopyright", metadata.Copyright);
        return facts;
    }

    public static Dictionary<string, string> From(VideoProbe probe)
    {
        var facts = new Dictionary<string, string>
        {
            ["container"] = probe.Container,
            ["videoCodec"] = probe.VideoCodec,
            ["frameRate"] = probe.FrameRate.ToString("0.##", CultureInfo.InvariantCulture),
            ["rotation"] = probe.Rotation.ToString(CultureInfo.InvariantCulture),
            ["bitRate"] = probe.BitRate.ToString(CultureInfo.InvariantCulture),
        };
        Add(facts, "audioCodec", probe.AudioCodec);
        return facts;
    }

    /// <summary>Fills empty credits, texts and tags from embedded metadata. True when something was filled.</summary>
    public static bool FillFrom(Asset asset, EmbeddedMetadata metadata)
    {
        var filled = false;
        if (asset.Creator is null && metadata.Creator is { } creator)
        {
            (asset.Creator, filled) = (Trim(creator, 200), true);
        }

        if (asset.Copyright is null && metadata.Copyright is { } copyright)
        {
            (asset.Copyright, filled) = (Trim(copyright, 300), true);
        }

        if (asset.CreditLine is null && metadata.CreditLine is { } credit)
        {
            (asset.CreditLine, filled) = (Trim(credit, 300), true);
        }

        if (asset.Texts.Count == 0 && (metadata.Title ?? metadata.Caption) is not null)
        {
            // Embedded texts carry no language tag; CJK text is taken as the source language, anything else as English.
            var sample = metadata.Title ?? metadata.Caption!;
            var culture = sample.Any(c => c is >= '\u3400' and <= '\u9fff') ? "zh-CN" : "en";
            asset.Texts = new() { [culture] = new AssetText(Trim(metadata.Title, AssetEdits.MaxTitle), Trim(metadata.Caption, AssetEdits.MaxCaption), null) };
            filled = true;
        }

        if (asset.Tags.Count == 0 && metadata.Keywords.Count > 0)
        {
            asset.Tags.AddRange(metadata.Keywords.Select(k => Trim(k.ToLowerInvariant(), 60)!).Distinct().Take(AssetEdits.MaxTags)
                .Select(k => new AssetTag { AssetId = asset.Id, Tag = k }));
            filled = true;
        }

        return filled;
    }

    private static string? Trim(string? value, int max) => value is null ? null : value.Length > max ? value[..max] : value;

    private static void Add(Dictionary<string, string> facts, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            facts[key] = value;
        }
    }
}
