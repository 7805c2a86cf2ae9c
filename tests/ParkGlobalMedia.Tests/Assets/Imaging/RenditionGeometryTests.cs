using ParkGlobalMedia.Assets.Imaging;

namespace ParkGlobalMedia.Tests.Assets.Imaging;

/// <summary>The arithmetic of cover crops, without libvips.</summary>
public sealed class RenditionGeometryTests
{
    [Theory]
    [InlineData(6000, 4000, 1200, 630, 1200, 800)]
    [InlineData(4000, 6000, 1200, 630, 1200, 1800)]
    [InlineData(3001, 1999, 400, 401, 603, 401)]
    [InlineData(100, 50, 400, 400, 800, 400)] // a small source is enlarged to cover
    public void The_cover_box_is_the_source_scaled_to_cover_rounded_up(int sourceWidth, int sourceHeight, int width, int height, int boxWidth, int boxHeight) =>
        Assert.Equal((boxWidth, boxHeight), RenditionGeometry.CoverBox(sourceWidth, sourceHeight, width, height));

    [Theory]
    [InlineData(0.5, 0.5, 75, 0)] // centred
    [InlineData(0.0, 0.0, 0, 0)] // clamped at the left edge
    [InlineData(1.0, 1.0, 150, 0)] // clamped at the right edge
    [InlineData(0.55, 0.5, 98, 0)] // centre 247.5 − 150, rounded
    [InlineData(0.75, 0.5, 150, 0)] // centre 337.5 would put the window past the right edge
    [InlineData(double.NaN, 0.5, 75, 0)] // nonsense focus falls back to the centre
    public void The_crop_window_centres_on_the_focal_point_inside_the_image(double x, double y, int left, int top) =>
        Assert.Equal((left, top), RenditionGeometry.CropWindow(450, 300, 300, 300, new FocalPoint(x, y)));

    [Fact]
    public void A_tall_image_keeps_its_top_in_the_thumbnail_when_the_focus_is_at_the_top() =>
        Assert.Equal((0, 0), RenditionGeometry.CropWindow(400, 1200, 400, 300, new FocalPoint(0.5, 0.05)));
}
