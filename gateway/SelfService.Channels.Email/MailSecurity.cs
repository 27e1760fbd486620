using MailKit.Security;

namespace SelfService.Channels.Email;

/// <summary>How a connection to the mail server is protected.</summary>
public enum MailSecurity
{
    /// <summary>Plain text; only for a server on the same host or a trusted network.</summary>
    None,

    /// <summary>Plain connect, then STARTTLS (required): ports 143 and 587.</summary>
    StartTls,

    /// <summary>TLS from the first byte: ports 993 and 465.</summary>
    SslOnConnect,

    /// <summary>TLS on 993/465, STARTTLS when the server offers it elsewhere.</summary>
    Auto,
}

internal static class MailSecurityExtensions
{
    public static SecureSocketOptions ToSocketOptions(this MailSecurity security) => security switch
    {
        MailSecurity.None => SecureSocketOptions.None,
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
