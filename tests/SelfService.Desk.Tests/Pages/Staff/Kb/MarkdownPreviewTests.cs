using SelfService.Desk.Pages.Staff.Kb;

namespace SelfService.Desk.Tests.Pages.Staff.Kb;

[TestFixture]
public sealed class MarkdownPreviewTests
{
    [Test]
    public void ToHtml_Markdown_IsRendered()
    {
        Assert.That(MarkdownPreview.ToHtml("## Роуминг\n\nОтправьте **ВКЛ РОУМИНГ**."),
            Is.EqualTo("<h2>Роуминг</h2>\n<p>Отправьте <strong>ВКЛ РОУМИНГ</strong>.</p>\n"));
    }

    [TestCase("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [TestCase("text <img src=x onerror=alert(1)> more", "&lt;img src=x onerror=alert(1)&gt;")]
    [TestCase("<div onclick=\"x()\">block</div>", "&lt;div onclick=&quot;x()&quot;&gt;block&lt;/div&gt;")]
    public void ToHtml_RawHtml_IsShownAsText(string markdown, string escaped)
    {
        var html = MarkdownPreview.ToHtml(markdown);

        Assert.That(html, Does.Contain(escaped));
        Assert.That(html, Does.Not.Contain("<script").And.Not.Contain("<img").And.Not.Contain("<div"));
    }

    [TestCase("[x](javascript:alert(1))", "href=\"#\"")]
    [TestCase("[x](JavaScript:alert(1))", "href=\"#\"")]
    [TestCase("[x](data:text/html,hi)", "href=\"#\"")]
    [TestCase("<javascript:alert(1)>", "href=\"#\"")]
    [TestCase("![x](javascript:alert(1))", "src=\"#\"")]
    [TestCase("[x](https://example.org/a?b=c)", "href=\"https://example.org/a?b=c\"")]
    [TestCase("[x](tel:+79161234567)", "href=\"tel:+79161234567\"")]
    [TestCase("[x](/help#roaming)", "href=\"/help#roaming\"")]
    public void ToHtml_Links_OnlyWebMailPhoneAndRelativeStayLive(string markdown, string expected)
    {
        Assert.That(MarkdownPreview.ToHtml(markdown), Does.Contain(expected));
    }

    [Test]
    public void ToPlainText_DropsTheMarkup()
    {
        Assert.That(MarkdownPreview.ToPlainText("## Title\n\nSend **BAL**."), Is.EqualTo("Title\nSend BAL."));
    }
}
