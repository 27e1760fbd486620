namespace SelfService.Channels.Email;

/// <summary>Bound from "Channels:Email". The channel is on when <see cref="Enabled"/> is true.</summary>
public sealed class EmailOptions
{
    public const string Section = "Channels:Email";

    public bool Enabled { get; set; }

    /// <summary>The special address customers write to; replies come from it.</summary>
    public string Address { get; set; } = "";

    /// <summary>The name replies are signed with in From, and the subject of a reply to a mail without one.</summary>
    public string DisplayName { get; set; } = "SelfService";

    public ImapOptions Imap { get; set; } = new();

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Bigger messages are not downloaded: the sender is told it is too large.</summary>
    public long MaxMessageSize { get; set; } = 10 * 1024 * 1024;
}
