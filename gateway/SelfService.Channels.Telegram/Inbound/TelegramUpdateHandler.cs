using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfService.Channels.Telegram.Outbound;
using SelfService.Messaging;
using SelfService.Storage.Channels;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace SelfService.Channels.Telegram.Inbound;

/// <summary>
/// One update, however it came (long polling or webhook): mapped, handed to the pipeline, and only then acknowledged
/// (the caller saves the offset or answers 200 when this returns). A failure of the pipeline propagates, so the update
/// is read again; an update the mapper cannot use is logged and skipped, never retried forever.
/// </summary>
public sealed partial class TelegramUpdateHandler(
    TelegramUpdateMapper mapper, IInboundSink sink, ITelegramChatStore chats, TelegramAdapter adapter, ITelegramBotClient bot,
    IOptions<TelegramOptions> options, TimeProvider time, ILogger<TelegramUpdateHandler> logger)
{
    public Task HandleAsync(Update update, CancellationToken cancellationToken) => HandleAsync(update, null, cancellationToken);

    /// <summary>An update read by the long poll held under a lease: the message is stored only while <paramref name="fence"/> holds.</summary>
    public async Task HandleAsync(Update update, ConnectionFence? fence, CancellationToken cancellationToken)
    {
        UpdateDisposition disposition;
        try
        {
            disposition = mapper.Map(update, time.GetUtcNow());
        }
        catch (Exception ex)
        {
            // A shape of update nobody foresaw must not stop the channel: skip it, loudly.
            LogUnreadable(ex, update.Id);
            return;
        }

        switch (disposition)
        {
            case UpdateDisposition.Accept accept:
                await chats.MarkReachableAsync(accept.ChatId, cancellationToken);
                var accepted = await sink.AcceptAsync(fence is null ? accept.Message : accept.Message with { Fence = fence }, cancellationToken);
                if (accepted.Duplicate) LogRedelivered(update.Id, accepted.MessageId);
                break;
            case UpdateDisposition.Answer answer:
                await chats.MarkReachableAsync(answer.ChatId, cancellationToken);
                LogAnswered(update.Id, answer.Reason);
                await adapter.SendNoticeAsync(answer.ChatId, answer.Notice,
                    answer.OfferShareContact ? TelegramKeyboards.ShareContact(answer.Language) : null, cancellationToken);
                break;
            case UpdateDisposition.Ignore ignore:
                LogIgnored(update.Id, ignore.Reason);
                break;
            case UpdateDisposition.Reachability { Blocked: true } blocked:
                await chats.MarkUnreachableAsync(blocked.ChatId, "the user blocked the bot", time.GetUtcNow(), cancellationToken);
                LogBlocked(blocked.ChatId);
                break;
            case UpdateDisposition.Reachability unblocked:
                await chats.MarkReachableAsync(unblocked.ChatId, cancellationToken);
                break;
        }

        if (disposition.CallbackQueryId is { } callbackQueryId) await AnswerCallbackAsync(callbackQueryId, cancellationToken);
    }

    /// <summary>Stops the spinner on the pressed button; the reply itself comes as a message. A failure costs nothing but the spinner.</summary>
    private async Task AnswerCallbackAsync(string callbackQueryId, CancellationToken cancellationToken)
    {
        var failure = await CourtesyCall.TryAsync(t => bot.AnswerCallbackQuery(callbackQueryId, cancellationToken: t), options.Value.RequestTimeout, cancellationToken);
        if (failure is not null) LogCallbackAnswerFailed(failure, callbackQueryId);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram update {UpdateId} could not be read and was skipped")]
    private partial void LogUnreadable(Exception exception, long updateId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram update {UpdateId} was delivered again; it is message {MessageId}, already accepted")]
    private partial void LogRedelivered(long updateId, string messageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram update {UpdateId} is not for the pipeline ({Reason}); the user was told")]
    private partial void LogAnswered(long updateId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram update {UpdateId} skipped: {Reason}")]
    private partial void LogIgnored(long updateId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram chat {ChatId} blocked the bot: marked unreachable")]
    private partial void LogBlocked(long chatId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not answer Telegram callback query {CallbackQueryId}")]
    private partial void LogCallbackAnswerFailed(Exception exception, string callbackQueryId);
}
