using SelfService.Channels.Text;

namespace SelfService.Channels.Tests.Text;

[TestFixture]
public sealed class MarkdownHtmlTests
{
    [Test]
    public void ToHtml_Markdown_IsRendered()
    {
        Assert.That(MarkdownHtml.ToHtml("## Роуминг\n\nОтправьте **ВКЛ РОУМИНГ**."),
            Is.EqualTo("<h2>Роуминг</h2>\n<p>Отправьте <strong>ВКЛ РОУМИНГ</strong>.</p>\n"));
    }

    [TestCase("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [TestCase("text <img src=x onerror=alert(1)> more", "&lt;img src=x onerror=alert(1)&gt;")]
    [TestCase("<div onclick=\"x()\">block</div>", "&lt;div onclick=\"x()\"&gt;block&lt;/div&gt;")]
    public void ToHtml_RawHtml_IsShownAsText(string markdown, string escaped)
    {
        var html = MarkdownHtml.ToHtml(markdown);

        Assert.That(html, Does.Contain(escaped));
        Assert.That(html, Does.Not.Contain("<script").And.Not.Contain("<img").And.Not.Contain("<div"));
    }

    [TestCase("[x](javascript:alert(1))", "href=\"#\"")]
    [TestCase("[x](JavaScript:alert(1))", "href=\"#\"")]
    [TestCase("[x](data:text/html,hi)", "href=\"#\"")]
    [TestCase("<javascript:alert(1)>", "href=\"#\"")]
    [TestCase("![x](javascript:alert(1))", "src=\"#\"")]
    [TestCase("![map](/images/roaming.png)", "<img src=\"/images/roaming.png\" alt=\"map\">")]
    [TestCase("![pixel](https://tracker.example/p.gif)", "<a href=\"https://tracker.example/p.gif\">pixel</a>")]
    [TestCase("![pixel](//tracker.example/p.gif)", "<a href=\"//tracker.example/p.gif\">pixel</a>")]
    [TestCase("[x](https://example.org/a?b=c)", "href=\"https://example.org/a?b=c\"")]
    [TestCase("[x](tel:+79161234567)", "href=\"tel:+79161234567\"")]
    [TestCase("[x](/help#roaming)", "href=\"/help#roaming\"")]
    public void ToHtml_Links_OnlyWebMailPhoneAndRelativeStayLive(string markdown, string expected)
    {
        Assert.That(MarkdownHtml.ToHtml(markdown), Does.Contain(expected));
    }

    [Test]
    public void ToHtml_ListsTablesAndHeadings_AreRendered()
    {
        var html = MarkdownHtml.ToHtml("## How to top up\n\n- by card\n- by `*100#`\n\n| a | b |\n|---|---|\n| 1 | 2 |");

        Assert.That(html, Does.Contain("<h2>How to top up</h2>").And.Contain("<li>by card</li>").And.Contain("<code>*100#</code>").And.Contain("<td>1</td>"));
    }

    [Test]
    public void ToPlainText_DropsTheMarkup()
    {
        Assert.That(MarkdownHtml.ToPlainText("## Title\n\nSend **BAL**."), Is.EqualTo("Title\nSend BAL."));
    }
}
