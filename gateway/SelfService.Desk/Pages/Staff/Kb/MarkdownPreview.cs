using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SelfService.Desk.Pages.Staff.Kb;

/// <summary>
/// Renders an article's Markdown for the preview. Raw HTML in the text is shown as text, never as markup, and links
/// other than web, mail and phone ones (javascript:, data:...) are made inert: an editor's text must not run in a
/// reviewer's browser.
/// </summary>
public static class MarkdownPreview
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();
    private static readonly string[] SafeSchemes = ["http", "https", "mailto", "tel"];

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        foreach (var link in document.Descendants<LinkInline>().Where(l => !IsSafe(l.Url))) link.Url = "#";
        foreach (var link in document.Descendants<AutolinkInline>().Where(l => !l.IsEmail && !IsSafe(l.Url))) link.Url = "#";

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return writer.ToString();
    }

    /// <summary>The text a reader sees, without the markup: what chat apps count towards their message limits.</summary>
    public static string ToPlainText(string markdown) => Markdown.ToPlainText(markdown ?? "", Pipeline).TrimEnd();

    /// <summary>Relative addresses and the schemes in <see cref="SafeSchemes"/>; anything else with a scheme is not.</summary>
    internal static bool IsSafe(string? url)
    {
        if (string.IsNullOrEmpty(url)) return true;
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        var firstDelimiter = url.IndexOfAny(['/', '?', '#']);
        var hasScheme = colon >= 0 && (firstDelimiter < 0 || colon < firstDelimiter);
        return !hasScheme || SafeSchemes.Contains(url[..colon].Trim(), StringComparer.OrdinalIgnoreCase);
    }
}
