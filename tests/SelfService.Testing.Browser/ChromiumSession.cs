using Microsoft.Playwright;

namespace SelfService.Testing.Browser;

/// <summary>
/// A headless Chromium (Debian's, at /usr/bin/chromium) driven by Playwright, with a fresh profile in a temporary folder
/// that goes away with the session. Nothing is downloaded: the Playwright driver comes inside its NuGet package, and the
/// browser is told not to talk to anything of its own (no updates, sync or background networking).
/// </summary>
public sealed class ChromiumSession : IAsyncDisposable
{
    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly TemporaryFolder _profile;

    private ChromiumSession(IPlaywright playwright, TemporaryFolder profile, IBrowserContext context, IPage page)
    {
        _playwright = playwright;
        _profile = profile;
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }

    /// <summary>The session's first tab.</summary>
    public IPage Page { get; }

    public static async Task<ChromiumSession> StartAsync(ChromiumOptions? options = null)
    {
        options ??= new ChromiumOptions();
        if (!File.Exists(options.ExecutablePath))
            throw new FileNotFoundException($"Chromium is not at {options.ExecutablePath}: run tests/install-peers.", options.ExecutablePath);
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");

        var playwright = await Playwright.CreateAsync();
        var profile = new TemporaryFolder();
        try
        {
            var context = await playwright.Chromium.LaunchPersistentContextAsync(profile.Path, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = options.ExecutablePath,
                Headless = true,
                Args = Arguments,
                Locale = options.Locale,
                ViewportSize = new ViewportSize { Width = options.ViewportWidth, Height = options.ViewportHeight },
                Timeout = (float)options.Timeout.TotalMilliseconds,
            });
            context.SetDefaultTimeout((float)options.Timeout.TotalMilliseconds);
            var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
            return new ChromiumSession(playwright, profile, context, page);
        }
        catch
        {
            playwright.Dispose();
            profile.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try { await Context.CloseAsync(); }
        finally
        {
            _playwright.Dispose();
            _profile.Dispose();
        }
    }
}
