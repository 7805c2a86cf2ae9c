namespace ParkGlobalMedia.Markdown;

/// <summary>
/// A rendered body. <see cref="Html"/> is safe to embed as-is; <see cref="PlainText"/> and <see cref="Excerpt"/> are
/// unescaped text for search, feeds and meta tags. <see cref="WordCount"/> counts each CJK character as one word.
/// </summary>
public sealed record RenderedMarkdown(
    string Html,
    string PlainText,
    string Excerpt,
    int WordCount,
    int ReadingMinutes,
    IReadOnlyList<string> AssetIds);
