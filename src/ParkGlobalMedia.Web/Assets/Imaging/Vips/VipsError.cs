using System.Runtime.InteropServices;

namespace ParkGlobalMedia.Assets.Imaging.Vips;

/// <summary>A libvips operation failed; <see cref="Exception.Message"/> is libvips' error text.</summary>
internal sealed class VipsException(string operation, string detail) : Exception(detail.Length > 0 ? detail : $"{operation} failed (libvips gave no detail)")
{
    public string Operation { get; } = operation;
}

internal static class VipsError
{
    /// <summary>
    /// Takes libvips' error text and clears it in one step. The buffer is process-wide, so under concurrency it may
    /// also hold another thread's message: callers use it as a description, never to decide control flow alone.
    /// </summary>
    public static string Take()
    {
        var copy = VipsNative.vips_error_buffer_copy();
        if (copy == 0)
        {
            return "";
        }

        try
        {
            return (Marshal.PtrToStringUTF8(copy) ?? "").Trim();
        }
        finally
        {
            VipsNative.g_free(copy);
        }
    }
}
