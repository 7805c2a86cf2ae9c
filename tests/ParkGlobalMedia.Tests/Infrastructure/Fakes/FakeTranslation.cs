using System.Text;
using System.Text.RegularExpressions;

namespace ParkGlobalMedia.Tests.Infrastructure.Fakes;

/// <summary>What a fake honours while "translating" one text into one target language.</summary>
/// <param name="Target">The target language as the request named it; it becomes the <c>[target] </c> prefix.</param>
public sealed record FakeTranslationRules(string Target)
{
    /// <summary>Tags are structure (Azure <c>textType=html</c>, DeepL <c>tag_handling=xml|html</c>); otherwise they are text.</summary>
    public bool Markup { get; init; }

    /// <summary>Elements with <c>translate="no"</c> or <c>class="notranslate"</c> come back byte for byte (HTML mode of both services).</summary>
    public bool HonourNoTranslate { get; init; }

    /// <summary>Elements with these names come back byte for byte (DeepL <c>ignore_tags</c>).</summary>
    public IReadOnlyCollection<string> IgnoredTags { get; init; } = [];

    /// <summary>What happens to Azure's <c>&lt;mstrans:dictionary translation="X"&gt;</c> markup (recognised even in plain text).</summary>
    public DictionaryMarkup Dictionary { get; init; }

    /// <summary>Source term → target term, replaced verbatim in translated text (DeepL glossaries).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Glossary { get; init; } = [];

    /// <summary>Reverse the order of sibling nodes at every level, the way a target language may move inline markup.</summary>
    public bool ReverseSiblings { get; init; }
}

public enum DictionaryMarkup
{
    /// <summary>Not recognised: the markup is ordinary text or an ordinary tag.</summary>
    None,

    /// <summary>The whole element becomes exactly the <c>translation</c> attribute's value.</summary>
    Apply,

    /// <summary>The tags are dropped and their content is translated like any other text (dictionary not usable for the request).</summary>
    Strip,
}

/// <summary>
/// The fakes' deterministic "translation", so a test can state the exact output: the first translated text of each
/// result gets a <c>[target] </c> prefix and translated text is upper-cased (invariant culture; CJK is unchanged, so
/// the prefix is what shows that it went through the fake). Tags, comments, character references (<c>&amp;amp;</c>)
/// and protected elements are copied unchanged and stay in place unless <see cref="FakeTranslationRules.ReverseSiblings"/>
/// is on. Whitespace-only input comes back unchanged. Glossary targets and dictionary translations are copied as given.
/// </summary>
public static partial class FakeTranslation
{
    private const string DictionaryElement = "mstrans:dictionary";

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    public static string Translate(string source, FakeTranslationRules rules)
    {
        var writer = new Writer(rules);
        writer.Render(Parse(source, rules), source);
        return writer.ToString();
    }

    /// <summary>Characters as both services count them: Unicode code points (an emoji or a CJK character is one).</summary>
    public static int CountCodePoints(string text) => text.EnumerateRunes().Count();

    /// <summary>Code points of the text outside tags and comments (DeepL with <c>tag_handling</c> does not bill markup).</summary>
    public static int CountTextCodePoints(string source)
    {
        var nodes = Parse(source, new FakeTranslationRules("") { Markup = true });
        return Flatten(nodes).OfType<TextNode>().Sum(text => CountCodePoints(text.Text));
    }

    /// <summary>"Broken markup": the last closing tag is removed, or an unclosed <c>&lt;b&gt;</c> is appended when there is none.</summary>
    public static string Break(string translated)
    {
        var closing = ClosingTag().Matches(translated);
        return closing.Count == 0
            ? translated + "<b>"
            : translated.Remove(closing[^1].Index, closing[^1].Length);
    }

    private static IEnumerable<Node> Flatten(IEnumerable<Node> nodes) =>
        nodes.SelectMany(node => node is Element element ? Flatten(element.Children).Prepend(node) : [node]);

    private static List<Node> Parse(string source, FakeTranslationRules rules)
    {
        var root = new List<Node>();
        if (!rules.Markup && rules.Dictionary == DictionaryMarkup.None)
        {
            root.Add(new TextNode(source));
            return root;
        }

        var open = new Stack<Element>();
        var position = 0;
        while (position < source.Length)
        {
            var children = open.Count == 0 ? root : open.Peek().Children;
            var lt = source.IndexOf('<', position);
            if (lt < 0)
            {
                AddText(children, source[position..]);
                break;
            }

            AddText(children, source[position..lt]);
            var tag = Tag.Read(source, lt);
            if (tag is null || (!rules.Markup && !tag.Name.Equals(DictionaryElement, StringComparison.OrdinalIgnoreCase)))
            {
                AddText(children, "<");
                position = lt + 1;
                continue;
            }

            var raw = source[lt..tag.End];
            switch (tag.Kind)
            {
                case TagKind.Open when !VoidElements.Contains(tag.Name):
                    var element = new Element(tag.Name, tag.Attributes, raw, lt);
                    children.Add(element);
                    open.Push(element);
                    break;
                case TagKind.Close when open.Any(element => element.Name.Equals(tag.Name, StringComparison.OrdinalIgnoreCase)):
                    while (open.Count > 0)
                    {
                        var closed = open.Pop();
                        closed.End = lt;
                        if (closed.Name.Equals(tag.Name, StringComparison.OrdinalIgnoreCase))
                        {
                            closed.CloseTag = raw;
                            closed.End = tag.End;
                            break;
                        }
                    }

                    break;
                default:
                    // comments, declarations, void and self-closing elements, closing tags that close nothing
                    children.Add(new Element(tag.Name, tag.Attributes, raw, lt) { End = tag.End, CloseTag = "" });
                    break;
            }

            position = tag.End;
        }

        foreach (var unclosed in open)
        {
            unclosed.End = source.Length;
        }

        return root;
    }

