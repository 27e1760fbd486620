using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MimeKit;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Testing.Peers.Mail;

namespace SelfService.Gateway.Tests.Email;

/// <summary>Customers write to the special address from their own mailboxes; the gateway answers in the thread.</summary>
public class EmailEndToEndTests : EmailGatewayTest
{
    [Test]
    public async Task Balance_UnlinkedThenLinkedWithTheSmsCode_ThreadedReplyShowsTheBalance()
    {
        var refused = await AskAsync(Anna, "BAL");
        Assert.That(refused.TextBody, Does.Contain("link your phone first"), "an email address proves nothing: public answers only");
        Assert.That(refused.TextBody, Does.Not.Contain("350"));

        var codeSent = await AskAsync(Anna, "LINK +79161234567");
        Assert.That(codeSent.TextBody, Does.Contain("We sent a code by SMS"));
        var code = await OneTimeCodes.ReadAsync(Http, "+79161234567");
        var linked = await AskAsync(Anna, "", code);
        Assert.That(linked.TextBody, Does.Contain("linked to +7916***4567"));

        var question = Anna.Compose(SpecialAddress, "BAL", "");
        var questionId = await Anna.SendAsync(question);
        var reply = await Anna.WaitForReplyToAsync(questionId, ReplyTimeout);

        // BAL carries no language: the reply is in the linked subscriber's own, Russian.
        Assert.That(reply.TextBody, Does.Contain("Баланс: 350,00 RUB"));
        Assert.That(reply.HtmlBody, Does.Contain("Баланс: 350,00 RUB"));
        Assert.That(reply.Body, Is.InstanceOf<MultipartAlternative>(), "text/plain and text/html alternatives");
        Assert.That(reply.InReplyTo, Is.EqualTo(questionId));
        Assert.That(reply.References, Is.EqualTo(new[] { questionId }));
        Assert.That(reply.Subject, Is.EqualTo("Re: BAL"));
        Assert.That(reply.From.Mailboxes.Single().Address, Is.EqualTo(SpecialAddress));
        Assert.That(reply.From.Mailboxes.Single().Name, Is.EqualTo("Northern Telecom"));
        Assert.That(reply.Headers[HeaderId.AutoSubmitted], Is.EqualTo("auto-replied"));
        Assert.That(reply.MessageId, Does.EndWith("@gateway.test"));

        var customer = await Http.GetFromJsonAsync<JsonElement>("/api/customers?channel=email&address=anna%40customers.test");
        Assert.That(customer.ToString(), Does.Contain("+79161234567"));
    }

    [Test]
    public async Task AgentReply_GoesOutByEmail_ThreadedUnderTheCustomersMessage()
    {
        var customerMessageId = await Anna.SendAsync(Anna.Compose(SpecialAddress, "AGENT", ""));
        var escalated = await Anna.WaitForReplyToAsync(customerMessageId, ReplyTimeout);
        Assert.That(escalated.TextBody, Does.StartWith("An operator will answer you here."));
        var waiting = await Http.GetFromJsonAsync<JsonElement>("/api/queue");
        var ticketId = waiting[0].GetProperty("ticket").GetProperty("id").GetString();

        (await Http.PostAsync($"/api/queue/{ticketId}/take", null)).EnsureSuccessStatusCode();
        using var replied = await Http.PostAsJsonAsync($"/api/queue/{ticketId}/reply", new { text = "Hello Anna, this is Maria from support." });
        Assert.That(replied.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), await replied.Content.ReadAsStringAsync());

