using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfService.Channels.Telegram.Outbound;
using SelfService.Messaging;
using SelfService.Messaging.Text;
using SelfService.Storage.Channels;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace SelfService.Channels.Telegram;

/// <summary>
/// Sends replies with sendMessage: the Markdown long answer as Telegram HTML, cut into parts of at most 4096 characters,
/// the buttons on the last part (the processor's choices as an inline keyboard; for a chat not yet linked to a customer,
/// the "share my phone number" keyboard). A chat whose user blocked the bot fails at once until the user writes again.
/// </summary>
public sealed partial class TelegramAdapter(
    ITelegramBotClient bot, ITelegramChatStore chats, IOptions<TelegramOptions> options, TimeProvider time, ILogger<TelegramAdapter> logger)
    : IChannelAdapter
{
    // Sending twice shows the message twice: after a crash mid-send the outbox does not resend (no customer gets a reply twice).
    public ChannelProfile Profile { get; } = new(ChannelNames.Telegram, ReplyForm.Long, MaxSmsParts: 0, SenderIsMsisdn: false, IdempotentSends: false);

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (!long.TryParse(message.Address, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId))
            return SendResult.Fail($"'{message.Address}' is not a Telegram chat id");
        var chat = await chats.FindAsync(chatId, cancellationToken);
        if (chat?.UnreachableReason is { } reason)
            return SendResult.Fail($"chat {chatId} is unreachable since {chat.UnreachableSince:u} ({reason}); nothing goes to it until the user writes again");

        var parts = TelegramMessageSplitter.Split(message.Text);
        if (parts.Count == 0) return SendResult.Fail("the reply shows no text");
        var (markup, shareContactShown) = Buttons(message, chat);

        var sentBefore = await chats.PartsSentAsync(message.Id, cancellationToken);
        try
        {
            for (var i = sentBefore; i < parts.Count; i++)
            {
                var last = i == parts.Count - 1;
                await SendPartAsync(chatId, message.Id, parts[i], last ? markup : null, cancellationToken);
                if (!last) await chats.RecordPartsSentAsync(message.Id, i + 1, cancellationToken);
            }
        }
        catch (ApiRequestException ex) when (TelegramFailures.IsBlocked(ex))
        {
            await chats.MarkUnreachableAsync(chatId, ex.Message, time.GetUtcNow(), cancellationToken);
            LogBlocked(chatId, ex.Message);
            return SendResult.Fail($"chat {chatId} blocked the bot ({ex.Message}); marked unreachable until the user writes again");
        }
        catch (ApiRequestException ex)
        {
            return TelegramFailures.Classify(ex);
        }
        catch (RequestException ex)
        {
            return TelegramFailures.Classify(ex);
        }
        catch (HttpRequestException ex)
        {
            return TelegramFailures.Classify(ex);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SendResult.Retry($"the Bot API did not answer within {options.Value.RequestTimeout}");
        }

        await chats.ForgetPartsSentAsync(message.Id, cancellationToken);
        if (shareContactShown is { } shown) await chats.SetShareContactShownAsync(chatId, shown, cancellationToken);
        return SendResult.Sent;
    }

    /// <summary>
    /// Choices become inline buttons. Otherwise a chat not linked to a customer is offered the share-contact button
    /// (its own number links it at once), and the first reply after linking takes that keyboard away.
    /// </summary>
    private static (ReplyMarkup? Markup, bool? ShareContactShown) Buttons(OutboundMessage message, TelegramChat? chat)
    {
        if (TelegramKeyboards.ForChoices(message.Choices) is { } inline) return (inline, null);
        if (message.CustomerId is null) return (TelegramKeyboards.ShareContact(TextLanguage.Of(message.Text)), true);
        return chat?.ShareContactShown == true ? (TelegramKeyboards.RemoveShareContact(), false) : (null, null);
    }

    private async Task SendPartAsync(long chatId, string outboxId, RenderedText part, ReplyMarkup? markup, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.RequestTimeout);
        try
        {
            await bot.SendMessage(chatId, part.Html, ParseMode.Html, replyMarkup: markup, cancellationToken: timeout.Token);
        }
        catch (ApiRequestException ex) when (TelegramFailures.IsUnparsableMarkup(ex))
        {
            // The HTML is escaped by construction, so this should not happen; if it does, the words still reach the customer.
            LogMarkupRefused(outboxId, ex.Message);
            await bot.SendMessage(chatId, part.Plain, ParseMode.None, replyMarkup: markup, cancellationToken: timeout.Token);
        }
    }

    /// <summary>A short answer of the channel's own (send text; not your contact), outside the outbox: a courtesy, logged if it fails.</summary>
    internal async Task SendNoticeAsync(long chatId, string text, ReplyMarkup? markup, CancellationToken cancellationToken)
    {
        var failure = await CourtesyCall.TryAsync(t => bot.SendMessage(chatId, text, ParseMode.None, replyMarkup: markup, cancellationToken: t),
            options.Value.RequestTimeout, cancellationToken);
        if (failure is not null) LogNoticeFailed(failure, chatId);
        else if (markup is ReplyKeyboardMarkup) await chats.SetShareContactShownAsync(chatId, true, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram chat {ChatId} blocked the bot ({Reason}): marked unreachable until the user writes again")]
    private partial void LogBlocked(long chatId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram refused the HTML of {OutboxId} ({Reason}); the part went as plain text")]
    private partial void LogMarkupRefused(string outboxId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send a notice to Telegram chat {ChatId}")]
    private partial void LogNoticeFailed(Exception exception, long chatId);
}
