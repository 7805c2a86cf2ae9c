namespace ParkGlobalMedia.Tests.Browser;

/// <summary>Proves the axe harness can fail: an inaccessible page must produce violations.</summary>
[Collection("browser")]
public sealed class AxeSelfTests(BrowserFixture browser)
{
    // A full document with lang and title: SetContentAsync keeps the <html> attributes.
    private const string AccessiblePage = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Accessible page</title></head>
        <body>
          <main>
            <h1>Search</h1>
            <label for="q">Search terms</label>
            <input id="q" type="text">
          </main>
        </body>
        </html>
        """;

    private const string BrokenPage = """
        <!doctype html>
        <html>
        <head><meta charset="utf-8"><title>Broken page</title></head>
        <body>
          <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
          <input type="text">
        </body>
        </html>
        """;

    [Fact]
    public async Task Axe_finds_nothing_on_an_accessible_page()
    {
        var violations = await RunAxeOnAsync(AccessiblePage);

        Assert.True(violations.Count == 0, Axe.Describe(violations));
    }

    [Fact]
    public async Task Axe_reports_an_image_without_alt_text()
    {
        var violations = await RunAxeOnAsync(BrokenPage);

        Assert.True(violations.Any(v => v.Id == "image-alt"), Axe.Describe(violations));
    }

    [Fact]
    public async Task Axe_reports_an_unlabelled_input_and_a_missing_lang()
    {
        var violations = await RunAxeOnAsync(BrokenPage);

        Assert.True(violations.Any(v => v.Id == "label"), Axe.Describe(violations));
        Assert.True(violations.Any(v => v.Id == "html-has-lang"), Axe.Describe(violations));
    }

    private async Task<IReadOnlyList<AxeViolation>> RunAxeOnAsync(string html)
    {
        var page = await browser.NewPageAsync();
        await using var context = page.Context;
        await page.SetContentAsync(html);
        return await Axe.RunAsync(page);
    }
}
