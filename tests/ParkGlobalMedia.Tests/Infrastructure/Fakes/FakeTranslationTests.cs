namespace ParkGlobalMedia.Tests.Infrastructure.Fakes;

public class FakeTranslationTests
{
    private static readonly FakeTranslationRules Plain = new("en");
    private static readonly FakeTranslationRules Html = new("en") { Markup = true, HonourNoTranslate = true };

    [Theory]
    [InlineData("hello world", "[en] HELLO WORLD")]
    [InlineData("三一集团", "[en] 三一集团")]
    [InlineData("  leading space", "  [en] LEADING SPACE")]
    [InlineData("", "")]
    [InlineData(" \n ", " \n ")]
    [InlineData("a <b>tag</b> in plain text", "[en] A <B>TAG</B> IN PLAIN TEXT")]
    public void Plain_text_is_prefixed_once_and_upper_cased(string source, string expected) =>
        Assert.Equal(expected, FakeTranslation.Translate(source, Plain));

    [Theory]
    [InlineData("<p>Hello <b>bold</b> world</p>", "<p>[en] HELLO <b>BOLD</b> WORLD</p>")]
    [InlineData("<a href=\"https://example.com/a?b=c\" title='x > y'>link</a> text", "<a href=\"https://example.com/a?b=c\" title='x > y'>[en] LINK</a> TEXT")]
    [InlineData("line<br>break<img src=x alt=\"alt\"/>end", "[en] LINE<br>BREAK<img src=x alt=\"alt\"/>END")]
    [InlineData("<!-- note -->fish &amp; chips &#x4E00; &lt;", "<!-- note -->[en] FISH &amp; CHIPS &#x4E00; &lt;")]
    [InlineData("1 < 2 and <3", "[en] 1 < 2 AND <3")]
    [InlineData("<x id=\"1\"/>三一<x id=\"2\"/>", "<x id=\"1\"/>[en] 三一<x id=\"2\"/>")]
    [InlineData("<p>never closed", "<p>[en] NEVER CLOSED")]
    [InlineData("stray</i> close", "[en] STRAY</i> CLOSE")]
    public void Tags_comments_and_character_references_stay_intact_and_in_place(string source, string expected) =>
        Assert.Equal(expected, FakeTranslation.Translate(source, Html));

    [Theory]
    [InlineData("<span translate=\"no\">Keep <b>this</b></span> but not this", "<span translate=\"no\">Keep <b>this</b></span> [en] BUT NOT THIS")]
    [InlineData("<span class=\"brand notranslate\">Sany</span> Heavy", "<span class=\"brand notranslate\">Sany</span> [en] HEAVY")]
    [InlineData("<div translate=\"NO\">x</div>y", "<div translate=\"NO\">x</div>[en] Y")]
    [InlineData("<span translate=\"yes\">x</span>", "<span translate=\"yes\">[en] X</span>")]
    public void Elements_marked_not_to_translate_come_back_untouched(string source, string expected) =>
        Assert.Equal(expected, FakeTranslation.Translate(source, Html));

    [Fact]
    public void Ignored_tags_come_back_untouched_and_other_tags_do_not()
    {
        var rules = new FakeTranslationRules("DE") { Markup = true, IgnoredTags = ["x"] };

        Assert.Equal("[DE] OPEN <x>Settings</x> NOW <y>HERE</y>", FakeTranslation.Translate("open <x>Settings</x> now <y>here</y>", rules));
    }

    [Theory]
    [InlineData(DictionaryMarkup.Apply, "[en] SANY集团")]
    [InlineData(DictionaryMarkup.Strip, "[en] 三一集团")]
    public void Dictionary_markup_becomes_exactly_its_translation_only_when_applied(DictionaryMarkup dictionary, string expected)
    {
        var rules = Plain with { Dictionary = dictionary };

        Assert.Equal(expected, FakeTranslation.Translate("<mstrans:dictionary translation=\"SANY\">三一</mstrans:dictionary>集团", rules));
    }

    [Fact]
    public void Dictionary_markup_in_html_keeps_the_surrounding_tags()
    {
        var rules = Html with { Dictionary = DictionaryMarkup.Apply };

        var translated = FakeTranslation.Translate(
            "<b>the </b><mstrans:dictionary translation=\"Changsha Hi-tech Zone\">长沙高新区</mstrans:dictionary> is here", rules);

        Assert.Equal("<b>[en] THE </b>Changsha Hi-tech Zone IS HERE", translated);
    }

    [Fact]
    public void Glossary_terms_are_replaced_verbatim_longest_first()
    {
        var rules = Plain with { Glossary = [new("三一", "SANY"), new("三一重工", "Sany Heavy Industry"), new("园区", "park")] };

        Assert.Equal("[en] Sany Heavy Industry在park, SANY", FakeTranslation.Translate("三一重工在园区, 三一", rules));
    }

    [Fact]
    public void Reversed_siblings_move_whole_elements_and_keep_them_well_formed()
    {
        var rules = Html with { ReverseSiblings = true };

        Assert.Equal("<i>[en] C</i> <b>B</b>A ", FakeTranslation.Translate("a <b>b</b> <i>c</i>", rules));
    }

    [Theory]
    [InlineData("<p>a</p><p>b</p>", "<p>a</p><p>b")]
    [InlineData("no tags", "no tags<b>")]
    public void Broken_markup_loses_its_last_closing_tag_or_gains_an_unclosed_one(string translated, string expected) =>
        Assert.Equal(expected, FakeTranslation.Break(translated));

    [Theory]
    [InlineData("abc", 3)]
    [InlineData("三一😀", 3)]
    [InlineData("<b>三一</b>", 9)]
    public void Code_points_count_every_character_once(string text, int expected) =>
        Assert.Equal(expected, FakeTranslation.CountCodePoints(text));

    [Fact]
    public void Text_code_points_leave_markup_out() =>
        Assert.Equal(4, FakeTranslation.CountTextCodePoints("<p class=\"x\">三一<!-- c --><br/>ab</p>"));
}
