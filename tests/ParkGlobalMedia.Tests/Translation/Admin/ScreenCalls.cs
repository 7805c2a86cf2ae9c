using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ParkGlobalMedia.Tests.Infrastructure;

namespace ParkGlobalMedia.Tests.Translation.Admin;

/// <summary>What a browser without script does on the termbase and memory screens: submit a form as filled in, upload a file.</summary>
internal static class ScreenCalls
{
    private static readonly HtmlParser Parser = new();

    /// <summary>Loads the page, takes the form's current values (hidden token included), applies the changes and posts it.</summary>
    public static async Task<(HttpStatusCode Status, IHtmlDocument Page, HttpResponseMessage Response)> PostFormAsync(
        this AdminSession session, string pageUrl, string formSelector, Dictionary<string, string?> changes)
    {
        var (_, page) = await session.GetAsync(pageUrl);
        var form = page.QuerySelector(formSelector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}: {page.Title}");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var control in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = control.GetAttribute("name")!;
            if (changes.ContainsKey(name))
            {
                continue;
            }

            switch (control)
            {
                case IHtmlInputElement { Type: "checkbox" } box:
                    if (box.IsChecked) { values.Add(new(name, box.Value)); }
                    break;
                case IHtmlInputElement input:
                    values.Add(new(name, input.Value));
                    break;
                case IHtmlSelectElement select:
                    values.Add(new(name, select.Value ?? ""));
                    break;
                case IHtmlTextAreaElement area:
                    values.Add(new(name, area.Value));
                    break;
            }
        }

        values.AddRange(changes.Where(c => c.Value is not null).Select(c => new KeyValuePair<string, string>(c.Key, c.Value!)));
        var action = form.GetAttribute("action") is { Length: > 0 } explicitAction ? explicitAction : pageUrl;
        var response = await session.Client.PostAsync(action, new FormUrlEncodedContent(values));
        return (response.StatusCode, Parser.ParseDocument(await response.Content.ReadAsStringAsync()), response);
    }

    /// <summary>Uploads a file through the import form on <paramref name="pageUrl"/>, as a browser posts multipart/form-data.</summary>
    public static async Task<(HttpStatusCode Status, IHtmlDocument Page, HttpResponseMessage Response)> UploadAsync(
        this AdminSession session, string pageUrl, string format, string fileName, byte[] content)
    {
        var (_, page) = await session.GetAsync(pageUrl);
        var form = page.QuerySelector("main form[enctype='multipart/form-data']") ?? throw new InvalidOperationException($"No upload form on {pageUrl}: {page.Title}");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var body = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(format), "format" },
            { new ByteArrayContent(content), "file", fileName },
        };
        var response = await session.Client.PostAsync(form.GetAttribute("action"), body);
        return (response.StatusCode, Parser.ParseDocument(await response.Content.ReadAsStringAsync()), response);
    }

    /// <summary>The messages of the page's error summary.</summary>
    public static List<string> ErrorMessages(this IDocument page) =>
        page.QuerySelectorAll("main .errors li").Select(li => li.TextContent.Trim()).ToList();

    public static string? Notice(this IDocument page) => page.QuerySelector("main .notice")?.TextContent.Trim();
}
