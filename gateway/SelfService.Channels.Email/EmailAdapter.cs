using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using SelfService.ActionCodes;
using SelfService.Channels.Email.Outbound;
using SelfService.Messaging;
using SelfService.Storage.Channels;

namespace SelfService.Channels.Email;

/// <summary>
/// The special-email channel's sending side: each outbox message becomes a reply under the customer's mail
/// (threaded, text and HTML), submitted over SMTP. The receiving side is <see cref="Inbound.MailboxWatcher"/>.
/// Sends are not idempotent: a mail handed to the server cannot be taken back, so a crash mid-send is not repeated.
/// </summary>
public sealed partial class EmailAdapter : IChannelAdapter
{
    private readonly EmailOptions _options;
    private readonly IEmailThreadStore _threads;
    private readonly SmtpSender _smtp;
    private readonly TimeProvider _time;
    private readonly ILogger<EmailAdapter> _logger;

    public EmailAdapter(IOptions<EmailOptions> options, IEmailThreadStore threads, TimeProvider time, ILoggerFactory loggers)
    {
        _options = options.Value;
        _threads = threads;
        _time = time;
        _logger = loggers.CreateLogger<EmailAdapter>();
        _smtp = new SmtpSender(_options, loggers.CreateLogger<SmtpSender>());
    }

    public ChannelProfile Profile { get; } = new(ChannelNames.Email, ReplyForm.Long, MaxSmsParts: 0, SenderIsMsisdn: false, IdempotentSends: false);

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (!EmailOptionsValidator.IsAddress(message.Address))
            return SendResult.Fail($"'{message.Address}' is not an email address");
        var thread = message.InReplyTo is null ? null : await _threads.FindAsync(message.InReplyTo, cancellationToken);
        if (thread is null) LogUnthreaded(message.Id, message.InReplyTo);
        var language = TextLanguage.Detect(message.Text) ?? thread?.Language ?? TextLanguage.English;
        var draft = new ReplyDraft(
            OutboundMessageIds.ForOutbox(message.Id, _options.Address),
            message.Address,
            ReplyComposer.Subject(thread?.Subject, _options.DisplayName),
            thread?.MessageId,
            References(thread),
            message.Text,
            message.Choices,
            language,
            thread is { HadAttachments: true } ? EmailTexts.AttachmentsIgnored(thread.Language ?? language) : null,
            message.UnsubscribeUrl);
        return await SendAsync(draft, cancellationToken);
    }

    /// <summary>A notice from the channel itself (a mail too large to read), threaded under the mail it is about.</summary>
    internal Task<SendResult> SendNoticeAsync(
        string to, string channelMessageId, string? subject, string? messageId, IReadOnlyList<string> references, string language, string text,
        CancellationToken cancellationToken)
    {
        var draft = new ReplyDraft(
            OutboundMessageIds.ForNotice(channelMessageId, _options.Address), to, ReplyComposer.Subject(subject, _options.DisplayName), messageId,
            messageId is null ? references : [.. references, messageId], text, [], language, null);
        return SendAsync(draft, cancellationToken);
    }

    private async Task<SendResult> SendAsync(ReplyDraft draft, CancellationToken cancellationToken)
    {
        MimeMessage mail = ReplyComposer.Compose(draft, _options, _time.GetUtcNow());
        var result = await _smtp.SendAsync(mail, cancellationToken);
        if (result.Status == SendStatus.Sent) LogSent(draft.MessageId, draft.To, draft.InReplyTo);
        return result;
    }

    private static List<string> References(EmailThread? thread)
    {
        if (thread is null) return [];
        var references = new List<string>(thread.References);
        if (thread.MessageId is not null && !references.Contains(thread.MessageId)) references.Add(thread.MessageId);
        return references;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MessageId} sent to {Address} in reply to {InReplyTo}")]
    private partial void LogSent(string messageId, string address, string? inReplyTo);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {OutboxId} answers no stored mail ({InReplyTo}); it goes out as a new thread")]
    private partial void LogUnthreaded(string outboxId, string? inReplyTo);
}
