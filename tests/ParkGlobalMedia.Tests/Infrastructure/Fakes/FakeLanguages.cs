namespace ParkGlobalMedia.Tests.Infrastructure.Fakes;

/// <summary>Just enough language knowledge for the fakes: detection by script, and "is this English".</summary>
public static class FakeLanguages
{
    /// <summary>The language of the first letter with a telling script (Azure-style code); "en" when there is none.</summary>
    public static string Detect(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            var value = rune.Value;
            switch (value)
            {
                case >= 0x3040 and <= 0x30FF:
                    return "ja";
                case >= 0xAC00 and <= 0xD7AF:
                    return "ko";
                case (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF):
                    return "zh-Hans";
                case >= 0x0600 and <= 0x06FF:
                    return "ar";
                case >= 0x0400 and <= 0x04FF:
                    return "ru";
            }
        }

        return "en";
    }

    /// <summary>The same as <see cref="Detect"/>, the way DeepL names it (ZH, AR, EN …).</summary>
    public static string DetectDeepL(string text) => Detect(text).Split('-')[0].ToUpperInvariant();

    public static bool IsEnglish(string code) =>
        code.Equals("en", StringComparison.OrdinalIgnoreCase) || code.StartsWith("en-", StringComparison.OrdinalIgnoreCase);
}
