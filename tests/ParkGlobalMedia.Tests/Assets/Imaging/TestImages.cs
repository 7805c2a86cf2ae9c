using System.Diagnostics;
using System.Text;

namespace ParkGlobalMedia.Tests.Assets.Imaging;

/// <summary>
/// Inputs made on the spot with the <c>vips</c> CLI (a different code path from the engine under test), plus what the
/// CLI cannot write: a hand-written PDF and JPEG metadata segments. Everything lives in one temp folder per instance.
/// </summary>
public sealed class TestImages : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("pgm-imaging-").FullName;

    public string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>Runs <c>vips</c>; "{dir}" in an argument is the folder.</summary>
    public void Vips(params string[] arguments) => Run("vips", arguments.Select(a => a.Replace("{dir}", Folder, StringComparison.Ordinal)));

    /// <summary>A mid-grey width × height sRGB image with a red square (x, y, size), saved as name (format by extension).</summary>
    public string WithMarker(string name, int width, int height, int x, int y, int size, string options = "")
    {
        var grey = PathOf($"{name}.grey.v");
        Vips("black", PathOf($"{name}.black.v"), $"{width}", $"{height}", "--bands", "3");
        Vips("linear", PathOf($"{name}.black.v"), grey, "1", "128");
        Vips("draw_rect", grey, "255 0 0", $"{x}", $"{y}", $"{size}", $"{size}", "--fill");
        Vips("cast", grey, PathOf($"{name}.u8.v"), "uchar");
        Vips("copy", PathOf($"{name}.u8.v"), PathOf(name) + options);
        return PathOf(name);
    }

    /// <summary>Noise, so it compresses like a photo and a truncated copy really lacks image data.</summary>
    public string Noise(string name, int width, int height)
    {
        Vips("gaussnoise", PathOf($"{name}.n.v"), $"{width}", $"{height}", "--mean", "128", "--sigma", "40");
        Vips("cast", PathOf($"{name}.n.v"), PathOf($"{name}.c.v"), "uchar");
        Vips("bandjoin", $"{PathOf($"{name}.c.v")} {PathOf($"{name}.c.v")} {PathOf($"{name}.c.v")}", PathOf($"{name}.3.v"));
        Vips("copy", PathOf($"{name}.3.v"), PathOf(name));
        return PathOf(name);
    }

    /// <summary>A PDF written by hand: pages of 144 × 72 pt, each a red rectangle on the left half.</summary>
    public string Pdf(string name, int pages)
    {
        var objects = new List<string> { "<< /Type /Catalog /Pages 2 0 R >>" };
        var kids = string.Join(' ', Enumerable.Range(0, pages).Select(p => $"{3 + 2 * p} 0 R"));
        objects.Add($"<< /Type /Pages /Kids [{kids}] /Count {pages} >>");
        const string content = "1 0 0 rg 0 0 72 72 re f";
        for (var p = 0; p < pages; p++)
        {
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 144 72] /Contents {4 + 2 * p} 0 R >>");
            objects.Add($"<< /Length {content.Length} >>\nstream\n{content}\nendstream");
        }

        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        offsets.ForEach(o => pdf.Append($"{o:D10} 00000 n \n"));
        pdf.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        File.WriteAllText(PathOf(name), pdf.ToString(), Encoding.ASCII);
        return PathOf(name);
    }

    /// <summary>The JPEG at source with extra segments inserted right after its SOI marker.</summary>
    public string InsertSegments(string source, string name, params byte[][] segments)
    {
        var jpeg = File.ReadAllBytes(source);
        using var output = File.Create(PathOf(name));
        output.Write(jpeg.AsSpan(0, 2));
        foreach (var segment in segments)
        {
            output.Write(segment);
        }

        output.Write(jpeg.AsSpan(2));
        return PathOf(name);
    }

    /// <summary>Decodes with the CLI into 8-bit RGB.</summary>
    public Rgb Decode(string path)
    {
        var ppm = PathOf($"decoded-{Guid.NewGuid():N}.ppm");
        Vips("copy", path, ppm);
        return Rgb.FromPpm(File.ReadAllBytes(ppm));
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private static void Run(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', start.ArgumentList)} failed: {stderr.Result}");
        }
    }
}

/// <summary>Decoded pixels, enough to find a coloured marker.</summary>
public sealed record Rgb(int Width, int Height, byte[] Pixels)
{
    public (byte R, byte G, byte B) this[int x, int y] => (Pixels[(y * Width + x) * 3], Pixels[(y * Width + x) * 3 + 1], Pixels[(y * Width + x) * 3 + 2]);

    /// <summary>Pixels that are clearly red (JPEG blurs the edges, so the bounds are loose).</summary>
    public int RedPixels() => Enumerable.Range(0, Width * Height).Count(i => Pixels[i * 3] > 180 && Pixels[i * 3 + 1] < 90 && Pixels[i * 3 + 2] < 90);

    public static Rgb FromPpm(byte[] ppm)
    {
        // "P6", width, height, maxval, separated by whitespace (with optional # comments), then one whitespace byte.
        var fields = new List<string>();
        var i = 0;
        while (fields.Count < 4)
        {
            if (ppm[i] == '#')
            {
                while (ppm[i] != '\n') i++;
            }
            else if (!char.IsWhiteSpace((char)ppm[i]))
            {
                var start = i;
                while (!char.IsWhiteSpace((char)ppm[i])) i++;
                fields.Add(Encoding.ASCII.GetString(ppm, start, i - start));
                continue;
            }

            i++;
        }

        Assert.Equal("P6", fields[0]);
        var (width, height) = (int.Parse(fields[1]), int.Parse(fields[2]));
        return new Rgb(width, height, ppm.AsSpan(i + 1, width * height * 3).ToArray());
    }
}
