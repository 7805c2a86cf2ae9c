using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ParkGlobalMedia.Tests.Infrastructure.Fakes;

/// <summary>A v2 (single language pair) DeepL glossary held by the fake.</summary>
public sealed record FakeDeepLGlossary(
    string Id, string Name, string SourceLang, string TargetLang, IReadOnlyList<KeyValuePair<string, string>> Entries, DateTimeOffset CreationTime)
{
    /// <summary>Same source language, and the target's language without its variant (an "en" glossary serves EN-GB and EN-US).</summary>
    public bool Serves(string sourceLang, string targetLang) =>
        SourceLang.Equals(sourceLang, StringComparison.OrdinalIgnoreCase)
        && TargetLang.Equals(targetLang.Split('-')[0], StringComparison.OrdinalIgnoreCase);

    internal object ToWire() => new
    {
        glossary_id = Id,
        name = Name,
        ready = true,
        source_lang = SourceLang,
        target_lang = TargetLang,
        creation_time = CreationTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        entry_count = Entries.Count,
    };
}

public sealed partial class FakeDeepL
{
    private readonly List<FakeDeepLGlossary> _glossaries = [];

    /// <summary>Creation times of new glossaries.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public IReadOnlyList<FakeDeepLGlossary> Glossaries
    {
        get
        {
            lock (_glossaries)
            {
                return [.. _glossaries];
            }
        }
    }

    /// <summary>Creates a glossary without HTTP, for tests that start with one in place.</summary>
    public FakeDeepLGlossary AddGlossary(string name, string sourceLang, string targetLang, params (string Source, string Target)[] entries)
    {
        var glossary = new FakeDeepLGlossary(
            Guid.NewGuid().ToString(), name, sourceLang.ToLowerInvariant(), targetLang.ToLowerInvariant(),
            [.. entries.Select(entry => KeyValuePair.Create(entry.Source, entry.Target))], Clock.GetUtcNow());
        lock (_glossaries)
        {
            _glossaries.Add(glossary);
        }

        return glossary;
    }

    private FakeDeepLGlossary? FindGlossary(string id)
    {
        lock (_glossaries)
        {
            return _glossaries.Find(glossary => glossary.Id == id);
        }
    }

    private void ClearGlossaries()
    {
        lock (_glossaries)
        {
            _glossaries.Clear();
        }

        Clock = TimeProvider.System;
    }

    private void MapGlossaries(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/v2/glossaries", new RequestDelegate(CreateGlossaryAsync));
        endpoints.MapGet("/v2/glossaries", new RequestDelegate(ListGlossariesAsync));
        endpoints.MapGet("/v2/glossaries/{id}", new RequestDelegate(GetGlossaryAsync));
        endpoints.MapGet("/v2/glossaries/{id}/entries", new RequestDelegate(GetGlossaryEntriesAsync));
        endpoints.MapDelete("/v2/glossaries/{id}", new RequestDelegate(DeleteGlossaryAsync));
    }

    private async Task CreateGlossaryAsync(HttpContext context)
    {
        if (!await AuthorizeAsync(context))
        {
            return;
        }

        var (parameters, invalid) = FakeDeepLParameters.Read(context.Request.ContentType, Body(context));
        if (parameters is null)
        {
            await WriteErrorAsync(context, 400, null, invalid!);
            return;
        }

        var name = parameters.One("name");
        var source = parameters.One("source_lang");
        var target = parameters.One("target_lang");
        var entries = parameters.One("entries");
        var format = parameters.One("entries_format") ?? "tsv";
        var missing = new[] { ("name", name), ("source_lang", source), ("target_lang", target), ("entries", entries) }.FirstOrDefault(p => p.Item2 is null).Item1;
        var problem =
            missing is not null ? $"Missing or invalid argument: {missing}."
            : !SourceLanguage().IsMatch(source!) || !SourceLanguage().IsMatch(target!) ? "Unsupported glossary language: use a two-letter code without a variant."
            : source!.Equals(target, StringComparison.OrdinalIgnoreCase) ? "The glossary's source and target languages must differ."
            : format is not ("tsv" or "csv") ? "Value for 'entries_format' not supported."
            : null;
        if (problem is not null)
        {
            await WriteErrorAsync(context, 400, null, problem);
            return;
        }

        var (pairs, entryError) = FakeDeepLGlossaryEntries.Parse(entries!, format);
        if (entryError is not null)
        {
            await WriteJsonAsync(context, 400, new { message = "Invalid glossary entries provided", detail = entryError });
            return;
        }

        var glossary = AddGlossary(name!, source!, target!, [.. pairs.Select(pair => (pair.Key, pair.Value))]);
        await WriteJsonAsync(context, 201, glossary.ToWire());
    }

    private async Task ListGlossariesAsync(HttpContext context)
    {
        if (await AuthorizeAsync(context))
        {
            await WriteJsonAsync(context, 200, new { glossaries = Glossaries.Select(glossary => glossary.ToWire()).ToList() });
        }
    }

    private async Task GetGlossaryAsync(HttpContext context)
    {
        if (await AuthorizeAsync(context) && await FindOrNotFoundAsync(context) is { } glossary)
        {
            await WriteJsonAsync(context, 200, glossary.ToWire());
        }
    }

    private async Task GetGlossaryEntriesAsync(HttpContext context)
    {
        if (await AuthorizeAsync(context) && await FindOrNotFoundAsync(context) is { } glossary)
        {
            context.Response.ContentType = "text/tab-separated-values; charset=utf-8";
            await context.Response.WriteAsync(string.Join("\n", glossary.Entries.Select(entry => $"{entry.Key}\t{entry.Value}")));
        }
    }

    private async Task DeleteGlossaryAsync(HttpContext context)
    {
        if (await AuthorizeAsync(context) && await FindOrNotFoundAsync(context) is { } glossary)
        {
            lock (_glossaries)
            {
                _glossaries.Remove(glossary);
            }

            context.Response.StatusCode = 204;
        }
    }

    private async Task<FakeDeepLGlossary?> FindOrNotFoundAsync(HttpContext context)
    {
        var glossary = FindGlossary((string)context.Request.RouteValues["id"]!);
        if (glossary is null)
        {
            await WriteErrorAsync(context, 404, null, "Glossary not found.");
        }

        return glossary;
    }
}
