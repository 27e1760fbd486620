namespace SelfService.Channels.Email;

/// <summary>The mailbox the special address delivers to, read over IMAP.</summary>
public sealed class ImapOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 143;
    public MailSecurity Security { get; set; } = MailSecurity.Auto;
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";

    /// <summary>The folder new mail arrives in.</summary>
    public string Folder { get; set; } = "INBOX";

    /// <summary>Where processed messages are moved. Empty: they stay, marked \Seen and with the keyword <see cref="ProcessedMarker.Keyword"/>.</summary>
    public string ProcessedFolder { get; set; } = "";

    /// <summary>How often to look for new mail on a server without IDLE.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one IDLE lasts before it is renewed; RFC 2177 asks for less than 29 minutes, since servers drop idle clients after 30.</summary>
    public TimeSpan IdleRefresh { get; set; } = TimeSpan.FromMinutes(9);

    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromMinutes(5);
}
