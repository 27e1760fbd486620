using System.Text;
using MimeKit;
using SelfService.ActionCodes;
using SelfService.Channels.Email.Inbound;
using SelfService.Messaging;
using SelfService.Testing;

namespace SelfService.Channels.Email.Tests.Inbound;

public class InboundMailReaderTests
{
    private static readonly InboundMailReader Reader = new(ActionCatalogue.Load(RepositoryPaths.Catalogue));

    /// <summary>Subject, plain body, expected text: what the gateway acts on.</summary>
    private static readonly object[] TextCases =
    [
        new object[] { "BAL", "", "BAL" },
        new object[] { "  bal ", "Sent from my phone", "bal" },
        new object[] { "LINK +79161234567", "", "LINK +79161234567" },
        new object[] { "", "BAL\n\nthanks", "BAL" },
        new object[] { "Re: Activate ROAMING?", "YES\n\nOn Mon, 1 Dec 2026, Northern Telecom <selfservice@gateway.test> wrote:\n> Activate ROAMING? Reply YES.", "YES" },
        new object[] { "RE: x", "ДА\r\n\r\n1 дек. 2026 г., в 10:00, Северный Телеком написал(а):\r\n> Подключить?", "ДА" },
        new object[] { "Re: code", "Thanks, here it is:\nOn Mon, 1 Dec 2026 at 10:00, Northern Telecom <selfservice@gateway.test>\nwrote:\n> Send the code", "Thanks, here it is:" },
        new object[] { "Ответ: код", "123 456\n-- \nИван", "123 456" },
        new object[] { "Вопрос", "Потерял телефон,\nчто делать с симкой?\n\n--\nБорис\n8 916 000-00-00", "Потерял телефон,\nчто делать с симкой?" },
        new object[] { "", "> quoted BAL\nHELP", "HELP" },
        new object[] { "how much is roaming in Turkey?", "", "how much is roaming in Turkey?" },
        new object[] { "Question", "-----Original Message-----\nFrom: someone\nBAL", "Question" },
        new object[] { "Fwd: BAL", "", "" },
    ];

    [TestCaseSource(nameof(TextCases))]
    public void Read_PlainMail_ActsOnTheCommandOrQuestion(string subject, string body, string expected)
    {
        var mail = Reader.Read(Plain(subject, body), []);

        Assert.That(mail!.Text, Is.EqualTo(expected));
    }

    [Test]
    public void Read_HtmlOnlyWithScriptsAndStyles_ReadsOnlyTheVisibleText()
    {
        var message = Plain("", "");
        message.Body = new TextPart("html")
        {
            Text = "<html><head><title>BAL</title><style>.a{}</style><script>var x='BAL';</script></head><body>" +
                   "<div>Как&nbsp;подключить <b>роуминг</b>?</div><script>alert(1)</script><!-- BAL -->" +
                   "<div class=\"gmail_quote\">1 дек. 2026 г. Северный Телеком написал(а):</div><blockquote>БАЛАНС</blockquote></body></html>",
        };

        var mail = Reader.Read(message, []);

        Assert.That(mail!.Text, Is.EqualTo("Как подключить роуминг?"));
        Assert.That(mail.Language, Is.EqualTo("ru"));
    }

    [Test]
    public void Read_TextAndHtmlAlternatives_PrefersTheText()
    {
        var message = Plain("", "");
        message.Body = new BodyBuilder { TextBody = "HELP", HtmlBody = "<p>BAL</p>" }.ToMessageBody();

        Assert.That(Reader.Read(message, [])!.Text, Is.EqualTo("HELP"));
    }

    [Test]
    public void Read_Headers_SenderLowerCasedThreadRootAndMessageId()
    {
        var message = Plain("Re: BAL", "STATUS");
        message.From.Clear();
        message.From.Add(new MailboxAddress("Анна", "Anna@Customers.TEST"));
        message.MessageId = "three@customers.test";
        message.InReplyTo = "two@gateway.test";
        message.References.Add("one@customers.test");
        message.References.Add("two@gateway.test");

        var mail = Reader.Read(message, [])!;

        Assert.That(mail.Sender, Is.EqualTo("anna@customers.test"));
        Assert.That(mail.ChannelMessageId, Is.EqualTo("three@customers.test"));
        Assert.That(mail.MessageId, Is.EqualTo("three@customers.test"));
        Assert.That(mail.SessionId, Is.EqualTo("one@customers.test"), "the thread's root");
        Assert.That(mail.References, Is.EqualTo(new[] { "one@customers.test", "two@gateway.test" }));
    }

    [Test]
    public void Read_NoMessageId_ChannelIdIsAHashOfTheRawMail()
    {
        var message = Plain("BAL", "");
        message.Headers.Remove(HeaderId.MessageId);
        var raw = Encoding.ASCII.GetBytes("the raw bytes");

        var first = Reader.Read(message, raw)!;
        var again = Reader.Read(message, raw)!;
        var other = Reader.Read(message, Encoding.ASCII.GetBytes("other bytes"))!;

        Assert.That(first.MessageId, Is.Null);
        Assert.That(first.ChannelMessageId, Does.StartWith("sha256:"));
        Assert.That(again.ChannelMessageId, Is.EqualTo(first.ChannelMessageId));
        Assert.That(other.ChannelMessageId, Is.Not.EqualTo(first.ChannelMessageId));
        Assert.That(first.SessionId, Is.EqualTo(first.ChannelMessageId));
    }

    [Test]
    public void Read_Attachments_AreNoticedNotRead()
    {
        var message = Plain("", "");
        var body = new BodyBuilder { TextBody = "BAL" };
        body.Attachments.Add("BAL.txt", Encoding.UTF8.GetBytes("ACT ROAMING"), new ContentType("text", "plain"));
        message.Body = body.ToMessageBody();

        var mail = Reader.Read(message, [])!;

        Assert.That(mail.Text, Is.EqualTo("BAL"));
        Assert.That(mail.HasAttachments, Is.True);
        Assert.That(Reader.Read(Plain("BAL", "x"), [])!.HasAttachments, Is.False);
    }

    [Test]
    public void Read_NoFromAddress_IsNull()
    {
        var message = Plain("BAL", "");
        message.From.Clear();

        Assert.That(Reader.Read(message, []), Is.Null);
    }

    private static MimeMessage Plain(string subject, string body)
    {
        var message = new MimeMessage { Subject = subject, MessageId = "m1@customers.test" };
        message.From.Add(MailboxAddress.Parse("anna@customers.test"));
        message.To.Add(MailboxAddress.Parse("selfservice@gateway.test"));
        message.Body = new TextPart("plain") { Text = body };
        return message;
    }
}
