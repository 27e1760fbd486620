using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace SelfService.Testing.Peers.Mail;

/// <summary>
/// Someone with a mailbox on <see cref="MailPeers"/>: sends over SMTP submission with AUTH, as a mail client does,
/// and reads their mailbox over IMAP.
/// </summary>
public sealed class MailUser(MailPeers peers, MailAccount account)
{
    public MailAccount Account { get; } = account;

    public string Address => Account.Address;

    /// <summary>A new mail from this user, with a Message-ID of its own.</summary>
    public MimeMessage Compose(string to, string subject, string body)
    {
        var message = new MimeMessage { Subject = subject, MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(Account.Domain) };
        message.From.Add(MailboxAddress.Parse(Address));
        message.To.Add(MailboxAddress.Parse(to));
        message.Body = new TextPart("plain") { Text = body };
        return message;
    }

    /// <summary>Submits the mail over SMTP with AUTH as this user; returns its Message-ID.</summary>
    public async Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync(peers.Host, peers.SmtpPort, SecureSocketOptions.None, cancellationToken);
        await client.AuthenticateAsync(Account.Address, Account.Password, cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
        return message.MessageId ?? throw new ArgumentException("The mail has no Message-ID", nameof(message));
    }

    /// <summary>Every mail in the inbox with its flags and keywords, oldest first.</summary>
    public Task<IReadOnlyList<ReceivedMail>> ReadInboxAsync(CancellationToken cancellationToken = default) => ReadFolderAsync("INBOX", cancellationToken);

    /// <summary>Every mail in a folder with its flags and keywords, oldest first.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> ReadFolderAsync(string folder, CancellationToken cancellationToken = default)
    {
        using var client = new ImapClient();
        await client.ConnectAsync(peers.Host, peers.ImapPort, SecureSocketOptions.None, cancellationToken);
        await client.AuthenticateAsync(Account.Address, Account.Password, cancellationToken);
        var inbox = await client.GetFolderAsync(folder, cancellationToken);
        await inbox.OpenAsync(FolderAccess.ReadOnly, cancellationToken);
        var mails = new List<ReceivedMail>();
        if (inbox.Count > 0)
        {
            var summaries = await inbox.FetchAsync(0, -1, MessageSummaryItems.UniqueId | MessageSummaryItems.Flags, cancellationToken);
            foreach (var summary in summaries.OrderBy(s => s.UniqueId.Id))
            {
                var message = await inbox.GetMessageAsync(summary.UniqueId, cancellationToken);
                mails.Add(new ReceivedMail(message, summary.Flags ?? MessageFlags.None, summary.Keywords.ToHashSet(StringComparer.OrdinalIgnoreCase)));
            }
        }
        await client.DisconnectAsync(true, cancellationToken);
        return mails;
    }

    /// <summary>The first mail in the inbox that matches, waiting for it up to <paramref name="timeout"/>.</summary>
    public async Task<ReceivedMail> WaitForAsync(Func<ReceivedMail, bool> match, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var found = (await ReadInboxAsync(cancellationToken)).FirstOrDefault(match);
            if (found is not null) return found;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No matching mail reached {Address} in time.\n{peers.PostfixLog}");
            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>The reply to the mail with this Message-ID (In-Reply-To names it).</summary>
    public async Task<MimeMessage> WaitForReplyToAsync(string messageId, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        (await WaitForAsync(m => m.Message.InReplyTo == messageId, timeout, cancellationToken)).Message;
}

/// <summary>A mail in a mailbox, with its IMAP flags and keywords.</summary>
public sealed record ReceivedMail(MimeMessage Message, MessageFlags Flags, IReadOnlySet<string> Keywords);
