using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace SelfService.Channels;

/// <summary>
/// Content-Security-Policy for the customers' pages: scripts only from the gateway itself, plus the page's own inline
/// scripts by their SHA-256 hashes (computed from the page as served, so an edit to the page cannot silently break it).
/// </summary>
public static partial class PageSecurityPolicy
{
    /// <summary>The policy for <paramref name="html"/>. Inline styles are allowed only when a page's widget injects them at run time.</summary>
    public static string For(string html, bool allowInjectedStyles = false)
    {
        var scripts = string.Join(' ', InlineScripts().Matches(html).Select(m => Hash(m.Groups[1].Value)));
        var styles = allowInjectedStyles ? "'unsafe-inline'" : string.Join(' ', InlineStyles().Matches(html).Select(m => Hash(m.Groups[1].Value)));
        return "default-src 'self'; "
            + $"script-src 'self' {scripts}; "
            + $"style-src 'self' {styles}; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'";
    }

    private static string Hash(string inline) => "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline))) + "'";

    [GeneratedRegex(@"<script>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScripts();

    [GeneratedRegex(@"<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex InlineStyles();
}
