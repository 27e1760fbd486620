namespace SelfService.Testing.Browser;

/// <summary>How <see cref="ChromiumSession"/> starts the browser.</summary>
public sealed class ChromiumOptions
{
    /// <summary>Debian's Chromium; Playwright never downloads a browser here.</summary>
    public string ExecutablePath { get; init; } = "/usr/bin/chromium";

    /// <summary>The browser's language (navigator.language and Accept-Language).</summary>
    public string Locale { get; init; } = "ru-RU";

    public int ViewportWidth { get; init; } = 900;
    public int ViewportHeight { get; init; } = 1000;

    /// <summary>How long Playwright waits for a page, a locator or an action.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}
