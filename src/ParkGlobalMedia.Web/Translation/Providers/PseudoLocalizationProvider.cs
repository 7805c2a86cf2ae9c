using System.Text;
using ParkGlobalMedia.Translation.Segmentation;

namespace ParkGlobalMedia.Translation.Providers;

/// <summary>
/// Pseudo-localization for development and UI tests: every text comes back accented, about 40% longer and in
/// brackets ("[Ŝţéél ĥéáṽý ïñðûšţŕý ·····]"), tags in place, so untranslated strings, truncation and lost markup show
/// at a glance without a translator or a key. Its output is marked for testing and can never be published.
/// </summary>
public sealed class PseudoLocalizationProvider : ITranslationProvider
{
    public const string ProviderName = "pseudo";

    private static readonly Dictionary<char, char> Accents = new()
    {
        ['a'] = 'á', ['b'] = 'ƀ', ['c'] = 'ç', ['d'] = 'ð', ['e'] = 'é', ['f'] = 'ƒ', ['g'] = 'ĝ', ['h'] = 'ĥ', ['i'] = 'ï', ['j'] = 'ĵ',
        ['k'] = 'ķ', ['l'] = 'ļ', ['m'] = 'ɱ', ['n'] = 'ñ', ['o'] = 'ö', ['p'] = 'þ', ['q'] = 'ǫ', ['r'] = 'ŕ', ['s'] = 'š', ['t'] = 'ţ',
        ['u'] = 'û', ['v'] = 'ṽ', ['w'] = 'ŵ', ['x'] = 'ẋ', ['y'] = 'ý', ['z'] = 'ž',
        ['A'] = 'Á', ['B'] = 'Ɓ', ['C'] = 'Ç', ['D'] = 'Ð', ['E'] = 'É', ['F'] = 'Ƒ', ['G'] = 'Ĝ', ['H'] = 'Ĥ', ['I'] = 'Ï', ['J'] = 'Ĵ',
        ['K'] = 'Ķ', ['L'] = 'Ļ', ['M'] = 'Ṁ', ['N'] = 'Ñ', ['O'] = 'Ö', ['P'] = 'Þ', ['Q'] = 'Ǫ', ['R'] = 'Ŕ', ['S'] = 'Š', ['T'] = 'Ţ',
        ['U'] = 'Û', ['V'] = 'Ṽ', ['W'] = 'Ŵ', ['X'] = 'Ẋ', ['Y'] = 'Ý', ['Z'] = 'Ž',
    };

    public string Name => ProviderName;
    public bool IsPaid => false;
    public bool IsForTesting => true;
    public bool IsConfigured => true;
    public ProviderLimits Limits { get; } = new(1_000, 1_000_000, 100);

    public Task<IReadOnlyList<ProviderTranslation>> TranslateAsync(ProviderRequest request, CancellationToken cancellationToken)
    {
        var results = new List<ProviderTranslation>(request.Texts.Count * request.TargetCultures.Count);
        foreach (var culture in request.TargetCultures)
        {
            foreach (var text in request.Texts)
            {
                results.Add(new ProviderTranslation(text.Id, culture, Pseudo(text.Text, culture)));
            }
        }

        return Task.FromResult<IReadOnlyList<ProviderTranslation>>(results);
    }

    /// <summary>The pseudo form of tagged text: words changed, tags untouched, the culture named so mix-ups show.</summary>
    public static string Pseudo(string tagged, string culture)
    {
        var nodes = TaggedText.Parse(tagged, TagsOf(tagged)).Nodes;
        var body = TaggedText.Write(Map(nodes));
        var length = TaggedText.PlainText(tagged).Length;
        return $"[{culture}: {body} {new string('·', Math.Max(1, length * 2 / 5))}]";
    }

    private static List<TaggedNode> Map(IEnumerable<TaggedNode> nodes) =>
        nodes.Select(node => node switch
        {
            TaggedNode.Text text => new TaggedNode.Text(Accent(text.Value)),
            TaggedNode.Group group => new TaggedNode.Group(group.Id, Map(group.Children)),
            _ => node,
        }).ToList();

    private static string Accent(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(Accents.GetValueOrDefault(c, c));
        }

        return builder.ToString();
    }

    /// <summary>The tags present in tagged text, read back from it (the pseudo provider is not told the segment's tags).</summary>
    private static IReadOnlyList<InlineTag> TagsOf(string tagged) =>
        System.Text.RegularExpressions.Regex.Matches(tagged, "<(g|x) id=\"(\\d+)\"")
            .Select(m => new InlineTag(int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups[1].Value, "", m.Groups[1].Value == "x" ? null : ""))
            .ToList();
}
