using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SelfService.Messaging;
using SelfService.Storage.Channels;
using SelfService.Storage.LiteDb;
using SelfService.Testing.Peers.Mail;

namespace SelfService.Channels.Email.Tests;

/// <summary>Sending replies through a real Postfix (with Dovecot behind it): what arrives, and how refusals are classified.</summary>
public class EmailAdapterTests
{
    private const string Special = "selfservice@gateway.test";
    private MailPeers _mail = null!;
    private LiteStorage _storage = null!;
    private IEmailThreadStore _threads = null!;

    [SetUp]
    public async Task Start()
    {
        var options = new MailPeersOptions();
        options.Accounts.Add(new MailAccount(Special, "gateway-secret"));
        options.Accounts.Add(new MailAccount("anna@customers.test", "anna-secret"));
        options.BusyRecipients.Add("busy@customers.test");
        _mail = await MailPeers.StartAsync(options);
        _storage = new LiteStorage(null, new LiteDbStorageOptions(), NullLoggerFactory.Instance);
        _threads = _storage.EmailThreads;
    }

    [TearDown]
    public async Task Stop()
    {
        _storage.Dispose();
        await _mail.DisposeAsync();
    }

    [Test]
    public async Task Send_ReplyToAStoredMail_ArrivesThreadedWithTheAttachmentNote()
    {
        await _threads.SaveAsync(new EmailThread
        {
            Id = "in-1", MessageId = "q2@customers.test", References = ["q1@customers.test"], Subject = "Подключить роуминг", Language = "ru", HadAttachments = true,
        }, CancellationToken.None);
        var result = await Adapter().SendAsync(Message("anna@customers.test", "Подключить «ROAMING»? Ответьте ДА.", ["ДА", "НЕТ"], "in-1"), CancellationToken.None);

        Assert.That(result, Is.EqualTo(SendResult.Sent));
        var anna = new MailUser(_mail, _mail.Account("anna@customers.test"));
        var reply = (await anna.WaitForAsync(_ => true, TimeSpan.FromSeconds(10))).Message;
        Assert.That(reply.MessageId, Is.EqualTo("reply.out-1.0@gateway.test"));
        Assert.That(reply.InReplyTo, Is.EqualTo("q2@customers.test"));
        Assert.That(reply.References, Is.EqualTo(new[] { "q1@customers.test", "q2@customers.test" }));
        Assert.That(reply.Subject, Is.EqualTo("Re: Подключить роуминг"));
        Assert.That(reply.TextBody, Does.Contain("Ответьте: ДА / НЕТ"));
        Assert.That(reply.TextBody, Does.Contain("Вложения мы не открываем"));
        Assert.That(_mail.PostfixLog, Does.Contain("sasl_username=" + Special), "submitted with AUTH");
    }

    [Test]
    public async Task Send_UnknownRecipient_FailsForGood()
    {
        var result = await Adapter().SendAsync(Message("nobody@customers.test", "Hello", [], null), CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(SendStatus.PermanentFailure));
        Assert.That(result.Error, Does.Contain("550"));
    }

    [Test]
    public async Task Send_RecipientTemporarilyRefused_IsRetried()
    {
        var result = await Adapter().SendAsync(Message("busy@customers.test", "Hello", [], null), CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(SendStatus.RetryableFailure));
        Assert.That(result.Error, Does.Contain("451"));
    }

    [Test]
    public async Task Send_WrongPassword_IsRetried()
    {
        var result = await Adapter(password: "wrong").SendAsync(Message("anna@customers.test", "Hello", [], null), CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(SendStatus.RetryableFailure));
        Assert.That(result.Error, Does.Contain("login"));
    }

    [Test]
    public async Task Send_ServerDown_IsRetried()
    {
        var port = _mail.SmtpPort;
        await _mail.DisposeAsync();
        _mail = await MailPeers.StartAsync(new MailPeersOptions { Accounts = { new MailAccount(Special, "x") } });

        var result = await Adapter(port: port).SendAsync(Message("anna@customers.test", "Hello", [], null), CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(SendStatus.RetryableFailure));
    }

    [Test]
    public async Task Send_NotAnAddress_FailsForGood()
    {
        var result = await Adapter().SendAsync(Message("+79161234567", "Hello", [], null), CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(SendStatus.PermanentFailure));
    }

    private EmailAdapter Adapter(string password = "gateway-secret", int? port = null) => new(
        Options.Create(new EmailOptions
        {
            Enabled = true, Address = Special, DisplayName = "Northern Telecom",
            Smtp = { Host = _mail.Host, Port = port ?? _mail.SmtpPort, Security = MailSecurity.None, UserName = Special, Password = password },
        }),
        _threads, TimeProvider.System, NullLoggerFactory.Instance);

    private static OutboundMessage Message(string address, string text, string[] choices, string? inReplyTo) =>
        new("out-1:0", ChannelNames.Email, address, text, choices, inReplyTo, "s1", null);
}
