using System.Runtime.InteropServices;
using static ParkGlobalMedia.Assets.Imaging.Vips.VipsNative;

namespace ParkGlobalMedia.Assets.Imaging.Vips;

/// <summary>
/// One libvips operation called through the GObject API: vips_operation_new, arguments as GValues, built through
/// vips_cache_operation_build, outputs read back with g_object_get_property. Dispose releases the outputs the
/// operation holds and the operation itself, built or not.
/// </summary>
internal sealed class VipsOperation : IDisposable
{
    private readonly string _name;
    private nint _operation;

    private VipsOperation(string name, nint operation)
    {
        _name = name;
        _operation = operation;
    }

    /// <summary>An operation by nickname ("thumbnail_source") or type name ("VipsForeignLoadJpegFile").</summary>
    public static VipsOperation Create(string name)
    {
        var operation = vips_operation_new(name);
        return operation != 0 ? new VipsOperation(name, operation) : throw new VipsException(name, VipsError.Take());
    }

    public VipsOperation Set(string name, int value)
    {
        var v = Init(name, GTypeInt);
        g_value_set_int(ref v, value);
        return Apply(name, ref v);
    }

    public VipsOperation Set(string name, bool value)
    {
        var v = Init(name, GTypeBoolean);
        g_value_set_boolean(ref v, value ? 1 : 0);
        return Apply(name, ref v);
    }

    public VipsOperation Set(string name, double value)
    {
        var v = Init(name, GTypeDouble);
        g_value_set_double(ref v, value);
        return Apply(name, ref v);
    }

    public VipsOperation Set(string name, string value)
    {
        var v = Init(name, GTypeString);
        g_value_set_string(ref v, value);
        return Apply(name, ref v);
    }

    public VipsOperation Set(string name, VipsImage image) => SetObject(name, image.Pointer);

    /// <summary>Any GObject argument (a VipsSource, …); the operation takes its own reference.</summary>
    public VipsOperation SetObject(string name, nint gobject)
    {
        // G_TYPE_FROM_INSTANCE: an instance starts with its class pointer, a class starts with its GType.
        var v = Init(name, Marshal.ReadIntPtr(Marshal.ReadIntPtr(gobject)));
        g_value_set_object(ref v, gobject);
        return Apply(name, ref v);
    }

    public VipsOperation SetEnum(string name, nint enumType, int value)
    {
        var v = Init(name, enumType);
        g_value_set_enum(ref v, value);
        return Apply(name, ref v);
    }

    public VipsOperation Set(string name, double[] values)
    {
        var array = vips_array_double_new(values, values.Length);
        try
        {
            var v = Init(name, vips_array_double_get_type());
            g_value_set_boxed(ref v, array); // the GValue takes its own reference to the area
            return Apply(name, ref v);
        }
        finally
        {
            vips_area_unref(array);
        }
    }

    /// <summary>Runs the operation; a failure carries libvips' error text.</summary>
    public VipsOperation Build()
    {
        var built = vips_cache_operation_build(_operation);
        if (built == 0)
        {
            throw new VipsException(_name, VipsError.Take());
        }

        // The cache hands back its own reference (the same object when it missed): ours to the original goes.
        g_object_unref(_operation);
        _operation = built;
        return this;
    }

    public VipsImage GetImage(string name)
    {
        var v = new GValue();
        g_value_init(ref v, vips_image_get_type());
        g_object_get_property(_operation, name, ref v);
        var image = new VipsImage(g_value_dup_object(ref v));
        g_value_unset(ref v);
        return image;
    }

    /// <summary>A VipsBlob output (a saver's "buffer"), copied into managed memory before libvips frees it.</summary>
    public byte[] GetBlob(string name)
    {
        var v = new GValue();
        g_value_init(ref v, vips_blob_get_type());
        g_object_get_property(_operation, name, ref v);
        try
        {
            var data = vips_blob_get(g_value_get_boxed(ref v), out var length);
            var bytes = new byte[checked((int)length)];
            Marshal.Copy(data, bytes, 0, bytes.Length);
            return bytes;
        }
        finally
        {
            g_value_unset(ref v);
        }
    }

    public void Dispose()
    {
        if (_operation != 0)
        {
            vips_object_unref_outputs(_operation);
            g_object_unref(_operation);
            _operation = 0;
        }
    }

    private GValue Init(string name, nint type)
    {
        // g_object_set_property only warns on stderr about an unknown argument; a typo must fail loudly instead.
        if (g_object_class_find_property(Marshal.ReadIntPtr(_operation), name) == 0)
        {
            throw new InvalidOperationException($"libvips {_name} has no argument '{name}' (libvips {LibVips.Version})");
        }

        var v = new GValue();
        g_value_init(ref v, type);
        return v;
    }

    private VipsOperation Apply(string name, ref GValue v)
    {
        g_object_set_property(_operation, name, ref v);
        g_value_unset(ref v);
        return this;
    }
}
