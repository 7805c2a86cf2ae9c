using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ParkGlobalMedia.Content.Stories;
using ParkGlobalMedia.Translation.Glossary;
using ParkGlobalMedia.Translation.Segmentation;

namespace ParkGlobalMedia.Translation.Quality;

public enum QaSeverity
{
    /// <summary>Shown to the reviewer; approval is still possible.</summary>
    Warning,

    /// <summary>Approval waits until it is fixed.</summary>
    Error,
}

/// <param name="Check">tags, untranslated, numbers, glossary, forbidden, length.</param>
public sealed record QaFinding(string SegmentId, string Check, QaSeverity Severity, string Message);

/// <summary>
/// The checks a translated segment goes through before its variant may be approved, each a warning or a blocking
/// error: lost or invented tags (links, images, code) and markup a translation defeated, segments left as the
/// source, numbers that differ, required glossary terms missing and forbidden ones used, and the length limits of
/// the title, summary and SEO fields. Pure functions of the segment, its translation and the terms.
/// </summary>
public static partial class QualityChecks
{
    /// <summary>SEO fields beyond these are cut by search engines: a warning, not a refusal.</summary>
    public const int SeoTitleAdvised = 60;
    public const int SeoDescriptionAdvised = 160;

    public static IReadOnlyList<QaFinding> Check(Segment source, string translated, string targetCulture, IReadOnlyList<Term> terms)
    {
        var findings = new List<QaFinding>();
        void Add(string check, QaSeverity severity, string message) => findings.Add(new QaFinding(source.Id, check, severity, message));

        var (_, tagProblems) = TaggedText.Parse(translated, source.Tags);
        foreach (var problem in tagProblems)
        {
            Add("tags", QaSeverity.Error, problem);
        }

        if (source.Tags.Count > 0 && tagProblems.Count == 0)
        {
            var slot = new SegmentSlot(0, -1, "", source.Kind == SegmentKind.TableCell);
            foreach (var problem in MarkdownReassembler.ToMarkdown(source, translated, slot).Problems)
            {
                Add("tags", QaSeverity.Error, problem);
            }
        }

        var sourceText = TaggedText.PlainText(source.Text).Trim();
        var targetText = TaggedText.PlainText(translated).Trim();
        if (targetText.Length == 0 && sourceText.Length > 0)
        {
            Add("untranslated", QaSeverity.Error, "The translation is empty.");
        }
        else if (Squash(sourceText) == Squash(targetText) && sourceText.Any(char.IsLetter) && !IsOnlyNames(sourceText, terms))
        {
            Add("untranslated", QaSeverity.Warning, "The translation is the same as the source.");
        }

        var (sourceNumbers, targetNumbers) = (Numbers(sourceText), Numbers(targetText));
        var missing = Missing(sourceNumbers, targetNumbers);
        var extra = Missing(targetNumbers, sourceNumbers);
        if (missing.Count > 0 || extra.Count > 0)
        {
            Add("numbers", QaSeverity.Warning,
                $"Numbers differ from the source: {(missing.Count > 0 ? $"missing {string.Join(", ", missing)}" : "")}" +
                $"{(missing.Count > 0 && extra.Count > 0 ? "; " : "")}{(extra.Count > 0 ? $"not in the source {string.Join(", ", extra)}" : "")}. " +
                "Dates and units may legitimately be written differently; check them.");
        }

        foreach (var term in terms.Where(t => sourceText.Contains(t.Source, StringComparison.Ordinal)))
        {
            if (term.DoNotTranslate && !targetText.Contains(term.Source, StringComparison.Ordinal))
            {
                Add("glossary", QaSeverity.Error, $"'{term.Source}' is a name that stays as written, and the translation does not have it.");
            }
            else if (!term.DoNotTranslate && term.Targets.TryGetValue(targetCulture, out var required) && !targetText.Contains(required, StringComparison.OrdinalIgnoreCase))
            {
                Add("glossary", QaSeverity.Error, $"The termbase translates '{term.Source}' as '{required}', which the translation does not use.");
            }
        }

        foreach (var term in terms)
        {
            foreach (var word in term.Forbidden.GetValueOrDefault(targetCulture) ?? [])
            {
                if (targetText.Contains(word, StringComparison.OrdinalIgnoreCase))
                {
                    Add("forbidden", QaSeverity.Error, $"'{word}' is a forbidden way to write '{term.Source}'{(term.Targets.TryGetValue(targetCulture, out var right) ? $"; use '{right}'" : "")}.");
                }
            }
        }

        var (limit, advised) = source.Kind switch
        {
            SegmentKind.Title => (StoryLimits.TitleLength, (int?)null),
            SegmentKind.Summary => (StoryLimits.SummaryLength, null),
            SegmentKind.SeoTitle => (StoryLimits.SeoTitleLength, SeoTitleAdvised),
            SegmentKind.SeoDescription => (StoryLimits.SeoDescriptionLength, SeoDescriptionAdvised),
            _ => (0, null),
        };
        var length = new StringInfo(targetText).LengthInTextElements;
        if (limit > 0 && length > limit)
        {
            Add("length", QaSeverity.Error, $"{length} characters; the {source.Kind} field takes at most {limit}.");
        }
        else if (advised is { } soft && length > soft)
        {
            Add("length", QaSeverity.Warning, $"{length} characters; search engines show about {soft} of a {source.Kind}.");
        }

        return findings;
    }

    /// <summary>Blocking findings stop approval.</summary>
    public static bool BlocksApproval(IEnumerable<QaFinding> findings) => findings.Any(f => f.Severity == QaSeverity.Error);

    private static string Squash(string text) => new(text.Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c)).ToArray());

    /// <summary>A segment made only of do-not-translate names (a product list) is rightly left as it is.</summary>
    private static bool IsOnlyNames(string text, IReadOnlyList<Term> terms)
    {
        var rest = terms.Where(t => t.DoNotTranslate).OrderByDescending(t => t.Source.Length)
            .Aggregate(text, (current, term) => current.Replace(term.Source, "", StringComparison.Ordinal));
        return !rest.Any(char.IsLetter);
    }

    [GeneratedRegex(@"\d+(?:[.,]\d+)*")]
    private static partial Regex NumberPattern();

    /// <summary>The numbers in a text, normalized: full-width digits to ASCII, thousands separators dropped ("1,200" = "1200"), "3,5" = "3.5".</summary>
    internal static List<string> Numbers(string text)
    {
        var ascii = text.Normalize(NormalizationForm.FormKC);
        return NumberPattern().Matches(ascii).Select(m =>
        {
            var value = m.Value;
            // "1,200" and "1.200" are thousands; "3,5" and "3.5" are decimals: a separator followed by exactly 3 digits groups.
            var parts = Regex.Split(value, "[.,]");
            if (parts.Length > 1 && parts.Skip(1).All(p => p.Length == 3))
            {
                return string.Concat(parts).TrimStart('0') is { Length: > 0 } whole ? whole : "0";
            }

            return value.Replace(',', '.');
        }).ToList();
    }

    private static List<string> Missing(List<string> from, List<string> other)
    {
        var left = other.ToList();
        var missing = new List<string>();
        foreach (var number in from)
        {
            if (!left.Remove(number))
            {
                missing.Add(number);
            }
        }

        return missing;
    }
}
