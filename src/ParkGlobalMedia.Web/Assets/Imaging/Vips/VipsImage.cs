using System.Runtime.InteropServices;
using static ParkGlobalMedia.Assets.Imaging.Vips.VipsNative;

namespace ParkGlobalMedia.Assets.Imaging.Vips;

/// <summary>
/// One reference to a VipsImage. Images are lazy pipelines: each holds references to what it is computed from, so
/// disposing an upstream image early is safe. The SafeHandle's critical finalizer drops a reference a caller forgot.
/// </summary>
internal sealed class VipsImage : SafeHandle
{
    public VipsImage() : base(0, ownsHandle: true)
    {
    }

    internal VipsImage(nint pointer) : this() => SetHandle(pointer);

    public override bool IsInvalid => handle == 0;

    public nint Pointer => IsInvalid || IsClosed ? throw new ObjectDisposedException(nameof(VipsImage)) : handle;

    public int Width => vips_image_get_width(Pointer);

    public int Height => vips_image_get_height(Pointer);

    public int Pages => vips_image_get_n_pages(Pointer);

    public bool HasAlpha => vips_image_hasalpha(Pointer) != 0;

    /// <summary>EXIF orientation 5–8: the upright image has width and height swapped.</summary>
    public bool OrientationSwapsAxes => vips_image_get_orientation_swap(Pointer) != 0;

    /// <summary>Every metadata field name (EXIF, XMP, IPTC, ICC, loader fields …) and the core header names.</summary>
    public IReadOnlyList<string> FieldNames()
    {
        var names = new List<string>();
        var array = vips_image_get_fields(Pointer);
        try
        {
            for (var i = 0; Marshal.ReadIntPtr(array, i * nint.Size) is var item && item != 0; i++)
            {
                names.Add(Marshal.PtrToStringUTF8(item)!);
            }
        }
        finally
        {
            g_strfreev(array);
        }

        return names;
    }

    /// <summary>Only on an image nobody else holds (a fresh copy): libvips metadata is not locked.</summary>
    public void RemoveField(string name) => vips_image_remove(Pointer, name);

    public void SetString(string name, string value) => vips_image_set_string(Pointer, name, value);

    protected override bool ReleaseHandle()
    {
        g_object_unref(handle);
        return true;
    }
}
