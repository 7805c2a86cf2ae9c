using Microsoft.AspNetCore.Html;
using ParkGlobalMedia.Admin.Localization;
using ParkGlobalMedia.Translation.Memory;

namespace ParkGlobalMedia.Translation.Admin;

/// <summary>
/// A memory match's difference to the new source as HTML: removed text in &lt;del&gt;, added in &lt;ins&gt;, each also
/// named in words for screen readers (struck-through and underlined are not enough on their own).
/// </summary>
public static class DifferenceHtml
{
    public static IHtmlContent Render(MemoryMatch match, AdminText text)
    {
        var html = new HtmlContentBuilder();
        foreach (var part in match.Difference)
        {
            var tag = part.Kind switch { "removed" => "del", "added" => "ins", _ => null };
            if (tag is null)
            {
                html.Append(part.Text);
                continue;
            }

            html.AppendHtml($"<{tag}><span class=\"visually-hidden\">[").Append(text[$"memory.{part.Kind}"]).AppendHtml("] </span>")
                .Append(part.Text).AppendHtml($"</{tag}>");
        }

        return html;
    }
}
