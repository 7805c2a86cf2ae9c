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
        var values = AdminSession.FormValues(form, changes);
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

    /// <summary>A short random text that makes a test's entries its own in a database other tests share.</summary>
    public static string Unique() => Guid.NewGuid().ToString("N")[..6];

    /// <summary>The antiforgery token of the page's first form (the header's language form on any admin page).</summary>
    public static string Token(this IDocument page) => page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    /// <summary>Posts fields with <paramref name="page"/>'s token straight to <paramref name="url"/>, as a crafted request would.</summary>
    public static async Task<(HttpStatusCode Status, IHtmlDocument Page, HttpResponseMessage Response)> PostWithTokenAsync(
        this AdminSession session, IDocument page, string url, Dictionary<string, string>? fields = null)
    {
        var values = new Dictionary<string, string>(fields ?? []) { ["__RequestVerificationToken"] = page.Token() };
        var response = await session.Client.PostAsync(url, new FormUrlEncodedContent(values));
        return (response.StatusCode, Parser.ParseDocument(await response.Content.ReadAsStringAsync()), response);
    }

    /// <summary>The messages of the page's error summary.</summary>
    public static List<string> ErrorMessages(this IDocument page) =>
        page.QuerySelectorAll("main .errors li").Select(li => li.TextContent.Trim()).ToList();

    public static string? Notice(this IDocument page) => page.QuerySelector("main .notice")?.TextContent.Trim();
}
