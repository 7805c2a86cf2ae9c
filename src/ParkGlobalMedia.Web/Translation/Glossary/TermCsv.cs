using System.Text;

namespace ParkGlobalMedia.Translation.Glossary;

/// <summary>
/// Termbases as CSV (RFC 4180, UTF-8): <c>source_culture, source, do_not_translate, part_of_speech, note</c>, then a
/// <c>target:{culture}</c> column per culture and a <c>forbidden:{culture}</c> column (alternatives separated by
/// " | "). What a spreadsheet user expects: any column order, unknown columns refused by name, quoted fields with
/// commas and line breaks, and cells that would start a formula (=, +, -, @) written with a leading apostrophe that
/// import removes again.
/// </summary>
public static class TermCsv
{
    private static readonly string[] Fixed = ["source_culture", "source", "do_not_translate", "part_of_speech", "note"];

    public static string Write(IReadOnlyList<Term> terms)
    {
        var cultures = terms.SelectMany(t => t.Targets.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var forbidden = terms.SelectMany(t => t.Forbidden.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var csv = new StringBuilder();
        Line(csv, Fixed.Concat(cultures.Select(c => $"target:{c}")).Concat(forbidden.Select(c => $"forbidden:{c}")));
        foreach (var term in terms)
        {
            Line(csv, new[] { term.SourceCulture, term.Source, term.DoNotTranslate ? "yes" : "", term.PartOfSpeech ?? "", term.Note ?? "" }
                .Concat(cultures.Select(c => term.Targets.GetValueOrDefault(c) ?? ""))
                .Concat(forbidden.Select(c => string.Join(" | ", term.Forbidden.GetValueOrDefault(c) ?? []))));
        }

        return csv.ToString();
    }

    /// <summary>Rows with their line numbers, or the first problem with the file's shape.</summary>
    public static (IReadOnlyList<(int Line, TermInput Input)> Rows, string? Problem) Read(string text)
    {
        var records = Parse(text.TrimStart('\uFEFF'));
        if (records.Count == 0)
        {
            return ([], "The file is empty; the first line must name the columns (source_culture, source, target:en, …).");
        }

        var header = records[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var unknown = header.Where(h => !Fixed.Contains(h) && !h.StartsWith("target:", StringComparison.Ordinal) && !h.StartsWith("forbidden:", StringComparison.Ordinal)).ToList();
        if (unknown.Count > 0 || !header.Contains("source"))
        {
            return ([], unknown.Count > 0
                ? $"Unknown columns: {string.Join(", ", unknown)}. Known: {string.Join(", ", Fixed)}, target:{{culture}}, forbidden:{{culture}}."
                : "The first line must name a 'source' column.");
        }

        var rows = new List<(int, TermInput)>();
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            string Cell(string column) => header.IndexOf(column) is var i and >= 0 && i < fields.Count ? Unprotect(fields[i]) : "";
            var targets = header.Where(h => h.StartsWith("target:", StringComparison.Ordinal)).ToDictionary(h => h["target:".Length..], Cell);
            var forbidden = header.Where(h => h.StartsWith("forbidden:", StringComparison.Ordinal))
                .ToDictionary(h => h["forbidden:".Length..], h => Cell(h).Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList());
            var dnt = Cell("do_not_translate").Trim().ToLowerInvariant();
            rows.Add((line, new TermInput(
                NullIfEmpty(Cell("source_culture")), Cell("source"), targets, dnt is "yes" or "true" or "1" or "x" or "是", forbidden,
                NullIfEmpty(Cell("part_of_speech")), NullIfEmpty(Cell("note")))));
        }

        return (rows, null);
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static void Line(StringBuilder csv, IEnumerable<string> fields) =>
        csv.AppendJoin(',', fields.Select(Field)).Append("\r\n");

    private static string Field(string value)
    {
        // A cell a spreadsheet would run as a formula is written as text.
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    private static string Unprotect(string value) => value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' ? value[1..] : value;

    /// <summary>RFC 4180 records with the line each starts on; quoted fields may hold commas, quotes and line breaks.</summary>
    private static List<(int Line, List<string> Fields)> Parse(string text)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var (line, recordLine, quoted, i) = (1, 1, false, 0);
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
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
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    records.Add((recordLine, fields));
                    fields = [];
                    recordLine = ++line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, fields));
        }

        return records;
    }
}
