namespace SelfService.Testing.Peers.Mail;

public sealed class MailPeersOptions
{
    /// <summary>The mailboxes; their domains become the server's virtual mailbox domains.</summary>
    public IList<MailAccount> Accounts { get; } = [];

    /// <summary>False: Dovecot does not announce IDLE, so clients must poll.</summary>
    public bool Idle { get; set; } = true;

    /// <summary>Recipients Postfix answers with "451 4.3.0" (a temporary refusal) at RCPT TO.</summary>
    public IList<string> BusyRecipients { get; } = [];

    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
