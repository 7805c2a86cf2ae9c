namespace ParkGlobalMedia.Content.Stories;

public enum DiffLineKind
{
    Unchanged,
    Added,
    Removed,
}

/// <summary>One line of a diff. Line numbers are 1-based; a side the line does not exist on has null.</summary>
public sealed record DiffLine(DiffLineKind Kind, string Text, int? OldLineNumber, int? NewLineNumber);

/// <summary>
/// Line diff between two revisions of a story body (Myers, "An O(ND) Difference Algorithm"). Cost grows with the
/// number of changed lines, so past <see cref="MaxEdits"/> the changed middle is shown as removed-then-added: still a
/// correct diff, just not a minimal one, and a rewrite that large reads no better line by line.
/// </summary>
public static class TextDiff
{
    private const int MaxEdits = 1_000;

    /// <summary>
    /// \r\n is read as \n, and a final newline does not make an extra empty line, so saving from another OS or editor
    /// shows no change.
    /// </summary>
    public static IReadOnlyList<DiffLine> Lines(string oldText, string newText)
    {
        var oldLines = SplitLines(oldText);
        var newLines = SplitLines(newText);

        // Compare small ints instead of strings in the inner loop.
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var a = oldLines.Select(line => Intern(ids, line)).ToArray();
        var b = newLines.Select(line => Intern(ids, line)).ToArray();

        // Most edits touch a few lines; trimming the common ends keeps the search to those.
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }

        var result = new List<DiffLine>(Math.Max(a.Length, b.Length));
        for (var i = 0; i < prefix; i++)
        {
            result.Add(new DiffLine(DiffLineKind.Unchanged, oldLines[i], i + 1, i + 1));
        }

        var middle = Myers.Diff(a.AsSpan(prefix, a.Length - prefix - suffix), b.AsSpan(prefix, b.Length - prefix - suffix), MaxEdits)
            ?? ReplaceAll(a.Length - prefix - suffix, b.Length - prefix - suffix);
        foreach (var (kind, oldIndex, newIndex) in middle)
        {
            result.Add(kind switch
            {
                DiffLineKind.Removed => new DiffLine(kind, oldLines[prefix + oldIndex], prefix + oldIndex + 1, null),
                DiffLineKind.Added => new DiffLine(kind, newLines[prefix + newIndex], null, prefix + newIndex + 1),
                _ => new DiffLine(kind, oldLines[prefix + oldIndex], prefix + oldIndex + 1, prefix + newIndex + 1),
            });
        }

        for (var i = suffix; i > 0; i--)
        {
            result.Add(new DiffLine(DiffLineKind.Unchanged, oldLines[^i], oldLines.Length - i + 1, newLines.Length - i + 1));
        }

        return result;
    }

    private static string[] SplitLines(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return lines[^1].Length == 0 ? lines[..^1] : lines;
    }

    private static int Intern(Dictionary<string, int> ids, string line)
    {
        if (!ids.TryGetValue(line, out var id))
        {
            id = ids.Count;
            ids.Add(line, id);
        }

        return id;
    }

    private static List<(DiffLineKind Kind, int OldIndex, int NewIndex)> ReplaceAll(int oldCount, int newCount)
    {
        var edits = new List<(DiffLineKind, int, int)>(oldCount + newCount);
        edits.AddRange(Enumerable.Range(0, oldCount).Select(i => (DiffLineKind.Removed, i, -1)));
        edits.AddRange(Enumerable.Range(0, newCount).Select(i => (DiffLineKind.Added, -1, i)));
        return edits;
    }

    private static class Myers
    {
        /// <summary>The edit script as (kind, old index, new index), or null when it needs more than maxEdits edits.</summary>
        public static List<(DiffLineKind Kind, int OldIndex, int NewIndex)>? Diff(ReadOnlySpan<int> a, ReadOnlySpan<int> b, int maxEdits)
        {
            int n = a.Length, m = b.Length, max = n + m;
            var offset = max + 1;
            var v = new int[(2 * max) + 3]; // v[offset + k]: furthest x reached on diagonal k = x - y
            var trace = new List<int[]>(); // trace[d]: v[-d..d] as it was before step d, for the walk back

            for (var d = 0; d <= Math.Min(max, maxEdits); d++)
            {
                trace.Add(v[(offset - d)..(offset + d + 1)]);
                for (var k = -d; k <= d; k += 2)
                {
                    var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])
                        ? v[offset + k + 1] // step down: insert b[y]
                        : v[offset + k - 1] + 1; // step right: delete a[x]
                    var y = x - k;
                    while (x < n && y < m && a[x] == b[y])
                    {
                        x++;
                        y++;
                    }

                    v[offset + k] = x;
                    if (x >= n && y >= m)
                    {
                        return Backtrack(trace, n, m);
                    }
                }
            }

            return null;
        }

        private static List<(DiffLineKind, int, int)> Backtrack(List<int[]> trace, int n, int m)
        {
            var edits = new List<(DiffLineKind, int, int)>();
            int x = n, y = m;
            for (var d = trace.Count - 1; d >= 0; d--)
            {
                var v = trace[d]; // index k + d
                var k = x - y;
                int prevX = 0, prevY = 0;
                if (d > 0)
                {
                    var prevK = k == -d || (k != d && v[k - 1 + d] < v[k + 1 + d]) ? k + 1 : k - 1;
                    prevX = v[prevK + d];
                    prevY = prevX - prevK;
                }

                while (x > prevX && y > prevY)
                {
                    edits.Add((DiffLineKind.Unchanged, --x, --y));
                }

                if (d > 0)
                {
                    edits.Add(x == prevX ? (DiffLineKind.Added, -1, --y) : (DiffLineKind.Removed, --x, -1));
                }
            }

            edits.Reverse();
            return edits;
        }
    }
}
