using Microsoft.Playwright;

namespace ParkGlobalMedia.Tests.Browser;

[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;

/// <summary>
/// One headless Chromium for the whole "browser" collection; each page gets its own context,
/// so cookies, storage and locale never leak between tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    // Playwright cannot download its own browser here, so we drive Debian's chromium package.
    // The network flags stop Chromium phoning home, which the closed network refuses noisily.
    private static readonly string[] LaunchArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("BrowserFixture is not initialised.");

    public async Task InitializeAsync()
    {
        var path = Environment.GetEnvironmentVariable("PGM_CHROMIUM") is { Length: > 0 } env ? env : "/usr/bin/chromium";
        // Fail, never skip: a missing browser must not turn the accessibility tests green.
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Chromium not found at '{path}'. Run scripts/install-test-deps.sh (or set PGM_CHROMIUM to a Chromium binary).");
        }

        _playwright = await Playwright.CreateAsync();
        try
        {
            _browser = await _playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = path,
                Headless = true,
                Args = LaunchArgs,
            });
        }
        catch (PlaywrightException e)
        {
            throw new InvalidOperationException(
                $"Chromium at '{path}' failed to start; run scripts/install-test-deps.sh. {e.Message}", e);
        }
    }

    /// <summary>A page in a fresh context. Close it with <c>await page.Context.CloseAsync()</c>,
    /// or leave it: disposing the fixture closes the browser and every context.</summary>
    public async Task<IPage> NewPageAsync(string? locale = null)
    {
        var context = await Browser.NewContextAsync(new() { Locale = locale, IgnoreHTTPSErrors = false });
        return await context.NewPageAsync();
    }

    /// <summary>A page the size of a common phone (390 × 844 CSS pixels, touch), where most readers arrive from social posts.</summary>
    public async Task<IPage> NewPhonePageAsync(string locale)
    {
        var context = await Browser.NewContextAsync(new()
        {
            Locale = locale, ViewportSize = new() { Width = 390, Height = 844 }, DeviceScaleFactor = 2, IsMobile = true, HasTouch = true,
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
