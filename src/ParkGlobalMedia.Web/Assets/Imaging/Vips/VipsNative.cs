using System.Runtime.InteropServices;

namespace ParkGlobalMedia.Assets.Imaging.Vips;

/// <summary>A GValue as laid out by GLib: the type, then two 64-bit data words. Zeroed before g_value_init.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct GValue
{
    public nint Type;
    public long Data0;
    public long Data1;
}

/// <summary>
/// The libvips, GObject and GLib functions the engine calls. Only fixed-argument functions: libvips' convenience
/// calls (vips_thumbnail(…, NULL), vips_jpegsave_buffer(…)) are C varargs, and passing doubles through varargs from
/// P/Invoke is undefined on x64 SysV, so every operation goes through vips_operation_new + GValue properties.
/// </summary>
internal static partial class VipsNative
{
    private const string Vips = "libvips.so.42";
    private const string GObject = "libgobject-2.0.so.0";
    private const string GLib = "libglib-2.0.so.0";

    // Fundamental GTypes are fixed numbers in GLib's ABI (G_TYPE_MAKE_FUNDAMENTAL(n) = n << 2).
    public const nint GTypeBoolean = 5 << 2;
    public const nint GTypeInt = 6 << 2;
    public const nint GTypeDouble = 15 << 2;
    public const nint GTypeString = 16 << 2;

    [LibraryImport(Vips, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int vips_init(string argv0);

    [LibraryImport(Vips)]
    public static partial int vips_version(int flag);

    [LibraryImport(Vips)]
    public static partial void vips_concurrency_set(int concurrency);

    [LibraryImport(Vips)]
    public static partial void vips_cache_set_max(int max);

    [LibraryImport(Vips)]
    public static partial void vips_cache_set_max_mem(nuint maxMemory);

    [LibraryImport(Vips)]
    public static partial void vips_cache_set_max_files(int maxFiles);

    [LibraryImport(Vips, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void vips_operation_block_set(string name, [MarshalAs(UnmanagedType.Bool)] bool state);

    /// <summary>Returns a copy of the error buffer (free with g_free) and clears it, under libvips' own lock.</summary>
    [LibraryImport(Vips)]
    public static partial nint vips_error_buffer_copy();

    [LibraryImport(Vips, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint vips_foreign_find_load(string filename);

    [LibraryImport(Vips)]
    public static partial nint vips_nickname_find(nint type);

    [LibraryImport(GObject, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint g_type_from_name(string name);

    [LibraryImport(Vips, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint vips_operation_new(string name);

    [LibraryImport(Vips)]
    public static partial nint vips_cache_operation_build(nint operation);

    [LibraryImport(Vips)]
    public static partial void vips_object_unref_outputs(nint obj);

    [LibraryImport(Vips, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint vips_source_new_from_file(string filename);

    [LibraryImport(Vips)]
    public static partial int vips_image_get_width(nint image);

    [LibraryImport(Vips)]
    public static partial int vips_image_get_height(nint image);

    [LibraryImport(Vips)]
    public static partial int vips_image_get_n_pages(nint image);

    [LibraryImport(Vips)]
    public static partial int vips_image_get_orientation_swap(nint image);

    [LibraryImport(Vips)]
    public static partial int vips_image_hasalpha(nint image);

    [LibraryImport(Vips)]
    public static partial nint vips_image_get_fields(nint image);

    [LibraryImport(Vips, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int vips_image_remove(nint image, string name);

    [LibraryImport(Vips, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void vips_image_set_string(nint image, string name, string value);

    [LibraryImport(Vips)]
    public static partial nint vips_blob_get(nint blob, out nuint length);

    [LibraryImport(Vips)]
    public static partial nint vips_array_double_new([In] double[] values, int count);

    [LibraryImport(Vips)]
    public static partial void vips_area_unref(nint area);

    [LibraryImport(Vips)]
    public static partial nint vips_image_get_type();

    [LibraryImport(Vips)]
    public static partial nint vips_blob_get_type();

    [LibraryImport(Vips)]
    public static partial nint vips_array_double_get_type();

    [LibraryImport(Vips)]
    public static partial nint vips_size_get_type();

    [LibraryImport(Vips)]
    public static partial nint vips_fail_on_get_type();

    [LibraryImport(Vips)]
    public static partial nint vips_interpretation_get_type();

    [LibraryImport(Vips)]
    public static partial nint vips_extend_get_type();

    [LibraryImport(Vips)]
    public static partial nint vips_foreign_heif_compression_get_type();

    [LibraryImport(GObject)]
    public static partial void g_object_unref(nint obj);

    [LibraryImport(GObject, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint g_object_class_find_property(nint objectClass, string name);

    [LibraryImport(GObject, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void g_object_set_property(nint obj, string name, ref GValue value);

    [LibraryImport(GObject, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void g_object_get_property(nint obj, string name, ref GValue value);

    [LibraryImport(GObject)]
    public static partial nint g_value_init(ref GValue value, nint type);

    [LibraryImport(GObject)]
    public static partial void g_value_unset(ref GValue value);

    [LibraryImport(GObject)]
    public static partial void g_value_set_int(ref GValue value, int v);

    [LibraryImport(GObject)]
    public static partial void g_value_set_boolean(ref GValue value, int v);

    [LibraryImport(GObject)]
    public static partial void g_value_set_double(ref GValue value, double v);

    [LibraryImport(GObject, StringMarshalling = StringMarshalling.Utf8)]
    public static partial void g_value_set_string(ref GValue value, string v);

    [LibraryImport(GObject)]
    public static partial void g_value_set_enum(ref GValue value, int v);

    [LibraryImport(GObject)]
    public static partial void g_value_set_object(ref GValue value, nint v);

    [LibraryImport(GObject)]
    public static partial void g_value_set_boxed(ref GValue value, nint v);

    [LibraryImport(GObject)]
    public static partial nint g_value_dup_object(ref GValue value);

    [LibraryImport(GObject)]
    public static partial nint g_value_get_boxed(ref GValue value);

    [LibraryImport(GLib)]
    public static partial void g_free(nint memory);

    [LibraryImport(GLib)]
    public static partial void g_strfreev(nint strings);
}
