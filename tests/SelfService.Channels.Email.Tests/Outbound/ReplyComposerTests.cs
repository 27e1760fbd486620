using MimeKit;
using SelfService.Channels.Email.Outbound;
using SelfService.Messaging;

namespace SelfService.Channels.Email.Tests.Outbound;

public class ReplyComposerTests
{
    private static readonly EmailOptions Options = new() { Address = "selfservice@gateway.test", DisplayName = "Northern Telecom" };
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public void Compose_ThreadsUnderTheCustomersMail()
    {
        var mail = ReplyComposer.Compose(Draft() with { InReplyTo = "two@customers.test", References = ["one@customers.test", "two@customers.test"] }, Options, Now);

        Assert.That(mail.InReplyTo, Is.EqualTo("two@customers.test"));
        Assert.That(mail.References, Is.EqualTo(new[] { "one@customers.test", "two@customers.test" }));
        Assert.That(mail.MessageId, Is.EqualTo("reply.abc.0@gateway.test"));
        Assert.That(mail.Subject, Is.EqualTo("Re: BAL"));
        Assert.That(mail.From.Mailboxes.Single().ToString(), Is.EqualTo("\"Northern Telecom\" <selfservice@gateway.test>"));
        Assert.That(mail.To.Mailboxes.Single().Address, Is.EqualTo("anna@customers.test"));
        Assert.That(mail.Date, Is.EqualTo(Now));
        Assert.That(mail.Headers[HeaderId.AutoSubmitted], Is.EqualTo("auto-replied"), "RFC 3834: robots must not answer it");
    }

    [Test]
    public void Compose_TextAndHtmlAlternatives_HtmlRenderedFromMarkdown()
    {
        var mail = ReplyComposer.Compose(Draft() with { Markdown = "## Roaming\n\n- **Zone 1**: 5 RUB\n- see https://example.test" }, Options, Now);

        Assert.That(mail.Body, Is.InstanceOf<MultipartAlternative>());
        Assert.That(mail.TextBody, Is.EqualTo("## Roaming\n\n- **Zone 1**: 5 RUB\n- see https://example.test\n"));
        Assert.That(mail.HtmlBody, Does.Contain("<h2>Roaming</h2>"));
        Assert.That(mail.HtmlBody, Does.Contain("<li><strong>Zone 1</strong>: 5 RUB</li>"));
        Assert.That(mail.HtmlBody, Does.Contain("<a href=\"https://example.test\">https://example.test</a>"));
        Assert.That(mail.HtmlBody, Does.Contain("<meta charset=\"utf-8\">"));
    }

    [Test]
    public void Compose_RawHtmlInTheAnswer_IsEscapedNotPassedThrough()
    {
        var mail = ReplyComposer.Compose(Draft() with { Markdown = "Hi <script>alert(1)</script> <b onclick=\"x()\">there</b>\n\n<iframe src=\"https://evil.test\"></iframe>" }, Options, Now);

        Assert.That(mail.HtmlBody, Does.Not.Contain("<script"));
        Assert.That(mail.HtmlBody, Does.Not.Contain("<iframe"));
        Assert.That(mail.HtmlBody, Does.Not.Contain("<b "));
        Assert.That(mail.HtmlBody, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    [TestCase("ru", new[] { "ДА", "НЕТ" }, "Ответьте: ДА / НЕТ")]
    [TestCase("en", new[] { "YES", "NO" }, "Reply with: YES / NO")]
    public void Compose_Choices_AreListedInBothParts(string language, string[] choices, string line)
    {
        var mail = ReplyComposer.Compose(Draft() with { Choices = choices, Language = language }, Options, Now);

        Assert.That(mail.TextBody, Does.EndWith("\n\n" + line + "\n"));
        Assert.That(mail.HtmlBody, Does.Contain("<p>" + line + "</p>"));
    }

    [Test]
    public void Compose_Note_IsEscapedInHtml()
    {
        var mail = ReplyComposer.Compose(Draft() with { Note = "Attachments <not read>" }, Options, Now);

        Assert.That(mail.TextBody, Does.EndWith("\n\nAttachments <not read>\n"));
        Assert.That(mail.HtmlBody, Does.Contain("<p>Attachments &lt;not read&gt;</p>"));
    }

    [Test]
    public void Compose_NoThread_NoThreadingHeaders()
    {
        var mail = ReplyComposer.Compose(Draft() with { InReplyTo = null, References = [] }, Options, Now);

        Assert.That(mail.InReplyTo, Is.Null);
        Assert.That(mail.References, Is.Empty);
    }

    [TestCase("BAL", "Re: BAL")]
    [TestCase("Re: BAL", "Re: BAL")]
    [TestCase("RE: Ответ", "RE: Ответ")]
    [TestCase("Ответ: Баланс", "Ответ: Баланс")]
    [TestCase("  ", "Northern Telecom")]
    [TestCase(null, "Northern Telecom")]
    public void Subject_OneRePrefix(string? original, string expected) =>
        Assert.That(ReplyComposer.Subject(original, "Northern Telecom"), Is.EqualTo(expected));

    [Test]
    public void MessageIds_SameOutboxIdSameMessageId()
    {
        var first = OutboundMessageIds.ForOutbox("01a2:0", "selfservice@gateway.test");

        Assert.That(first, Is.EqualTo("reply.01a2.0@gateway.test"));
        Assert.That(OutboundMessageIds.ForOutbox("01a2:0", "selfservice@gateway.test"), Is.EqualTo(first));
        Assert.That(OutboundMessageIds.ForOutbox("01a2:1", "selfservice@gateway.test"), Is.Not.EqualTo(first));
        Assert.That(OutboundMessageIds.ForNotice("big@customers.test", "selfservice@gateway.test"), Does.StartWith("notice.").And.EndWith("@gateway.test"));
    }

    private static ReplyDraft Draft() =>
        new("reply.abc.0@gateway.test", "anna@customers.test", "Re: BAL", "m1@customers.test", ["m1@customers.test"], "Balance: 350.00 RUB.", [], "en", null);
}
