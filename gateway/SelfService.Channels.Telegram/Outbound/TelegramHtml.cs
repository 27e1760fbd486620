using System.Net;
using System.Text;
using Markdig;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SelfService.Channels.Telegram.Outbound;

/// <summary>
/// Markdown (the long answer) to Telegram's HTML subset (https://core.telegram.org/bots/api#html-style): b, i, s, code,
/// pre, a, blockquote. Every piece of the customer-visible text is escaped and every tag is written by this class in
/// pairs, so no answer can make Telegram's parser fail. Headings become bold lines, lists bullets, raw HTML plain text.
/// </summary>
public static class TelegramHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseEmphasisExtras(EmphasisExtraOptions.Strikethrough).Build();

    public static RenderedText Render(string markdown)
    {
        var writer = new Writer();
        WriteBlocks(writer, Markdown.Parse(markdown, Pipeline), "\n\n");
        return writer.ToRendered();
    }

    private static void WriteBlocks(Writer writer, ContainerBlock container, string separator)
    {
        var first = true;
        foreach (var block in container)
        {
            if (block is LinkReferenceDefinitionGroup or BlankLineBlock) continue;
            if (!first) writer.Text(separator);
            first = false;
            WriteBlock(writer, block);
        }
    }

    private static void WriteBlock(Writer writer, Block block)
    {
        switch (block)
        {
            case HeadingBlock heading:
                writer.Tag("b", () => WriteInlines(writer, heading.Inline));
                break;
            case ParagraphBlock paragraph:
                WriteInlines(writer, paragraph.Inline);
                break;
            case ListBlock list:
                WriteList(writer, list);
                break;
            case QuoteBlock quote when writer.InQuote:   // Telegram refuses a blockquote inside a blockquote
                WriteBlocks(writer, quote, "\n");
                break;
            case QuoteBlock quote:
                writer.InQuote = true;
                writer.Tag("blockquote", () => WriteBlocks(writer, quote, "\n"));
                writer.InQuote = false;
                break;
            case CodeBlock code:   // fenced or indented
                writer.Tag("pre", () => writer.Text(code.Lines.ToString()));
                break;
            case ThematicBreakBlock:
                writer.Text("——————");
                break;
            case ContainerBlock container:
                WriteBlocks(writer, container, "\n");
                break;
            case LeafBlock leaf:   // raw HTML and anything else: its source lines, as text
                writer.Text(leaf.Lines.ToString());
                break;
        }
    }

    private static void WriteList(Writer writer, ListBlock list)
    {
        var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
        var first = true;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            if (!first) writer.Text("\n");
            first = false;
            writer.Text(list.IsOrdered ? $"{number++}. " : "• ");
            WriteBlocks(writer, item, "\n");
        }
    }

    private static void WriteInlines(Writer writer, ContainerInline? inlines)
    {
        if (inlines is null) return;
        foreach (var inline in inlines) WriteInline(writer, inline);
    }

    private static void WriteInline(Writer writer, Inline inline)
    {
        switch (inline)
        {
            case LiteralInline literal:
                writer.Text(literal.Content.ToString());
                break;
            case CodeInline code:
                writer.Tag("code", () => writer.Text(code.Content));
                break;
            case LineBreakInline:
                writer.Text("\n");
                break;
            case HtmlEntityInline entity:
                writer.Text(entity.Transcoded.ToString());
                break;
            case HtmlInline html:   // a tag someone typed is shown, not obeyed
                writer.Text(html.Tag);
                break;
            case AutolinkInline autolink:
                WriteLink(writer, autolink.IsEmail ? null : autolink.Url, () => writer.Text(autolink.Url));
                break;
            case LinkInline { IsImage: true } image:
                WriteInlines(writer, image);
                break;
            case LinkInline link:
                WriteLink(writer, link.Url, () => WriteInlines(writer, link));
                break;
            case EmphasisInline emphasis:
                var tag = emphasis.DelimiterChar == '~' ? "s" : emphasis.DelimiterCount >= 2 ? "b" : "i";
                writer.Tag(tag, () => WriteInlines(writer, emphasis));
                break;
            case ContainerInline container:
                WriteInlines(writer, container);
                break;
        }
    }

    /// <summary>Only absolute http(s) links become links: Telegram refuses a message whose href it cannot use.</summary>
    private static void WriteLink(Writer writer, string? url, Action writeLabel)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            writeLabel();
            return;
        }
        writer.Tag("a", writeLabel, $" href=\"{WebUtility.HtmlEncode(uri.AbsoluteUri)}\"");
    }

    private sealed class Writer
    {
        private readonly StringBuilder _html = new();
        private readonly StringBuilder _plain = new();

        public bool InQuote { get; set; }

        public void Text(string text)
        {
            if (_plain.Length == 0) text = text.TrimStart();   // Telegram trims a message; trimmed here, both forms agree
            _plain.Append(text);
            foreach (var c in text)
            {
                switch (c)
                {
                    case '&': _html.Append("&amp;"); break;
                    case '<': _html.Append("&lt;"); break;
                    case '>': _html.Append("&gt;"); break;
                    default: _html.Append(c); break;
                }
            }
        }

        /// <summary>The tag around what <paramref name="content"/> writes; no tag when it writes nothing (Telegram has no empty entities).</summary>
        public void Tag(string name, Action content, string attributes = "")
        {
            var start = _html.Length;
            var visibleBefore = _plain.Length;
            _html.Append('<').Append(name).Append(attributes).Append('>');
            var inside = _html.Length;
            content();
            if (_plain.Length == visibleBefore)
            {
                _html.Remove(start, inside - start);
                return;
            }
            _html.Append("</").Append(name).Append('>');
        }

        public RenderedText ToRendered()
        {
            // Trailing whitespace may sit inside closing tags ("x\n</pre>"): step over tags and drop it from both forms.
            for (var i = _html.Length - 1; i >= 0; i--)
            {
                if (_html[i] == '>') i = LastIndexOf(_html, '<', i);
                else if (char.IsWhiteSpace(_html[i])) _html.Remove(i, 1);
                else break;
            }
            return new RenderedText(_html.ToString(), _plain.ToString().TrimEnd());
        }

        private static int LastIndexOf(StringBuilder builder, char c, int from)
        {
            while (from > 0 && builder[from] != c) from--;
            return from;
        }
    }
}
