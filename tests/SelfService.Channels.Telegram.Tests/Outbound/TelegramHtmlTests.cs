using System.Text.RegularExpressions;
using SelfService.Channels.Telegram.Outbound;

namespace SelfService.Channels.Telegram.Tests.Outbound;

public partial class TelegramHtmlTests
{
    [TestCase("Balance: 350.00 RUB.", "Balance: 350.00 RUB.", "Balance: 350.00 RUB.")]
    [TestCase("**Before you travel** send **ACT ROAMING**.", "<b>Before you travel</b> send <b>ACT ROAMING</b>.", "Before you travel send ACT ROAMING.")]
    [TestCase("*quite* _sure_ ~~old~~", "<i>quite</i> <i>sure</i> <s>old</s>", "quite sure old")]
    [TestCase("## Roaming: on and off\n\nSend `ACT ROAMING`.", "<b>Roaming: on and off</b>\n\nSend <code>ACT ROAMING</code>.", "Roaming: on and off\n\nSend ACT ROAMING.")]
    [TestCase("- one\n- two", "• one\n• two", "• one\n• two")]
    [TestCase("3. three\n4. four", "3. three\n4. four", "3. three\n4. four")]
    [TestCase("> quoted", "<blockquote>quoted</blockquote>", "quoted")]
    [TestCase("```\nx < y && z\n```", "<pre>x &lt; y &amp;&amp; z</pre>", "x < y && z")]
    [TestCase("line one\nline two", "line one\nline two", "line one\nline two")]
    [TestCase("[our shops](https://example.com/shops?a=1&b=2)", "<a href=\"https://example.com/shops?a=1&amp;b=2\">our shops</a>", "our shops")]
    [TestCase("[run me](javascript:alert(1))", "run me", "run me")]
    [TestCase("<https://example.com>", "<a href=\"https://example.com/\">https://example.com</a>", "https://example.com")]
    [TestCase("A&B <script>alert(1)</script> 5 > 3", "A&amp;B &lt;script&gt;alert(1)&lt;/script&gt; 5 &gt; 3", "A&B <script>alert(1)</script> 5 > 3")]
    [TestCase("<b>not bold</b>", "&lt;b&gt;not bold&lt;/b&gt;", "<b>not bold</b>")]
    [TestCase("&amp; stays &lt;", "&amp; stays &lt;", "& stays <")]
    [TestCase("**unclosed bold", "**unclosed bold", "**unclosed bold")]
    [TestCase("> > nested", "<blockquote>nested</blockquote>", "nested")]
    [TestCase("Цена: 49 ₽/мин 🙂", "Цена: 49 ₽/мин 🙂", "Цена: 49 ₽/мин 🙂")]
    public void Render_Markdown_BecomesEscapedTelegramHtml_AndTheSameVisibleText(string markdown, string html, string plain)
    {
        var rendered = TelegramHtml.Render(markdown);

        Assert.That(rendered.Html, Is.EqualTo(html));
        Assert.That(rendered.Plain, Is.EqualTo(plain));
    }

    [Test]
    public void Render_RandomMarkdownSoup_AlwaysGivesHtmlTelegramCanParse()
    {
        var random = new Random(20261102);
        string[] atoms = ["*", "**", "_", "`", "```", "~~", "<", ">", "&", "&amp;", "[", "]", "(", ")", "http://x.org", "#", "- ", "1. ", "> ",
            "\n", "\n\n", " ", "<b>", "</i>", "<a href=\"x\">", "слово", "word", "\\", "|", "&#1;", "&lt"];
        for (var i = 0; i < 2000; i++)
        {
            var markdown = string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => atoms[random.Next(atoms.Length)]));

            var rendered = TelegramHtml.Render(markdown);

            Assert.That(VisibleTextOf(rendered.Html), Is.EqualTo(rendered.Plain), () => $"markdown: {markdown}\nhtml: {rendered.Html}");
        }
    }

    /// <summary>Telegram's HTML parse mode, strictly: only its tags, balanced, only its entities; returns the visible text.</summary>
    private static string VisibleTextOf(string html)
    {
        var open = new Stack<string>();
        var visible = new System.Text.StringBuilder();
        foreach (Match token in Token().Matches(html))
        {
            if (token.Groups["tag"].Success)
            {
                var name = token.Groups["name"].Value;
                Assert.That(name, Is.AnyOf("b", "i", "s", "code", "pre", "a", "blockquote"), html);
                if (token.Groups["close"].Success) Assert.That(open.Pop(), Is.EqualTo(name), html);
                else open.Push(name);
            }
            else if (token.Groups["entity"].Success)
            {
                visible.Append(token.Value switch { "&lt;" => "<", "&gt;" => ">", "&amp;" => "&", _ => "\"" });
            }
            else
            {
                Assert.That(token.Value, Does.Not.Contain("<").And.Not.Contain(">").And.Not.Contain("&"), html);
                visible.Append(token.Value);
            }
        }
        Assert.That(open, Is.Empty, html);
        return visible.ToString();
    }

    [GeneratedRegex("""(?<tag><(?<close>/)?(?<name>[a-z]+)(?: href="[^"<>]*")?>)|(?<entity>&(?:lt|gt|amp|quot);)|[^<&]+|[<&]""")]
    private static partial Regex Token();
}
