using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ParkGlobalMedia.Assets.Imaging;

namespace ParkGlobalMedia.Tests.Assets.Imaging;

public sealed class ImagingRegistrationTests
{
    [Fact]
    public void AddImaging_registers_one_processor_configured_from_the_imaging_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Imaging:MaxPixels"] = "50000000",
            ["Imaging:PdfDpi"] = "300",
        }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddImaging().BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<ImagingOptions>>().Value;

        Assert.Equal((50_000_000L, 300), (options.MaxPixels, options.PdfDpi));
        Assert.Same(services.GetRequiredService<IImageProcessor>(), services.GetRequiredService<IImageProcessor>());
        Assert.IsType<VipsImageProcessor>(services.GetRequiredService<IImageProcessor>());
    }

    [Fact]
    public void Invalid_imaging_options_are_refused()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Imaging:Concurrency"] = "0" }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddImaging().BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ImagingOptions>>().Value);
    }

    [Fact]
    public void Libvips_is_found_here()
    {
        Assert.Null(LibVips.Problem);
        Assert.StartsWith("8.", LibVips.Version);
    }

    [Fact]
    public void Starting_libvips_loads_the_heif_and_pdf_modules_but_not_the_one_that_brings_a_second_sqlite()
    {
        var processor = new VipsImageProcessor(Options.Create(new ImagingOptions()));
        _ = processor.SupportsAvif; // starts libvips

        var maps = File.ReadAllText("/proc/self/maps");
        Assert.Contains("vips-heif.so", maps, StringComparison.Ordinal);
        Assert.Contains("vips-poppler.so", maps, StringComparison.Ordinal);
        Assert.DoesNotContain("vips-openslide.so", maps, StringComparison.Ordinal);
        Assert.DoesNotContain("libsqlite3.so", maps, StringComparison.Ordinal);
    }
}
