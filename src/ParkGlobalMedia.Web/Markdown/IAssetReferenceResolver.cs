namespace ParkGlobalMedia.Markdown;

/// <summary>
/// Resolves <c>asset:{id}</c> references found in Markdown at render time. The asset bank implements it; the renderer
/// only knows ids, so stories never store URLs that go stale when an asset moves or gets a new rendition.
/// </summary>
public interface IAssetReferenceResolver
{
    /// <summary>Returns the asset as it should appear for <paramref name="culture"/>, or null when it does not exist.</summary>
    ValueTask<ResolvedAsset?> ResolveAsync(string assetId, string culture, CancellationToken cancellationToken);
}

/// <summary>
/// What the renderer needs to show an asset. <see cref="AltText"/> is used only when the Markdown gives none.
/// <see cref="Srcset"/> offers other widths of the same picture (and may use a newer format than <see cref="Url"/>,
/// which stays the fallback for clients that ignore srcset).
/// </summary>
public sealed record ResolvedAsset(string Url, string? AltText, int? Width, int? Height, string? CreditLine, string? Srcset = null);

/// <summary>Resolves nothing, so every reference renders as missing. For hosts without an asset bank.</summary>
public sealed class NullAssetReferenceResolver : IAssetReferenceResolver
{
    public ValueTask<ResolvedAsset?> ResolveAsync(string assetId, string culture, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ResolvedAsset?>(null);
}
