using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace SelfService.Channels.Email.Outbound;

/// <summary>
/// Submits one mail over SMTP (STARTTLS and AUTH as configured) on a connection of its own, and classifies what went
/// wrong: the server refusing for good (a 5xx reply, such as an unknown recipient) is a failure; anything that may pass
/// (a 4xx reply, a dropped or refused connection, a timeout, a login the operator can fix) is worth a retry.
/// </summary>
internal sealed partial class SmtpSender(EmailOptions options, ILogger<SmtpSender> logger)
{
    public async Task<SendResult> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Smtp;
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security.ToSocketOptions(), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password, cancellationToken);
            await client.SendAsync(message, cancellationToken);
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
        {
            return SendResult.Fail($"the mail server refused it for good: {(int)ex.StatusCode} {ex.Message}");
        }
        catch (SmtpCommandException ex)
        {
            return SendResult.Retry($"the mail server refused it for now: {(int)ex.StatusCode} {ex.Message}");
        }
        catch (AuthenticationException ex)
        {
            return SendResult.Retry($"the mail server did not accept the login of '{smtp.UserName}': {ex.Message}");
        }
        catch (Exception ex) when (ex is SmtpProtocolException or IOException or SocketException or SslHandshakeException or TimeoutException
                                       or ServiceNotConnectedException or ServiceNotAuthenticatedException or NotSupportedException)
        {
            return SendResult.Retry($"could not talk to the mail server {smtp.Host}:{smtp.Port}: {ex.Message}");
        }

        // The server took the mail; a failure to say goodbye changes nothing about that.
        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or SmtpCommandException)
        {
            LogQuitFailed(ex, message.MessageId ?? "");
        }
        return SendResult.Sent;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Mail {MessageId} was accepted, but the SMTP QUIT failed")]
    private partial void LogQuitFailed(Exception exception, string messageId);
}
