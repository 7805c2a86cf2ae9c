using ParkGlobalMedia.Assets.Imaging.Vips;

namespace ParkGlobalMedia.Benchmarks;

/// <summary>
/// The rendition benchmark's inputs: large JPEGs made here with libvips (the engine's own GObject wrapper, no CLI
/// temp files). A diagonal colour gradient plus blurred per-band noise compresses like a grainy photo (several MB at
/// Q85), which flat colour would not: decoding cost follows the entropy-coded data. Kept between runs by name.
/// </summary>
internal static class PhotoSet
{
    public static IReadOnlyList<string> Ensure(string folder, int count, int width, int height)
    {
        Directory.CreateDirectory(folder);
        var photos = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var path = Path.Combine(folder, $"photo-{width}x{height}-{i}.jpg");
            if (!File.Exists(path))
            {
                Make(path + ".tmp", width, height, seed: i);
                File.Move(path + ".tmp", path);
            }

            photos.Add(path);
        }

        return photos;
    }

    private static void Make(string path, int width, int height, int seed)
    {
        // Grain: a 1000 × 1000 tile of blurred noise, independent per channel (one field three times as wide, folded
        // into three bands), repeated over the frame. JPEG codes each 8 × 8 block on its own, so a repeated tile costs
        // the decoder what fresh noise would, and it is 24 times cheaper to make than noise over 24 MP.
        const int tile = 1000;
        using var noise = Run(VipsOperation.Create("gaussnoise").Set("width", tile * 3).Set("height", tile)
            .Set("mean", 0.0).Set("sigma", 30.0).Set("seed", seed));
        using var bands = Run(VipsOperation.Create("bandfold").Set("in", noise).Set("factor", 3));
        using var blurred = Run(VipsOperation.Create("gaussblur").Set("in", bands).Set("sigma", 0.8));
        using var grain = Run(VipsOperation.Create("replicate").Set("in", blurred).Set("across", (width + tile - 1) / tile).Set("down", (height + tile - 1) / tile));
        using var frame = Run(VipsOperation.Create("extract_area").Set("input", grain).Set("left", 0).Set("top", 0).Set("width", width).Set("height", height));

        // Light: a horizontal colour gradient, shifted per photo.
        using var xyz = Run(VipsOperation.Create("xyz").Set("width", width).Set("height", height));
        using var x = Run(VipsOperation.Create("extract_band").Set("in", xyz).Set("band", 0));
        var shift = seed * 10.0;
        using var light = Run(VipsOperation.Create("linear").Set("in", x)
            .Set("a", new[] { 140.0 / width, 100.0 / width, 60.0 / width }).Set("b", new[] { 50.0 + shift, 70.0, 110.0 - shift }));
        using var photo = Run(VipsOperation.Create("add").Set("left", light).Set("right", frame));

        // An explicit cast: the saver's own conversion of a float "multiband" image clips it all to white.
        using var pixels = Run(VipsOperation.Create("cast").Set("in", photo).SetEnum("format", VipsNative.g_type_from_name("VipsBandFormat"), 0));
        using var srgb = Run(VipsOperation.Create("copy").Set("in", pixels)
            .SetEnum("interpretation", VipsNative.vips_interpretation_get_type(), 22)); // VIPS_INTERPRETATION_sRGB
        using var save = VipsOperation.Create("jpegsave").Set("in", srgb).Set("filename", path).Set("Q", 85).Set("strip", true);
        save.Build();
    }

    private static VipsImage Run(VipsOperation operation)
    {
        using (operation)
        {
            return operation.Build().GetImage("out");
        }
    }
}
