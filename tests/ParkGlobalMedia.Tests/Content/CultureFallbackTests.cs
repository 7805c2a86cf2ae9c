using ParkGlobalMedia.Content;
using ParkGlobalMedia.Content.Enterprises;
using ParkGlobalMedia.Platform.Cultures;

namespace ParkGlobalMedia.Tests.Content;

/// <summary>The order in which a site looks for a story when a reader asks for a culture.</summary>
public sealed class CultureFallbackTests
{
    private static readonly Enterprise Site = new()
    {
        Slug = "site",
        DefaultCulture = "en",
        Cultures = ["zh-CN", "en", "es", "fr", "ar"],
        FallbackChain = new() { ["es-MX"] = ["es", "en"], ["fr"] = ["en"], ["pt"] = ["es"] },
    };

    [Theory]
    [InlineData("es-MX", "es-MX,es,en")]
    [InlineData("es-AR", "es-AR,es,en")]
    [InlineData("fr-CA", "fr-CA,en,fr")]
    [InlineData("pt-BR", "pt-BR,es,pt,en")]
    [InlineData("de", "de,en")]
    [InlineData("en", "en")]
    [InlineData("zh-TW", "zh-TW,zh,en")]
    public void The_chain_is_the_culture_its_configured_fallbacks_its_neutral_culture_then_the_default(string requested, string expected) =>
        Assert.Equal(expected.Split(','), CultureFallback.Chain(Site, requested));

    [Theory]
    [InlineData("zh_cn", "zh-CN")]
    [InlineData("EN", "en")]
    [InlineData("es-mx", "es-MX")]
    [InlineData("xx-YY", null)]
    [InlineData("", null)]
    [InlineData("not a culture at all", null)]
    public void Culture_codes_are_normalised_or_refused(string input, string? expected) =>
        Assert.Equal(expected, Culture.Normalize(input));

    [Theory]
    [InlineData("es-MX", "Hola")]
    [InlineData("fr", "Hello")]
    [InlineData("zh-CN", "你好")]
    public void Localized_text_falls_back_to_the_neutral_culture_then_the_default(string culture, string expected) =>
        Assert.Equal(expected, LocalizedText.Pick(new Dictionary<string, string> { ["es"] = "Hola", ["en"] = "Hello", ["zh-CN"] = "你好" }, culture, "en"));
}
