namespace SelfService.Testing.Peers.Mail;

/// <summary>A mailbox on the test mail server, with the password that opens it over IMAP and SMTP AUTH.</summary>
public sealed record MailAccount(string Address, string Password)
{
    public string Domain => Address[(Address.IndexOf('@') + 1)..];
}
