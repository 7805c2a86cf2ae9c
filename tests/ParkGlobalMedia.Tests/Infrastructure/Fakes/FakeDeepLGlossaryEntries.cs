namespace ParkGlobalMedia.Tests.Infrastructure.Fakes;

/// <summary>
/// Glossary entries as DeepL takes them: one entry per line, source first; TSV separates the two with a tab, CSV
/// with a comma (quotes around a field, "" for a quote inside it). Blank lines are skipped, both sides are trimmed and
/// must not be empty, and a source may appear only once.
/// </summary>
public static class FakeDeepLGlossaryEntries
{
    public static (List<KeyValuePair<string, string>> Entries, string? Error) Parse(string entries, string format)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var lines = entries.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var number = 1; number <= lines.Length; number++)
        {
            var line = lines[number - 1];
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var fields = format == "csv" ? SplitCsv(line) : [.. line.Split('\t')];
            if (fields is null || fields.Count != 2)
            {
                return ([], $"Line {number}: expected a source and a target.");
            }

            var (source, target) = (fields[0].Trim(), fields[1].Trim());
            if (source.Length == 0 || target.Length == 0)
            {
                return ([], $"Line {number}: the source and the target must not be empty.");
            }

            if (pairs.Exists(pair => pair.Key == source))
            {
                return ([], $"Line {number}: '{source}' is already an entry.");
            }

            pairs.Add(KeyValuePair.Create(source, target));
        }

        return pairs.Count == 0 ? ([], "No entries.") : (pairs, null);
    }

    private static List<string>? SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.ToString().Trim().Length == 0)
            {
                field.Clear();
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            return null;
        }

        fields.Add(field.ToString());
        return fields;
    }
}
