using Ganss.Xss;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SelfService.Channels.Text;

/// <summary>
/// The one Markdown renderer of the gateway: the web chat's answers, the email's HTML part and the editors' preview all
/// come from here. Answers quote customers' words and editors write articles, so nothing in the text may run or reach out:
/// raw HTML is shown as text, links other than web, mail and phone ones (javascript:, data:...) are made inert, an image
/// from another host is shown as a link instead of being loaded (a tracking pixel must not reach the customer), and an
/// HTML sanitizer checks the result as a backstop.
/// </summary>
public static class MarkdownHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    private static readonly string[] SafeSchemes = ["http", "https", "mailto", "tel"];

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url)) link.Url = "#";
            // Images only from the gateway itself: anything with a host of its own becomes a plain link.
            else if (link.IsImage && HasScheme(link.Url)) link.IsImage = false;
        }
        foreach (var link in document.Descendants<AutolinkInline>().Where(l => !l.IsEmail && !IsSafe(l.Url))) link.Url = "#";

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return Sanitizer.Sanitize(writer.ToString());
    }

    /// <summary>The text a reader sees, without the markup: what chat apps count towards their message limits.</summary>
    public static string ToPlainText(string markdown) => Markdown.ToPlainText(markdown ?? "", Pipeline).TrimEnd();

    /// <summary>Relative addresses and the schemes in <see cref="SafeSchemes"/>; anything else with a scheme is not.</summary>
    private static bool IsSafe(string? url) =>
        SchemeOf(url) is not { } scheme || scheme.Length == 0 || SafeSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase);

    /// <summary>An address of another host: with a scheme of its own, or protocol-relative ("//host/...").</summary>
    private static bool HasScheme(string? url) => SchemeOf(url) is not null;

    /// <summary>The scheme before the first ':' that comes before any '/', '?' or '#'; "" when protocol-relative; null when relative.</summary>
    private static string? SchemeOf(string? url)
    {
        if (string.IsNullOrEmpty(url)) return null;
        if (url.StartsWith("//", StringComparison.Ordinal)) return "";
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        var firstDelimiter = url.IndexOfAny(['/', '?', '#']);
        return colon >= 0 && (firstDelimiter < 0 || colon < firstDelimiter) ? url[..colon].Trim() : null;
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in SafeSchemes) sanitizer.AllowedSchemes.Add(scheme);
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedCssProperties.Clear();
        return sanitizer;
    }
}
