namespace ParkGlobalMedia.Tests.Infrastructure.Fakes;

public static partial class FakeTranslation
{
    private enum TagKind
    {
        Open,
        Close,
        Leaf,
    }

    /// <summary>
    /// One tag read leniently the way the services do (neither rejects imperfect HTML): a start tag with attributes
    /// (quoted or not; a <c>&gt;</c> inside quotes does not end it), an end tag, a self-closing tag, or a comment or
    /// declaration (a leaf). A <c>&lt;</c> that starts none of these is text.
    /// </summary>
    private sealed record Tag(TagKind Kind, string Name, IReadOnlyDictionary<string, string> Attributes, int End)
    {
        private static readonly IReadOnlyDictionary<string, string> NoAttributes = new Dictionary<string, string>();

        public static Tag? Read(string source, int at)
        {
            if (string.CompareOrdinal(source, at, "<!--", 0, 4) == 0)
            {
                var close = source.IndexOf("-->", at + 4, StringComparison.Ordinal);
                return close < 0 ? null : new Tag(TagKind.Leaf, "", NoAttributes, close + 3);
            }

            if (at + 1 < source.Length && source[at + 1] is '!' or '?')
            {
                var close = source.IndexOf('>', at);
                return close < 0 ? null : new Tag(TagKind.Leaf, "", NoAttributes, close + 1);
            }

            var position = at + 1;
            var closing = position < source.Length && source[position] == '/';
            if (closing)
            {
                position++;
            }

            var name = ReadName(source, ref position);
            if (name is null)
            {
                return null;
            }

            if (closing)
            {
                var close = source.IndexOf('>', position);
                return close < 0 ? null : new Tag(TagKind.Close, name, NoAttributes, close + 1);
            }

            var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            while (true)
            {
                SkipWhiteSpace(source, ref position);
                if (position >= source.Length)
                {
                    return null;
                }

                if (source[position] == '>')
                {
                    return new Tag(TagKind.Open, name, attributes, position + 1);
                }

                if (source[position] == '/' && position + 1 < source.Length && source[position + 1] == '>')
                {
                    return new Tag(TagKind.Leaf, name, attributes, position + 2);
                }

                var start = position;
                while (position < source.Length && !char.IsWhiteSpace(source[position]) && source[position] is not ('=' or '>' or '/'))
                {
                    position++;
                }

                if (position == start)
                {
                    position++; // a stray '/' inside the tag
                    continue;
                }

                var attribute = source[start..position];
                SkipWhiteSpace(source, ref position);
                if (position < source.Length && source[position] == '=')
                {
                    position++;
                    SkipWhiteSpace(source, ref position);
                    var value = ReadValue(source, ref position);
                    if (value is null)
                    {
                        return null;
                    }

                    attributes.TryAdd(attribute, value);
                }
                else
                {
                    attributes.TryAdd(attribute, "");
                }
            }
        }

        private static string? ReadName(string source, ref int position)
        {
            if (position >= source.Length || !char.IsAsciiLetter(source[position]))
            {
                return null;
            }

            var start = position;
            while (position < source.Length && (char.IsAsciiLetterOrDigit(source[position]) || source[position] is ':' or '-' or '_' or '.'))
            {
                position++;
            }

            return source[start..position];
        }

        private static string? ReadValue(string source, ref int position)
        {
            if (position < source.Length && source[position] is '"' or '\'')
            {
                var quote = source[position];
                var close = source.IndexOf(quote, position + 1);
                if (close < 0)
                {
                    return null;
                }

                var quoted = source[(position + 1)..close];
                position = close + 1;
                return quoted;
            }

            var start = position;
            while (position < source.Length && !char.IsWhiteSpace(source[position]) && source[position] != '>')
            {
                position++;
            }

            return source[start..position];
        }

        private static void SkipWhiteSpace(string source, ref int position)
        {
            while (position < source.Length && char.IsWhiteSpace(source[position]))
            {
                position++;
            }
        }
    }
}
