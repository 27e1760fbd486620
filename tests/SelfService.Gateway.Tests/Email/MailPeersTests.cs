using MimeKit;
using SelfService.Testing.Peers.Mail;

namespace SelfService.Gateway.Tests.Email;

/// <summary>The mail peers themselves: started privately, they take mail over SMTP with AUTH and show it over IMAP.</summary>
public class MailPeersTests
{
    [Test]
    public async Task SubmittedWithAuth_LandsInTheMailbox_ReadableOverImap()
    {
        var options = new MailPeersOptions();
        options.Accounts.Add(new MailAccount("selfservice@gateway.test", "s"));
        options.Accounts.Add(new MailAccount("anna@customers.test", "a"));
        await using var peers = await MailPeers.StartAsync(options);
        var anna = new MailUser(peers, peers.Account("anna@customers.test"));
        var gateway = new MailUser(peers, peers.Account("selfservice@gateway.test"));

        var id = await anna.SendAsync(anna.Compose("selfservice@gateway.test", "Привет", "BAL"));

        var received = await gateway.WaitForAsync(m => m.Message.MessageId == id, TimeSpan.FromSeconds(10));
        Assert.That(received.Message.Subject, Is.EqualTo("Привет"));
        Assert.That(received.Message.Headers[HeaderId.ReturnPath], Is.EqualTo("<anna@customers.test>"), "delivered over LMTP with the envelope sender");
        Assert.That(peers.PostfixLog, Does.Contain("sasl_username=anna@customers.test"));
    }

    [Test]
    public async Task WrongPassword_IsRefused()
    {
        var options = new MailPeersOptions();
        options.Accounts.Add(new MailAccount("anna@customers.test", "a"));
        await using var peers = await MailPeers.StartAsync(options);
        var impostor = new MailUser(peers, new MailAccount("anna@customers.test", "wrong"));

        await Assert.ThrowsAsync<MailKit.Security.AuthenticationException>(() => impostor.SendAsync(impostor.Compose("anna@customers.test", "x", "x")));
    }
}
