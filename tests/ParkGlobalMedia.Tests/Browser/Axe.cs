using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace ParkGlobalMedia.Tests.Browser;

public sealed record AxeViolation(string Id, string Impact, string Help, IReadOnlyList<string> Targets);

/// <summary>Runs axe-core (installed by scripts/install-test-deps.sh) against the current page.</summary>
public static class Axe
{
    private const string RunScript = """
        async () => {
            const result = await axe.run(document, {
                runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
            });
            return result.violations.map(v => ({
                id: v.id,
                impact: v.impact ?? '',
                help: v.help,
                // A target is one selector per frame/shadow root; flatten it into one readable string.
                targets: v.nodes.map(n => n.target.flat().join(' >> ')),
            }));
        }
        """;

    private static readonly Lazy<string> Source = new(() => File.ReadAllText(FindAxeJs()));

    public static async Task<IReadOnlyList<AxeViolation>> RunAsync(IPage page)
    {
        // Evaluated rather than added as a <script> tag: a Content-Security-Policy on our pages
        // would block an inline script, but not DevTools evaluation. Re-inject after navigations.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(Source.Value);
        }

        var json = await page.EvaluateAsync<JsonElement>(RunScript);
        return json.EnumerateArray()
            .Select(v => new AxeViolation(
                v.GetProperty("id").GetString()!,
                v.GetProperty("impact").GetString()!,
                v.GetProperty("help").GetString()!,
                v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()!).ToList()))
            .ToList();
    }

    /// <summary>One line per violation, for assertion messages.</summary>
    public static string Describe(IReadOnlyList<AxeViolation> violations)
    {
        var text = new StringBuilder($"{violations.Count} accessibility violation(s):");
        foreach (var v in violations)
        {
            text.Append($"\n  {v.Id} [{v.Impact}] {v.Help}: {string.Join(", ", v.Targets)}");
        }

        return text.ToString();
    }

    /// <summary>Full-page PNG at TestResults/screenshots/{name}.png under the test output dir.</summary>
    /// <summary>A full-page PNG under TestResults/screenshots; returns its path (tests print it to their output).</summary>
    /// <summary>Saves a screenshot under <paramref name="name"/>, then fails with every axe-core violation on the page.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string name)
    {
        await SaveScreenshotAsync(page, name);
        var violations = await RunAsync(page);
        Assert.True(violations.Count == 0, $"{name}: {Describe(violations)}");
    }

    public static async Task<string> SaveScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots", name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    private static string FindAxeJs()
    {
        if (Environment.GetEnvironmentVariable("PGM_AXE_JS") is { Length: > 0 } env)
        {
            return File.Exists(env) ? env : throw new FileNotFoundException($"PGM_AXE_JS points at a missing file: {env}");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ParkGlobalMedia.sln")))
            {
                var path = Path.Combine(dir.FullName, ".tools", "axe", "node_modules", "axe-core", "axe.min.js");
                return File.Exists(path)
                    ? path
                    : throw new FileNotFoundException($"axe-core not found at {path}. Run scripts/install-test-deps.sh.");
            }
        }

        throw new FileNotFoundException(
            $"No ParkGlobalMedia.sln above {AppContext.BaseDirectory}; set PGM_AXE_JS to axe.min.js.");
    }
}
