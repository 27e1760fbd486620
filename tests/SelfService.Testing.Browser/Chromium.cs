using Microsoft.Playwright;

namespace SelfService.Testing.Browser;

/// <summary>
/// Debian's Chromium (/usr/bin/chromium, installed by tests/install-peers), driven by Playwright, headless, with
/// a fresh profile per launch and a fresh context (cookies, storage: one person) per page. Playwright never downloads
/// a browser here: its driver comes inside the NuGet package. The flags keep Chromium from reaching for Google's
/// services (updates, sync, background networking), which this machine's closed network refuses.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    /// <summary>How long Playwright waits for a page, a locator or an action (assertions keep their own 5 s default).</summary>
    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(30);

    public static async Task<Chromium> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath)) throw new FileNotFoundException("Chromium is not installed: run tests/install-peers.", ExecutablePath);
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath, Headless = true, Args = Flags,
        });
        return new Chromium(playwright, browser);
    }

    /// <summary>A new browser context (its own cookies and storage: one person) with a page open on <paramref name="baseAddress"/>.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress, string locale = "ru-RU")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(), Locale = locale, ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout((float)Timeout.TotalMilliseconds);
        return await context.NewPageAsync();
    }

    /// <summary>Saves a full-page screenshot under artifacts/screenshots in the checkout and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
