using System.Globalization;
using System.Text.RegularExpressions;
using ParkGlobalMedia.Assets.Imaging;
using ParkGlobalMedia.Assets.Library;

namespace ParkGlobalMedia.Assets.Delivery;

/// <summary>A size asked for through a signed on-demand URL.</summary>
public sealed record CustomSize(int Width, int Height, ImageFit Fit, ImageFormat Format, string Extension)
{
    public const int MaxSide = 4096;
    public const int MinSide = 16;

    public string Name => string.Create(CultureInfo.InvariantCulture, $"{Width}x{Height}-{Fit.ToString().ToLowerInvariant()}.{Extension}");

    public string ContentType => Format switch
    {
        ImageFormat.WebP => "image/webp",
        ImageFormat.Avif => "image/avif",
        _ => "image/jpeg",
    };
}

/// <summary>
/// The URL contract of asset bytes. Renditions live at <c>/media/{id}/{version}/{name}</c>: the version changes whenever
/// the renditions do (a new focal point), so each URL's bytes never change and can be cached for a year.
/// </summary>
public static partial class MediaUrls
{
    public static string Rendition(AssetRendition rendition) => $"/media/{rendition.AssetId:N}/{rendition.Version}/{rendition.Name}";

    public static string Original(Asset asset) => $"/media/{asset.Id:N}/original";

    public static string Package(Asset asset) => $"/h5/{asset.Id:N}/";

    /// <summary>The path a custom size is signed over: without the version, so the signature survives a re-render.</summary>
    public static string CustomSignedPath(Guid assetId, CustomSize size) => $"{assetId:N}/custom/{size.Name}";

    public static string Custom(Guid assetId, int version, CustomSize size, string signature) =>
        $"/media/{assetId:N}/{version}/custom/{size.Name}?s={signature}";

    /// <summary>A <c>srcset</c> of the web sizes in one format ("… 320w, … 640w").</summary>
    public static string? Srcset(IEnumerable<AssetRendition> renditions, string extension)
    {
        var sizes = renditions
            .Where(r => r.Name.StartsWith('w') && r.Name.EndsWith($".{extension}", StringComparison.Ordinal))
            .OrderBy(r => r.Width)
            .Select(r => $"{Rendition(r)} {r.Width.ToString(CultureInfo.InvariantCulture)}w")
            .ToList();
        return sizes.Count == 0 ? null : string.Join(", ", sizes);
    }

    [GeneratedRegex("^(?<w>[0-9]{1,4})x(?<h>[0-9]{1,4})-(?<fit>cover|inside)\\.(?<ext>jpg|webp|avif)$")]
    private static partial Regex CustomName();

    /// <summary>Parses "800x600-cover.webp"; null when the name is not a valid size within the limits.</summary>
    public static CustomSize? ParseCustom(string name)
    {
        var match = CustomName().Match(name);
        if (!match.Success)
        {
            return null;
        }

        var width = int.Parse(match.Groups["w"].Value, CultureInfo.InvariantCulture);
        var height = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var fit = match.Groups["fit"].Value == "cover" ? ImageFit.Cover : ImageFit.Inside;
        var extension = match.Groups["ext"].Value;
        var format = extension switch { "webp" => ImageFormat.WebP, "avif" => ImageFormat.Avif, _ => ImageFormat.Jpeg };
        var valid = width is >= CustomSize.MinSide and <= CustomSize.MaxSide &&
                    (height is >= CustomSize.MinSide and <= CustomSize.MaxSide || (height == 0 && fit == ImageFit.Inside));
        return valid ? new CustomSize(width, height, fit, format, extension) : null;
    }
}
