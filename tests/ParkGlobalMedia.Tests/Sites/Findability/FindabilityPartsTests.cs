using ParkGlobalMedia.Content.Enterprises;
using ParkGlobalMedia.Sites.Findability;

namespace ParkGlobalMedia.Tests.Sites.Findability;

/// <summary>The pieces that need no database: which segments are sites, the XML text filter, entry ids.</summary>
public sealed class FindabilityPartsTests
{
    [Theory]
    [InlineData("api")]
    [InlineData("admin")]
    [InlineData("media")]
    [InlineData("h5")]
    [InlineData("openapi")]
    [InlineData("healthz")]
    [InlineData("en")]
    [InlineData("zh-CN")]
    [InlineData("Alpha")]
    [InlineData("robots.txt")]
    public void Platform_paths_cultures_and_non_slugs_are_never_taken_for_an_enterprise(string segment) =>
        Assert.False(EnterpriseService.CouldBeSlug(segment));

    [Theory]
    [InlineData("alpha-machinery")]
    [InlineData("xiangjiang-heavy")]
    [InlineData("sany2")]
    public void Enterprise_slugs_are_taken_for_an_enterprise(string segment) =>
        Assert.True(EnterpriseService.CouldBeSlug(segment));

    [Fact]
    public void Characters_xml_cannot_carry_are_dropped_and_emoji_and_scripts_are_kept()
    {
        Assert.Equal("ab🚄 عربي 東方", XmlDocuments.Text("a\u0008b\u0000🚄 عربي 東方\uD800"));
        Assert.Equal("🚄 & <✓> 東方", XmlDocuments.Text("🚄 & <✓> 東方"));
        Assert.Equal("🚄🚄", XmlDocuments.Text("🚄\uDC00🚄"));
    }

    [Fact]
    public void Entry_ids_are_stable_per_story_and_culture_and_differ_between_cultures()
    {
        var story = Guid.Parse("0190f3a4-5b6c-7d8e-9f01-23456789abcd");

        Assert.Equal(AtomFeed.StableId(story, "en"), AtomFeed.StableId(story, "en"));
        Assert.NotEqual(AtomFeed.StableId(story, "en"), AtomFeed.StableId(story, "fr"));
        Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", AtomFeed.StableId(story, "en"));
    }

    [Theory]
    [InlineData("https://parks.example.org", true)]
    [InlineData("http://127.0.0.1:5080/", true)]
    [InlineData("parks.example.org", false)]
    [InlineData("ftp://parks.example.org", false)]
    [InlineData("https://parks.example.org/?lang=en", false)]
    public void The_public_base_url_must_be_an_absolute_http_url(string value, bool valid)
    {
        var options = new FindabilityOptions { PublicBaseUrl = value };
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();

        var ok = System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true);

        Assert.Equal(valid, ok);
    }
}
