using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace SelfService.Testing.Peers.Mail;

/// <summary>
/// An SMTP conversation by hand, for what a mail library will not send: bytes that are not valid MIME, and a bounce's
/// empty reverse path (MAIL FROM:&lt;&gt;). No AUTH: the test domains take mail for their own mailboxes, as an MX does.
/// </summary>
public static class RawSmtp
{
    public static async Task SendAsync(MailPeers peers, string mailFrom, string rcptTo, byte[] data, CancellationToken cancellationToken = default)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(peers.Host, peers.SmtpPort, cancellationToken);
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
        await ExpectAsync(reader, "220", cancellationToken);
        await CommandAsync(stream, reader, "EHLO test.client", "250", cancellationToken);
        await CommandAsync(stream, reader, $"MAIL FROM:<{mailFrom}>", "250", cancellationToken);
        await CommandAsync(stream, reader, $"RCPT TO:<{rcptTo}>", "250", cancellationToken);
        await CommandAsync(stream, reader, "DATA", "354", cancellationToken);
        await stream.WriteAsync(DotStuffed(data), cancellationToken);
        await CommandAsync(stream, reader, ".", "250", cancellationToken);
        await CommandAsync(stream, reader, "QUIT", "221", cancellationToken);
    }

    /// <summary>CRLF line ends, a dot doubled at the start of a line (RFC 5321 section 4.5.2), and a final CRLF.</summary>
    private static byte[] DotStuffed(byte[] data)
    {
        var text = Encoding.Latin1.GetString(data).Replace("\r\n", "\n").Replace("\n", "\r\n");
        if (!text.EndsWith("\r\n", StringComparison.Ordinal)) text += "\r\n";
        text = (text.StartsWith('.') ? "." : "") + text.Replace("\r\n.", "\r\n..");
        return Encoding.Latin1.GetBytes(text);
    }

    private static async Task CommandAsync(NetworkStream stream, StreamReader reader, string command, string expected, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"), cancellationToken);
        await ExpectAsync(reader, expected, cancellationToken);
    }

    private static async Task ExpectAsync(StreamReader reader, string expected, CancellationToken cancellationToken)
    {
        while (true)
        {
            var line = await reader.ReadLineAsync(cancellationToken) ?? throw new IOException("The SMTP server closed the connection");
            if (line.Length >= 4 && line[3] == '-') continue;   // a multi-line reply goes on
            if (!line.StartsWith(expected, StringComparison.Ordinal))
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"SMTP: expected {expected}, got '{line}'"));
            return;
        }
    }
}