        var fromAgent = (await Anna.WaitForAsync(m => (m.Message.TextBody ?? "").Contains("this is Maria", StringComparison.Ordinal), ReplyTimeout)).Message;
        Assert.That(fromAgent.InReplyTo, Is.EqualTo(customerMessageId), "threaded under the customer's last message");
        Assert.That(fromAgent.Subject, Is.EqualTo("Re: AGENT"));
    }

    [Test]
    public async Task QuestionInRussian_InTheBody_GetsTheKnowledgeBaseAnswerAsHtmlToo()
    {
        var empty = await AskAsync(Boris, "", "Здравствуйте!\nПотерял телефон, что делать с симкой?\n\n-- \nБорис Петров\nтел. 8 916 000-00-00");
        var titled = await AskAsync(Carol, "Вопрос", "Потерял телефон, что делать с симкой?");

        foreach (var reply in new[] { empty, titled })
        {
            Assert.That(reply.TextBody, Does.Contain("## Потеря или кража SIM-карты"), "the Markdown long answer as the text part");
            Assert.That(reply.HtmlBody, Does.Contain("<h2>Потеря или кража SIM-карты</h2>"));
            Assert.That(reply.HtmlBody, Does.Contain("<strong>Заблокируйте номер сразу</strong>"));
        }
        Assert.That(empty.Subject, Is.EqualTo("Northern Telecom"), "a mail without a subject gets the channel's name");
        Assert.That(titled.Subject, Is.EqualTo("Re: Вопрос"));
    }

    [Test]
    public async Task ActivateRoaming_ConfirmedByReplyingAboveTheQuotedQuestion()
    {
        await LinkAsync(Anna);
        var question = await AskAsync(Anna, "ACT ROAMING");
        Assert.That(question.TextBody, Does.Contain("ДА / НЕТ"), "ACT ROAMING carries no language: the linked subscriber's Russian");

        // A mail client's reply: the answer on top, the gateway's question quoted below it.
        var answer = Anna.Compose(SpecialAddress, "Re: " + question.Subject, "YES\n\nOn Mon, 1 Dec 2026, Northern Telecom wrote:\n> " +
            question.TextBody!.Replace("\n", "\n> "));
        answer.InReplyTo = question.MessageId;
        answer.References.Add(question.MessageId!);
        var answerId = await Anna.SendAsync(answer);

        var done = await Anna.WaitForReplyToAsync(answerId, ReplyTimeout);
        Assert.That(done.TextBody, Does.Contain("подключена"));
    }

    [Test]
    public async Task ThreeMegabyteMailWithAttachments_CommandFromTheBody_ReplyNotesTheAttachments()
    {
        var message = new MimeMessage { Subject = "Re: photos", MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("customers.test") };
        message.From.Add(MailboxAddress.Parse(Boris.Address));
        message.To.Add(MailboxAddress.Parse(SpecialAddress));
        var body = new BodyBuilder { TextBody = "HELP\n\nsee the photos" };
        var photo = new byte[3 * 1024 * 1024];
        new Random(7).NextBytes(photo);
        body.Attachments.Add("photo.jpg", photo, new ContentType("image", "jpeg"));
        body.Attachments.Add("scan.pdf", Encoding.ASCII.GetBytes("%PDF-1.4 a scan"), new ContentType("application", "pdf"));
        message.Body = body.ToMessageBody();
        await Boris.SendAsync(message);

        var reply = await Boris.WaitForReplyToAsync(message.MessageId!, ReplyTimeout);

        Assert.That(reply.TextBody, Does.StartWith("Commands:"), "HELP, read from the body's first line");
        Assert.That(reply.TextBody, Does.Contain("We do not open attachments"));
        Assert.That(reply.HtmlBody, Does.Contain("We do not open attachments"));
    }

    [Test]
    public async Task AutoReplyAndBounces_AreNeverAnswered_ButMarkedProcessed()
    {
        var autoReply = Carol.Compose(SpecialAddress, "Out of office: BAL", "I am away until Monday.");
        autoReply.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
        await Carol.SendAsync(autoReply);
        var bounceId = "bounce-1@customers.test";
        await RawSmtp.SendAsync(Mail, "", SpecialAddress, Encoding.ASCII.GetBytes(
            $"From: Mail Delivery System <MAILER-DAEMON@customers.test>\nTo: {SpecialAddress}\nSubject: Undelivered Mail Returned to Sender\n" +
            $"Message-ID: <{bounceId}>\n\nHELP\n"));
        var nullSenderId = "vacation-1@customers.test";
        await RawSmtp.SendAsync(Mail, "", SpecialAddress, Encoding.ASCII.GetBytes(
            $"From: {Boris.Address}\nTo: {SpecialAddress}\nSubject: HELP\nMessage-ID: <{nullSenderId}>\n\nHELP\n"));

        foreach (var id in new[] { autoReply.MessageId!, bounceId, nullSenderId })
        {
            var marked = await WaitUntilProcessedAsync(id);
            Assert.That(marked.Flags.HasFlag(MailKit.MessageFlags.Seen), Is.True);
        }
        // Mail is handled in arrival order: once a later mail is answered, the robots' mails were handled before it.
        await AskAsync(Anna, "HELP");

        Assert.That(await OutboxForAsync(Carol.Address), Is.Empty);
        Assert.That(await OutboxForAsync(Boris.Address), Is.Empty);
        Assert.That(await OutboxForAsync("mailer-daemon@customers.test"), Is.Empty);
        Assert.That(await Carol.ReadInboxAsync(), Is.Empty);
        Assert.That(await Boris.ReadInboxAsync(), Is.Empty);
    }

    [Test]
    public async Task SameMessageIdDeliveredTwice_IsAnsweredOnce()
    {
        var message = Anna.Compose(SpecialAddress, "HELP", "");
        await Anna.SendAsync(message);
        await Anna.WaitForReplyToAsync(message.MessageId!, ReplyTimeout);
        await Anna.SendAsync(message);   // the same mail again, as a resending client or a second route delivers it

        await Special.WaitForAsync(m => m.Message.MessageId == message.MessageId && m.Keywords.Contains(ProcessedKeyword), ReplyTimeout);
        var copies = (await Special.ReadInboxAsync()).Count(m => m.Message.MessageId == message.MessageId);
        Assert.That(copies, Is.EqualTo(2), "both copies reached the mailbox");
        await WaitAllProcessedAsync();
        await AskAsync(Anna, "STATUS");   // a later mail answered: the copy was handled before it

        var replies = (await Anna.ReadInboxAsync()).Count(m => m.Message.InReplyTo == message.MessageId);
        Assert.That(replies, Is.EqualTo(1));
    }

    [Test]
    public async Task MalformedMimeAndTwentyMegabyteMail_ClearOutcomes_AndTheNextMailIsAnswered()
    {
        var malformedId = "broken-1@customers.test";
        await RawSmtp.SendAsync(Mail, Anna.Address, SpecialAddress, Encoding.ASCII.GetBytes(
            $"From: {Anna.Address}\nTo: {SpecialAddress}\nSubject: HELP\nMessage-ID: <{malformedId}>\nMIME-Version: 1.0\n" +
            "Content-Type: multipart/mixed; boundary=\"never-used\"\nContent-Transfer-Encoding: base64\n\n" +
            "this is not base64 @@@ and the boundary never comes\n--wrong-boundary\nContent-Type: text/html\n\n<p>unterminated\n"));

        var big = new StringBuilder($"From: {Boris.Address}\nTo: {SpecialAddress}\nSubject: BAL\nMessage-ID: <big-1@customers.test>\nMIME-Version: 1.0\n" +
            "Content-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nBAL\n--b\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\n");
        var line = new string('A', 76);
        while (big.Length < 20 * 1024 * 1024) big.Append(line).Append('\n');
        big.Append("--b--\n");
        await RawSmtp.SendAsync(Mail, Boris.Address, SpecialAddress, Encoding.ASCII.GetBytes(big.ToString()));

        var malformedReply = await Anna.WaitForReplyToAsync(malformedId, ReplyTimeout);
        Assert.That(malformedReply.TextBody, Does.StartWith("Commands:"), "MIME that is broken inside still has a readable subject");
        var tooLarge = await Boris.WaitForReplyToAsync("big-1@customers.test", ReplyTimeout);
        Assert.That(tooLarge.TextBody, Does.Contain("larger than 5 MB"));
        Assert.That(await OutboxForAsync(Boris.Address), Is.Empty, "the notice comes from the channel; the big mail never reached the pipeline");
        await WaitUntilProcessedAsync("big-1@customers.test");

        var next = await AskAsync(Boris, "HELP");
        Assert.That(next.TextBody, Does.StartWith("Commands:"));
    }

    [Test]
    public async Task HtmlOnlyMailWithScripts_IsReadAsItsVisibleText()
    {
        var message = new MimeMessage { Subject = "", MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("customers.test") };
        message.From.Add(MailboxAddress.Parse(Boris.Address));
        message.To.Add(MailboxAddress.Parse(SpecialAddress));
        message.Body = new TextPart("html")
        {
            Text = "<html><head><style>p{color:red}</style><script>document.write('BAL')</script></head>" +
                   "<body><script>alert('ACT ROAMING')</script><p>HELP</p><blockquote>BAL</blockquote></body></html>",
        };
        await Boris.SendAsync(message);

        var reply = await Boris.WaitForReplyToAsync(message.MessageId!, ReplyTimeout);

        Assert.That(reply.TextBody, Does.StartWith("Commands:"), "only the visible HELP was read");
    }

    [Test]
    public async Task GatewayStopped_MailThatArrivedMeanwhile_IsAnsweredOnTheNextStart()
    {
        var first = Anna.Compose(SpecialAddress, "HELP", "");
        await Anna.SendAsync(first);
        await Anna.WaitForReplyToAsync(first.MessageId!, ReplyTimeout);

        StopGateway();
        var whileDown = Anna.Compose(SpecialAddress, "STATUS", "");
        await Anna.SendAsync(whileDown);
        Assert.That((await Special.ReadInboxAsync()).Single(m => m.Message.MessageId == whileDown.MessageId).Keywords, Does.Not.Contain(ProcessedKeyword));

        await StartGatewayAsync();
        await Anna.WaitForReplyToAsync(whileDown.MessageId!, ReplyTimeout);
        await WaitAllProcessedAsync();
        var replies = await Anna.ReadInboxAsync();
        Assert.That(replies.Count(m => m.Message.InReplyTo == first.MessageId), Is.EqualTo(1), "what was done before the stop is not done again");
    }

    [Test]
    public async Task MailServerRestarts_TheGatewayConnectsAgain_AndAnswersWhatCameMeanwhile()
    {
        await AskAsync(Anna, "HELP");

        await Mail.RestartDovecotAsync();
        var reply = await AskAsync(Anna, "STATUS");

        Assert.That(reply.TextBody, Does.Contain("link your phone first"));
    }

    private async Task LinkAsync(MailUser customer)
    {
        await AskAsync(customer, "LINK +79161234567");
        var code = await OneTimeCodes.ReadAsync(Http, "+79161234567");
        var linked = await AskAsync(customer, "", code);
        Assert.That(linked.TextBody, Does.Contain("linked"));
    }

    private async Task WaitAllProcessedAsync()
    {
        var deadline = DateTime.UtcNow + ReplyTimeout;
        while ((await Special.ReadInboxAsync()).Any(m => !m.Keywords.Contains(ProcessedKeyword)))
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("The gateway did not mark every mail processed");
            await Task.Delay(100);
        }
    }
}
