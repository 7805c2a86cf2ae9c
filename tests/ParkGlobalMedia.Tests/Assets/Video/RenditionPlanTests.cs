using ParkGlobalMedia.Assets.Video;

namespace ParkGlobalMedia.Tests.Assets.Video;

/// <summary>Rendition sizes and crops, worked out for sources larger than the tests could afford to encode.</summary>
public sealed class RenditionPlanTests
{
    private static ProbedVideo Source(int width, int height, bool squarePixels = true) =>
        new(new VideoProbe(TimeSpan.FromSeconds(10), width, height, 0, "h264", "aac", 25, 1_000_000, "mp4"), 0, 1, squarePixels);

    [Theory]
    [InlineData(640, 360, 640, 360)]
    [InlineData(1920, 1080, 1920, 1080)]
    [InlineData(3840, 2160, 1920, 1080)]
    [InlineData(1080, 1920, 1080, 1920)]
    [InlineData(2160, 3840, 1080, 1920)]
    [InlineData(2400, 1000, 1920, 800)]
    [InlineData(333, 187, 332, 186)]
    [InlineData(4096, 2160, 1920, 1012)]
    public void The_web_rendition_keeps_the_aspect_fits_1920_and_never_upscales(int width, int height, int outWidth, int outHeight)
    {
        var plan = RenditionPlan.For(Source(width, height), VideoRendition.Web, 0.5);
        Assert.Equal((outWidth, outHeight), (plan.Width, plan.Height));
        Assert.Equal($"scale={outWidth}:{outHeight},setsar=1", plan.Filter);
    }

    [Theory]
    [InlineData(1920, 1080, 1080, 1920, "crop=608:1080:656:0")]
    [InlineData(3840, 2160, 1080, 1920, "crop=1215:2160:1312:0")]
    [InlineData(1280, 720, 720, 1280, "crop=405:720:438:0")]
    [InlineData(640, 360, 360, 640, "crop=202:360:219:0")]
    [InlineData(1080, 1920, 1080, 1920, "crop=1080:1920:0:0")]
    [InlineData(1080, 2340, 1080, 1920, "crop=1080:1920:0:210")]
    [InlineData(854, 480, 468, 832, "crop=270:480:292:0")]
    public void The_vertical_rendition_is_a_centred_9_by_16_crop_in_the_sources_size_class(int width, int height, int outWidth, int outHeight, string crop)
    {
        var plan = RenditionPlan.For(Source(width, height), VideoRendition.Vertical, 0.5);
        Assert.Equal((outWidth, outHeight), (plan.Width, plan.Height));
        Assert.Equal($"{crop},scale={outWidth}:{outHeight},setsar=1", plan.Filter);
    }

    [Theory]
    [InlineData(1920, 1080, 1080, "crop=1080:1080:420:0")]
    [InlineData(640, 360, 360, "crop=360:360:140:0")]
    [InlineData(1080, 1920, 1080, "crop=1080:1080:0:420")]
    [InlineData(333, 187, 186, "crop=187:187:73:0")]
    public void The_square_rendition_is_a_centred_square_crop_in_the_sources_size_class(int width, int height, int side, string crop)
    {
        var plan = RenditionPlan.For(Source(width, height), VideoRendition.Square, 0.5);
        Assert.Equal((side, side), (plan.Width, plan.Height));
        Assert.Equal($"{crop},scale={side}:{side},setsar=1", plan.Filter);
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.1, 0)]
    [InlineData(0.25, 176)]
    [InlineData(0.75, 1136)]
    [InlineData(1.0, 1312)]
    [InlineData(7.0, 1312)]
    [InlineData(double.NaN, 656)]
    public void The_crop_follows_the_focal_point_but_stays_inside_the_frame(double focalX, int x)
    {
        var plan = RenditionPlan.For(Source(1920, 1080), VideoRendition.Vertical, focalX);
        Assert.StartsWith($"crop=608:1080:{x}:0,", plan.Filter, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_square_pixels_are_stretched_to_the_displayed_size_before_cropping()
    {
        var plan = RenditionPlan.For(Source(853, 480, squarePixels: false), VideoRendition.Square, 0.5);
        Assert.Equal("scale=853:480,setsar=1,crop=480:480:186:0,scale=480:480,setsar=1", plan.Filter);
    }

    [Fact]
    public void Every_rendition_of_every_size_has_even_sides_and_its_exact_aspect()
    {
        for (var width = 90; width <= 4000; width += 37)
        {
            for (var height = 90; height <= 4000; height += 53)
            {
                var web = RenditionPlan.For(Source(width, height), VideoRendition.Web, 0.5);
                var vertical = RenditionPlan.For(Source(width, height), VideoRendition.Vertical, 0.3);
                var square = RenditionPlan.For(Source(width, height), VideoRendition.Square, 0.7);
                foreach (var plan in new[] { web, vertical, square })
                {
                    Assert.True(plan.Width % 2 == 0 && plan.Height % 2 == 0, $"{width}×{height}: {plan}");
                }

                Assert.True(web.Width <= width && web.Height <= height && Math.Max(web.Width, web.Height) <= 1920, $"{width}×{height}: {web}");
                Assert.Equal(vertical.Width * 16, vertical.Height * 9);
                Assert.True(vertical.Width <= Math.Min(1080, Math.Min(width, height)), $"{width}×{height}: {vertical}");
                Assert.Equal(square.Width, square.Height);
                Assert.True(square.Width <= Math.Min(1080, Math.Min(width, height)), $"{width}×{height}: {square}");
            }
        }
    }
}
