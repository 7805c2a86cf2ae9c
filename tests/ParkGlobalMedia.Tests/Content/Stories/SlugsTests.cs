using ParkGlobalMedia.Content.Stories;

namespace ParkGlobalMedia.Tests.Content.Stories;

public class SlugsTests
{
    private static readonly Guid StoryId = Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301");

    [Theory]
    [InlineData("Hydraulics Joint Lab Opens", "hydraulics-joint-lab-opens")]
    [InlineData("  The Engineer Who Listens -- to Transformers!  ", "the-engineer-who-listens-to-transformers")]
    [InlineData("Don't stop: 2023's results", "dont-stop-2023s-results")]
    [InlineData("Élève à l'École française : ça commence", "eleve-a-lecole-francaise-ca-commence")]
    [InlineData("Señor Muñoz, ingeniero en los Andes", "senor-munoz-ingeniero-en-los-andes")]
    [InlineData("Straße, Ærø, Łódź, Đakovo", "strasse-aero-lodz-dakovo")]
    [InlineData("Стажёр из Алматы на линии тележек", "stazhyor-iz-almaty-na-linii-telezhek")]
    [InlineData("Объявление: щука и цапля", "obyavlenie-shchuka-i-tsaplya")]
    [InlineData("三一重工 SY215C 挖掘机", "sy215c")]
    [InlineData("湘江重工ＳＹ２１５Ｃ发布", "sy215c")]
    [InlineData("🚀 Launch day 🎉", "launch-day")]
    public void Titles_become_readable_ascii_slugs(string title, string expected)
    {
        var slug = Slugs.FromTitle(title);

        Assert.Equal(expected, slug);
        Assert.True(Slugs.IsValid(slug));
    }

    [Theory]
    [InlineData("安第斯山上的“湘江周”")]
    [InlineData("مرحبا بالعالم")]
    [InlineData("🎉🎉🎉")]
    [InlineData("")]
    [InlineData("第5届 A")]
    public void Titles_with_fewer_than_three_ascii_letters_or_digits_give_no_slug(string title)
    {
        Assert.Null(Slugs.FromTitle(title));
    }

    [Fact]
    public void Chinese_only_titles_fall_back_to_an_id_based_slug()
    {
        var slug = Slugs.ForTitle("安第斯山上的“湘江周”", StoryId);

        Assert.Equal("story-05e82c3301", slug);
        Assert.True(Slugs.IsValid(slug));
    }

    [Fact]
    public void Titles_with_a_readable_slug_do_not_use_the_id()
    {
        Assert.Equal("service-engineer", Slugs.ForTitle("Service Engineer", StoryId));
    }

    [Fact]
    public void Id_based_slugs_are_always_valid()
    {
        Assert.All(Enumerable.Range(0, 50).Select(_ => Slugs.IdBased(Guid.NewGuid())), slug => Assert.True(Slugs.IsValid(slug)));
    }

    [Fact]
    public void Long_titles_are_cut_on_a_word_boundary()
    {
        var title = string.Join(' ', Enumerable.Repeat("transformer", 12)); // 12 * 12 - 1 = 143 chars as a slug

        var slug = Slugs.FromTitle(title)!;

        Assert.Equal(string.Join('-', Enumerable.Repeat("transformer", 6)), slug); // 71 chars; a 7th word would pass 80
        Assert.True(Slugs.IsValid(slug));
    }

    [Fact]
    public void A_single_endless_word_is_cut_at_the_maximum_length()
    {
        var slug = Slugs.FromTitle(new string('a', 120))!;

        Assert.Equal(Slugs.MaxLength, slug.Length);
    }

    [Theory]
    [InlineData("hello-world", true)]
    [InlineData("a", true)]
    [InlineData("2023-report", true)]
    [InlineData("Hello-world", false)]
    [InlineData("hello--world", false)]
    [InlineData("-hello", false)]
    [InlineData("hello-", false)]
    [InlineData("hello world", false)]
    [InlineData("hello-world\n", false)]
    [InlineData("héllo", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Valid_slugs_are_lowercase_ascii_words_joined_by_single_hyphens(string? slug, bool valid)
    {
        Assert.Equal(valid, Slugs.IsValid(slug));
    }

    [Fact]
    public void Slugs_longer_than_the_maximum_are_invalid()
    {
        Assert.True(Slugs.IsValid(new string('a', Slugs.MaxLength)));
        Assert.False(Slugs.IsValid(new string('a', Slugs.MaxLength + 1)));
    }
}
