using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ParkGlobalMedia.Tests.Infrastructure;

/// <summary>A browser-like admin session over HTTP: cookies, antiforgery tokens from the rendered forms, redirects seen.</summary>
public sealed class AdminSession(HttpClient client)
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Client => client;

    public static async Task<AdminSession> SignInAsync(AppFactory app, string email, string? language = "en")
    {
        var session = new AdminSession(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        if (language is not null)
        {
            session.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        var (status, _) = await session.SubmitAsync("/admin/login", "main form", new() { ["email"] = email, ["password"] = AppFactory.Password });
        Assert.True(status == HttpStatusCode.Redirect, $"sign-in of {email} failed with {status}");
        return session;
    }

    public async Task<(HttpStatusCode Status, IHtmlDocument Page)> GetAsync(string url)
    {
        using var response = await client.GetAsync(url);
        return (response.StatusCode, Parser.ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Loads <paramref name="pageUrl"/>, fills the form matched by <paramref name="formSelector"/> and posts it.</summary>
    public async Task<(HttpStatusCode Status, HttpResponseMessage Response)> SubmitAsync(
        string pageUrl, string formSelector, Dictionary<string, string> fields, string? submitName = null, string? submitValue = null)
    {
        var (_, page) = await GetAsync(pageUrl);
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
                   ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}: {page.Title}");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>())
        {
            if (!fields.ContainsKey(input.Name!))
            {
                values.Add(new(input.Name!, input.Value));
            }
        }

        values.AddRange(fields);
        if (submitName is not null)
        {
            values.Add(new(submitName, submitValue ?? ""));
        }

        var action = form.GetAttribute("action") is { Length: > 0 } explicitAction ? explicitAction : pageUrl;
        var response = await client.PostAsync(action, new FormUrlEncodedContent(values));
        return (response.StatusCode, response);
    }

    /// <summary>What a browser posts for <paramref name="form"/>: every named control's current value, then the changes.</summary>
    public static List<KeyValuePair<string, string>> FormValues(IElement form, IReadOnlyDictionary<string, string?> changes)
    {
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
        return values;
    }
}