    private static void AddText(List<Node> children, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (children.Count > 0 && children[^1] is TextNode previous)
        {
            children[^1] = new TextNode(previous.Text + text);
        }
        else
        {
            children.Add(new TextNode(text));
        }
    }

    [GeneratedRegex(@"</[A-Za-z][^>]*>")]
    private static partial Regex ClosingTag();

    [GeneratedRegex(@"&(#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")]
    private static partial Regex CharacterReference();

    private abstract record Node;

    private sealed record TextNode(string Text) : Node;

    private sealed record Element(string Name, IReadOnlyDictionary<string, string> Attributes, string OpenTag, int Start) : Node
    {
        public List<Node> Children { get; } = [];

        /// <summary>Null when the source never closes the element, "" for leaf tags (comments, void and self-closing elements).</summary>
        public string? CloseTag { get; set; }

        public int End { get; set; }
    }

    private sealed class Writer(FakeTranslationRules rules)
    {
        private readonly StringBuilder _output = new();
        private readonly List<KeyValuePair<string, string>> _glossary =
            [.. rules.Glossary.Where(entry => entry.Key.Length > 0).OrderByDescending(entry => entry.Key.Length)];

        private bool _prefixed;

        public void Render(IReadOnlyList<Node> nodes, string source)
        {
            foreach (var node in rules.ReverseSiblings ? nodes.Reverse() : nodes)
            {
                switch (node)
                {
                    case TextNode text:
                        WriteTranslated(text.Text);
                        break;
                    case Element { Name: var name } dictionary when name.Equals(DictionaryElement, StringComparison.OrdinalIgnoreCase):
                        if (rules.Dictionary == DictionaryMarkup.Apply && dictionary.Attributes.TryGetValue("translation", out var translation))
                        {
                            WritePrefix(translation);
                            _output.Append(translation);
                        }
                        else
                        {
                            Render(dictionary.Children, source);
                        }

                        break;
                    case Element element when element.CloseTag == "" || IsProtected(element):
                        _output.Append(source, element.Start, element.End - element.Start);
                        break;
                    case Element element:
                        _output.Append(element.OpenTag);
                        Render(element.Children, source);
                        _output.Append(element.CloseTag); // nothing when the source never closed it
                        break;
                }
            }
        }

        public override string ToString() => _output.ToString();

        private bool IsProtected(Element element)
        {
            if (rules.IgnoredTags.Contains(element.Name, StringComparer.OrdinalIgnoreCase))
            {
                return true;
            }

            return rules.HonourNoTranslate
                && ((element.Attributes.TryGetValue("translate", out var translate) && translate.Equals("no", StringComparison.OrdinalIgnoreCase))
                    || (element.Attributes.TryGetValue("class", out var classes)
                        && classes.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Contains("notranslate", StringComparer.Ordinal)));
        }

        private void WritePrefix(string text)
        {
            if (!_prefixed && !string.IsNullOrWhiteSpace(text))
            {
                _output.Append('[').Append(rules.Target).Append("] ");
                _prefixed = true;
            }
        }

        private void WriteTranslated(string text)
        {
            var leading = text.Length - text.TrimStart().Length;
            _output.Append(text, 0, leading);
            WritePrefix(text);
            var pending = new StringBuilder();
            for (var index = leading; index < text.Length;)
            {
                var entry = _glossary.FirstOrDefault(candidate => string.CompareOrdinal(text, index, candidate.Key, 0, candidate.Key.Length) == 0);
                if (entry.Key is null)
                {
                    pending.Append(text[index++]);
                    continue;
                }

                WriteUpperCase(pending.ToString());
                pending.Clear();
                _output.Append(entry.Value);
                index += entry.Key.Length;
            }

            WriteUpperCase(pending.ToString());
        }

        private void WriteUpperCase(string text)
        {
            var position = 0;
            foreach (Match reference in CharacterReference().Matches(text))
            {
                _output.Append(text[position..reference.Index].ToUpperInvariant()).Append(reference.Value);
                position = reference.Index + reference.Length;
            }

            _output.Append(text[position..].ToUpperInvariant());
        }
    }
}
