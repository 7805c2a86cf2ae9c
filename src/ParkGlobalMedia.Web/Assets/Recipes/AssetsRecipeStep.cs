using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParkGlobalMedia.Assets.Library;
using ParkGlobalMedia.Assets.Uploads;
using ParkGlobalMedia.Identity;
using ParkGlobalMedia.Recipes;

namespace ParkGlobalMedia.Assets.Recipes;

/// <summary>
/// {"step":"assets","from":"content/assets/assets.json"}: imports files into the asset bank through the same upload
/// path as the API (type by magic bytes, limits, SHA-256), under the fixed ids stories refer to, with their texts,
/// tags, rights, focal point and shared-bank state. An asset whose id exists already is skipped. Processing
/// (renditions) happens afterwards in the background, as for any upload.
/// </summary>
public sealed class AssetsRecipeStep(AssetService assets, IOptions<UploadLimits> limits) : IRecipeStep
{
    private sealed record Manifest(List<ManifestAsset>? Assets);

    private sealed record FocalPointEntry(double X, double Y);

    private sealed record ManifestAsset(
        Guid Id,
        string? File,
        string? Owner,
        Dictionary<string, string>? Title,
        Dictionary<string, string>? Caption,
        Dictionary<string, string>? Alt,
        List<string>? Tags,
        string? Campaign,
        List<string>? Collections,
        AssetRightsInput? Rights,
        FocalPointEntry? FocalPoint,
        string? Shared,
        double? PosterSecond);

    public string Name => "assets";

    public async Task ApplyAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var path = context.ResolvePath(step.GetProperty("from").GetString()!);
        if (!File.Exists(path))
        {
            throw new RecipeStepException($"manifest {path} does not exist.");
        }

        Manifest manifest;
        using (var document = JsonDocument.Parse(await File.ReadAllTextAsync(path, cancellationToken)))
        {
            manifest = RecipeContext.Read<Manifest>(document.RootElement, Path.GetFileName(path));
        }

        foreach (var entry in manifest.Assets ?? [])
        {
            if (!await context.Db.Assets.AnyAsync(a => a.Id == entry.Id, cancellationToken))
            {
                await ImportAsync(entry, Path.GetDirectoryName(path)!, context, cancellationToken);
            }
        }
    }

    private async Task ImportAsync(ManifestAsset entry, string folder, RecipeContext context, CancellationToken cancellationToken)
    {
        var where = entry.File ?? entry.Id.ToString();
        var file = Path.GetFullPath(Path.Combine(folder, entry.File ?? throw new RecipeStepException($"asset {entry.Id}: file is missing.")));
        if (!File.Exists(file))
        {
            throw new RecipeStepException($"{where}: the file does not exist.");
        }

        var caller = CallerContext.System;
        UploadedAsset uploaded;
        await using (var stream = File.OpenRead(file))
        await using (var spooled = await UploadSpooler.ReceiveAsync(stream, limits.Value, Path.Combine(Path.GetTempPath(), "pgm-uploads"), cancellationToken))
        {
            uploaded = Check(await assets.CreateAsync(caller, entry.Owner, spooled, Path.GetFileName(file), entry.Id, cancellationToken), where);
        }

        var cultures = new[] { entry.Title, entry.Caption, entry.Alt }.SelectMany(texts => texts?.Keys ?? Enumerable.Empty<string>()).Distinct(StringComparer.Ordinal);
        var texts = cultures.ToDictionary(c => c, c => (AssetText?)new AssetText(entry.Title?.GetValueOrDefault(c), entry.Caption?.GetValueOrDefault(c), entry.Alt?.GetValueOrDefault(c)));
        Check(await assets.UpdateAsync(caller, uploaded.Asset.Id, new AssetUpdateRequest(
            texts, entry.Tags, entry.Collections, entry.Campaign, entry.Rights,
            entry.FocalPoint is { } focus ? new FocalPointInput(focus.X, focus.Y) : null, entry.PosterSecond), "*", cancellationToken), where);

        // The demo's shared bank is curated already: the recipe records the centre's decision rather than replaying it.
        var sharing = entry.Shared switch
        {
            "approved" => SharingState.Approved,
            "submitted" => SharingState.Submitted,
            null or "none" => (SharingState?)null,
            _ => throw new RecipeStepException($"{where}: shared must be approved, submitted or none."),
        };
        if (sharing is { } state)
        {
            var asset = await context.Db.Assets.FirstAsync(a => a.Id == uploaded.Asset.Id, cancellationToken);
            asset.Sharing = state;
            asset.SharingComment = "demo content";
            context.Db.AssetEvents.Add(new AssetEvent { AssetId = asset.Id, Action = state == SharingState.Approved ? "approved" : "submitted", Comment = "demo content", ActorName = caller.Name, At = asset.CreatedAt });
            await context.Db.SaveChangesAsync(cancellationToken);
        }
    }

    private static T Check<T>(ParkGlobalMedia.Platform.Outcome<T> outcome, string where) =>
        outcome.Succeeded ? outcome.Value! : throw new RecipeStepException($"{where}: {outcome.Failure!.Detail}");
}
