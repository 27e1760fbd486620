using MailKit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;
using SelfService.ActionCodes;
using SelfService.Channels.Email.Outbound;
using SelfService.Messaging;
using SelfService.Storage.Channels;

namespace SelfService.Channels.Email.Inbound;

/// <summary>
/// One pass over the mailbox: every message not marked processed is read and handed to the pipeline, and marked
/// processed on the server only after the pipeline stored it. A crash in between leaves it unmarked: the next pass
/// hands it over again, and the pipeline knows it by its Message-ID. Robots' mail, mail too large to read and mail
/// that cannot be parsed are refused (logged, too large answered) and marked processed, so they are not read again.
/// </summary>
internal sealed partial class MailboxProcessor(
    IOptions<EmailOptions> options, InboundMailReader reader, IInboundSink sink, IEmailThreadStore threads, EmailAdapter adapter, TimeProvider time,
    ILogger<MailboxProcessor> logger)
{
    private readonly EmailOptions _options = options.Value;

    /// <summary>Handles what is new; returns how many messages it handled.</summary>
    /// <summary>The mailbox's lease while the watcher holds it (one watcher at a time sets it): what is stored here carries it.</summary>
    internal ConnectionFence? Fence { get; set; }

    public async Task<int> ProcessNewAsync(IMailFolder folder, ProcessedMarker marker, CancellationToken cancellationToken)
    {
        var uids = await folder.SearchAsync(marker.Unprocessed, cancellationToken);
        if (uids.Count == 0) return 0;
        var summaries = await folder.FetchAsync(uids, MessageSummaryItems.UniqueId | MessageSummaryItems.Size | MessageSummaryItems.Headers, cancellationToken);
        foreach (var summary in summaries.OrderBy(s => s.UniqueId.Id))
        {
            await HandleAsync(folder, summary, cancellationToken);
            await marker.MarkAsync(summary.UniqueId, cancellationToken);
        }
        return summaries.Count;
    }

    private async Task HandleAsync(IMailFolder folder, IMessageSummary summary, CancellationToken cancellationToken)
    {
        var uid = summary.UniqueId.Id;
        var headers = summary.Headers ?? [];
        if (RobotDetector.Reason(headers, _options.Address) is { } robot)
        {
            LogRobot(uid, headers[HeaderId.From] ?? "", robot);
            return;
        }
        if (summary.Size is { } size && size > _options.MaxMessageSize)
        {
            await RefuseTooLargeAsync(uid, size, headers, cancellationToken);
            return;
        }

        byte[] raw;
        using (var stream = await folder.GetStreamAsync(summary.UniqueId, cancellationToken))
        {
            if (stream.CanSeek && stream.Length > _options.MaxMessageSize)
            {
                await RefuseTooLargeAsync(uid, stream.Length, headers, cancellationToken);
                return;
            }
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, cancellationToken);
            raw = copy.ToArray();
        }

        InboundMail? mail;
        try
        {
            using var input = new MemoryStream(raw, writable: false);
            mail = reader.Read(await MimeMessage.LoadAsync(input, cancellationToken), raw);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // MIME beyond repair, or a mail that trips a bug in reading it: refused and marked, so it cannot hold up the mail behind it.
            LogUnreadable(ex, uid, headers[HeaderId.From] ?? "");
            return;
        }
        if (mail is null)
        {
            LogNoSender(uid, headers[HeaderId.From] ?? "");
            return;
        }
        await AcceptAsync(uid, mail, cancellationToken);
    }

    private async Task AcceptAsync(uint uid, InboundMail mail, CancellationToken cancellationToken)
    {
        var envelope = InboundMessage.Received(ChannelNames.Email, mail.ChannelMessageId, mail.Sender, mail.Text, mail.SessionId, time.GetUtcNow(), mail.Language);
        // Stored before the pipeline has the message, so the reply (which may be sent a moment later) finds its thread.
        await threads.SaveAsync(new EmailThread
        {
            Id = envelope.Id, MessageId = mail.MessageId, References = [.. mail.References], Subject = mail.Subject, Language = mail.Language,
            HadAttachments = mail.HasAttachments, ReceivedAt = envelope.ReceivedAt,
        }, cancellationToken);
        var accepted = await sink.AcceptAsync(Fence is { } fence ? envelope with { Fence = fence } : envelope, cancellationToken);
        if (accepted.Duplicate)
        {
            await threads.DeleteAsync(envelope.Id, cancellationToken);   // the first copy's thread is stored under its own id
            LogDuplicate(uid, mail.ChannelMessageId, accepted.MessageId);
            return;
        }
        LogAccepted(uid, mail.Sender, accepted.MessageId, mail.HasAttachments);
    }

    /// <summary>The mail is not downloaded; its sender is told why (a person, as the robot check before says).</summary>
    private async Task RefuseTooLargeAsync(uint uid, long size, HeaderList headers, CancellationToken cancellationToken)
    {
        var from = headers[HeaderId.From] is { } header && InternetAddressList.TryParse(header, out var list)
            ? list.Mailboxes.FirstOrDefault()?.Address?.ToLowerInvariant()
            : null;
        LogTooLarge(uid, from ?? "", size, _options.MaxMessageSize);
        if (from is null || !EmailOptionsValidator.IsAddress(from)) return;

        var subject = headers[HeaderId.Subject]?.Trim() ?? "";
        var messageId = headers[HeaderId.MessageId] is { } id ? MimeUtils.EnumerateReferences(id).FirstOrDefault() : null;
        var references = headers[HeaderId.References] is { } r ? MimeUtils.EnumerateReferences(r).ToList() : [];
        var language = TextLanguage.Detect(subject) ?? TextLanguage.English;
        var text = EmailTexts.TooLarge(language, _options.MaxMessageSize);
        var result = await adapter.SendNoticeAsync(from, messageId ?? $"uid:{uid}:{size}", subject, messageId, references, language, text, cancellationToken);
        // One try: a notice that cannot go out is logged, and the mail is not read again for it.
        if (result.Status != SendStatus.Sent) LogNoticeFailed(uid, from, result.Error);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {Uid} from {Sender} is {MessageId} (attachments, not read: {HasAttachments})")]
    private partial void LogAccepted(uint uid, string sender, string messageId, bool hasAttachments);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {Uid} ({ChannelMessageId}) was accepted before as {MessageId}: not run again")]
    private partial void LogDuplicate(uint uid, string channelMessageId, string messageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {Uid} from {From} is not answered: {Reason}")]
    private partial void LogRobot(uint uid, string from, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {Uid} from {From} is {Size} bytes, over the limit of {MaxMessageSize}: not read, the sender is told")]
    private partial void LogTooLarge(uint uid, string from, long size, long maxMessageSize);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell {Address} that mail {Uid} was too large: {Error}")]
    private partial void LogNoticeFailed(uint uid, string address, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {Uid} from {From} could not be read and was not processed")]
    private partial void LogUnreadable(Exception exception, uint uid, string from);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {Uid} names no sender address to answer (From: '{From}') and was not processed")]
    private partial void LogNoSender(uint uid, string from);
}
