using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using HtmlAgilityPack;

namespace SelfService.Channels.Email.Inbound;

/// <summary>
/// The text a person sees in an HTML mail: scripts, styles and the head dropped, block elements on their own lines,
/// entities decoded. Quoted replies (&lt;blockquote&gt;) are dropped too: they are the gateway's own earlier answer.
/// </summary>
internal static partial class HtmlText
{
    private static readonly HashSet<string> Invisible = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "head", "title", "noscript", "template", "iframe", "object", "embed", "svg", "blockquote",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "table", "ul", "ol", "hr", "section", "article", "header", "footer",
    };

    public static string ToText(string html)
    {
        var document = new HtmlDocument();
        document.LoadHtml(html);
        var text = new StringBuilder();
        Append(document.DocumentNode, text);
        return string.Join('\n', text.ToString().Split('\n').Select(line => Spaces().Replace(line, " ").Trim()));
    }

    private static void Append(HtmlNode node, StringBuilder text)
    {
        switch (node.NodeType)
        {
            case HtmlNodeType.Comment:
                return;
            case HtmlNodeType.Text:
                // Whitespace in HTML collapses; the line breaks that count come from the elements.
                foreach (var c in WebUtility.HtmlDecode(node.InnerText)) text.Append(char.IsWhiteSpace(c) ? ' ' : c);
                return;
        }
        if (Invisible.Contains(node.Name)) return;
        var block = Blocks.Contains(node.Name);
        if (block) text.Append('\n');
        foreach (var child in node.ChildNodes) Append(child, text);
        if (block) text.Append('\n');
    }

    [GeneratedRegex(" {2,}")]
    private static partial Regex Spaces();
}
