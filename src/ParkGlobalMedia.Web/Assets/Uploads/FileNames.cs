using System.Globalization;
using System.Text;

namespace ParkGlobalMedia.Assets.Uploads;

/// <summary>
/// Cleans an uploader's file name for display. It is never used as a path (storage keys are ids), but it is shown in
/// the admin UI and offered in downloads, so directory parts, control and bidi-override characters go and the length
/// is bounded without splitting a character.
/// </summary>
public static class FileNames
{
    public const int MaxLength = 200;

    public static string Clean(string? name, string extension)
    {
        var text = (name ?? "").Replace('\\', '/');
        text = text[(text.LastIndexOf('/') + 1)..];
        var cleaned = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
            {
                continue;
            }

            cleaned.Append(rune.ToString());
        }

        var result = cleaned.ToString().Trim().Trim('.').Trim();
        if (result.Length == 0)
        {
            return $"upload.{extension}";
        }

        if (result.Length > MaxLength)
        {
            var info = new StringInfo(result);
            var take = MaxLength;
            while (take > 0 && info.SubstringByTextElements(0, Math.Min(take, info.LengthInTextElements)).Length > MaxLength)
            {
                take--;
            }

            result = info.SubstringByTextElements(0, Math.Min(take, info.LengthInTextElements));
        }

        return result;
    }
}
