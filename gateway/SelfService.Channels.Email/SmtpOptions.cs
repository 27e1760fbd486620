namespace SelfService.Channels.Email;

/// <summary>The submission server replies go out through.</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    public MailSecurity Security { get; set; } = MailSecurity.Auto;

    /// <summary>Empty: no AUTH (a relay that trusts the gateway's address).</summary>
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";

    /// <summary>How long one SMTP command may take before the send counts as failed (and is retried).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
