using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ParkGlobalMedia.Translation.Segmentation;

/// <summary>A piece of parsed tagged text.</summary>
public abstract record TaggedNode
{
    public sealed record Text(string Value) : TaggedNode;

    /// <summary>A paired tag and what it encloses.</summary>
    public sealed record Group(int Id, IReadOnlyList<TaggedNode> Children) : TaggedNode;

    public sealed record Placeholder(int Id) : TaggedNode;
}

/// <summary>
/// The tagged-text notation of <see cref="Segment.Text"/>: XML-escaped text with <c>&lt;g id="n"&gt;…&lt;/g&gt;</c> and
/// <c>&lt;x id="n"/&gt;</c>. Reading is forgiving about what translators do to tags (quotes, spacing, case, a
/// self-closed empty group) and strict about what matters: every tag of the source exactly once, properly nested.
/// </summary>
public static partial class TaggedText
{
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    public static string Open(int id) => $"<g id=\"{id}\">";

    public const string Close = "</g>";

    public static string Placeholder(int id) => $"<x id=\"{id}\"/>";

    [GeneratedRegex("""<\s*(?<close>/)?\s*(?<name>[gx])\b(?:[^>]*?\bid\s*=\s*["']?(?<id>\d{1,4})["']?)?[^>]*?(?<self>/)?\s*>""", RegexOptions.IgnoreCase)]
    private static partial Regex TagPattern();

    /// <summary>
    /// Parses tagged text against the tags its source had. Problems (a lost, doubled, unknown or badly nested tag)
    /// are returned, not thrown: a reviewer fixes them, and QA reports them.
    /// </summary>
    public static (IReadOnlyList<TaggedNode> Nodes, IReadOnlyList<string> Problems) Parse(string tagged, IReadOnlyList<InlineTag> tags)
    {
        var problems = new List<string>();
        var known = tags.ToDictionary(t => t.Id);
        var seen = new HashSet<int>();
        var stack = new Stack<(int Id, List<TaggedNode> Children)>();
        var root = new List<TaggedNode>();
        List<TaggedNode> Current() => stack.Count > 0 ? stack.Peek().Children : root;

        var position = 0;
        foreach (Match match in TagPattern().Matches(tagged))
        {
            AddText(Current(), tagged[position..match.Index]);
            position = match.Index + match.Length;
            var isGroup = char.ToLowerInvariant(match.Groups["name"].Value[0]) == 'g';
            var closing = match.Groups["close"].Success;
            if (closing && isGroup)
            {
                if (stack.Count == 0)
                {
                    problems.Add("A closing tag </g> has no opening tag.");
                    continue;
                }

                var (id, children) = stack.Pop();
                Current().Add(new TaggedNode.Group(id, children));
                continue;
            }

            if (!match.Groups["id"].Success || !int.TryParse(match.Groups["id"].Value, out var tagId) || !known.TryGetValue(tagId, out var tag))
            {
                problems.Add($"The tag {match.Value} is not one of the source's.");
                continue;
            }

            if (!seen.Add(tagId))
            {
                problems.Add($"The tag {tagId} appears twice.");
                continue;
            }

            if (tag.IsPlaceholder != !isGroup)
            {
                problems.Add($"The tag {tagId} changed kind ({match.Value}).");
            }

            if (!isGroup || match.Groups["self"].Success)
            {
                // <x/>, or a group a translator collapsed to <g id="n"/> (nothing left inside it).
                Current().Add(tag.IsPlaceholder ? new TaggedNode.Placeholder(tagId) : new TaggedNode.Group(tagId, []));
            }
            else
            {
                stack.Push((tagId, []));
            }
        }

        AddText(Current(), tagged[position..]);
        while (stack.Count > 0)
        {
            var (id, children) = stack.Pop();
            problems.Add($"The tag {id} is not closed.");
            Current().Add(new TaggedNode.Group(id, children));
        }

        foreach (var missing in tags.Where(t => !seen.Contains(t.Id)))
        {
            problems.Add($"The tag {missing.Id} ({missing.Kind} {Abbreviate(missing.Open)}) is missing.");
        }

        return (root, problems);
    }

    /// <summary>
    /// Rewrites the words of tagged text and keeps every tag where it is: what glossary markup needs (a term is never
    /// matched inside a tag's attributes).
    /// </summary>
    public static string MapWords(string tagged, Func<string, string> words)
    {
        var output = new StringBuilder(tagged.Length + 16);
        var position = 0;
        foreach (Match tag in TagPattern().Matches(tagged))
        {
            output.Append(words(tagged[position..tag.Index])).Append(tag.Value);
            position = tag.Index + tag.Length;
        }

        return output.Append(words(tagged[position..])).ToString();
    }

    /// <summary>The words of tagged text without any tag (for comparisons, lengths, memory keys).</summary>
    public static string PlainText(string tagged) => WebUtility.HtmlDecode(TagPattern().Replace(tagged, ""));

    private static void AddText(List<TaggedNode> into, string raw)
    {
        if (raw.Length > 0)
        {
            into.Add(new TaggedNode.Text(WebUtility.HtmlDecode(raw)));
        }
    }

    private static string Abbreviate(string markdown) => markdown.Length <= 24 ? markdown : string.Concat(markdown.AsSpan(0, 23), "…");

    /// <summary>Tagged text back from nodes (for tests and for storing what a reviewer arranged).</summary>
    public static string Write(IEnumerable<TaggedNode> nodes)
    {
        var builder = new StringBuilder();
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TaggedNode.Text text:
                    builder.Append(Escape(text.Value));
                    break;
                case TaggedNode.Placeholder placeholder:
                    builder.Append(Placeholder(placeholder.Id));
                    break;
                case TaggedNode.Group group:
                    builder.Append(Open(group.Id)).Append(Write(group.Children)).Append(Close);
                    break;
            }
        }

        return builder.ToString();
    }
}
