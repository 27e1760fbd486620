using System.Globalization;
using SelfService.Messaging;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace SelfService.Channels.Telegram.Inbound;

/// <summary>
/// Turns an update into what the channel does with it. The sender address and session are the private chat's id; the
/// channel message id is "chat:message" for messages and "cb:" + the query id for button presses, both of which a
/// redelivered update repeats. Never throws for what a user can send.
/// </summary>
public sealed class TelegramUpdateMapper(BotCommandMapper commands)
{
    private static readonly MsisdnNormalizer Msisdns = new();

    /// <summary>Content that has no text for the processor, but that a person sent on purpose and should hear about.</summary>
    private static readonly HashSet<MessageType> NonTextContent =
    [
        MessageType.Photo, MessageType.Sticker, MessageType.Voice, MessageType.Audio, MessageType.Video, MessageType.VideoNote,
        MessageType.Document, MessageType.Animation, MessageType.Location, MessageType.Venue, MessageType.Poll, MessageType.Dice,
    ];

    public UpdateDisposition Map(Update update, DateTimeOffset now) => update switch
    {
        { Message: { } message } => MapMessage(message, now),
        { CallbackQuery: { } query } => MapCallback(query, now),
        { MyChatMember: { Chat.Type: ChatType.Private } member } =>
            new UpdateDisposition.Reachability(member.Chat.Id, member.NewChatMember.Status is ChatMemberStatus.Kicked),
        _ => new UpdateDisposition.Ignore($"{update.Type} updates are not handled"),
    };

    private UpdateDisposition MapMessage(Message message, DateTimeOffset now)
    {
        if (message.Chat.Type != ChatType.Private) return new UpdateDisposition.Ignore($"a message in a {message.Chat.Type} chat; the bot serves private chats only");
        if (message.From is not { } from) return new UpdateDisposition.Ignore("a message without a sender");
        var chatId = message.Chat.Id;
        var language = TelegramTexts.LanguageOf(from.LanguageCode);
        var channelMessageId = $"{chatId.ToString(CultureInfo.InvariantCulture)}:{message.Id.ToString(CultureInfo.InvariantCulture)}";

        if (message.Contact is { } contact)
        {
            // Telegram vouches for a number only when the contact is the sender's own: the share-contact button sends that.
            if (contact.UserId != from.Id)
                return new UpdateDisposition.Answer(chatId, "a contact of someone else", TelegramTexts.ForeignContact(language), language, OfferShareContact: true);
            var phone = Phone(contact.PhoneNumber);
            return new UpdateDisposition.Accept(chatId, Received(chatId, channelMessageId, phone, language, now) with { VouchedMsisdn = phone });
        }

        var text = message.Text ?? message.Caption;
        if (string.IsNullOrWhiteSpace(text))
        {
            return NonTextContent.Contains(message.Type)
                ? new UpdateDisposition.Answer(chatId, $"a {message.Type} without text", TelegramTexts.TextOnly(language), language, OfferShareContact: false)
                : new UpdateDisposition.Ignore($"a {message.Type} message without text");
        }
        return Accept(chatId, channelMessageId, commands.Map(text, language), language, now);
    }

    private static UpdateDisposition MapCallback(CallbackQuery query, DateTimeOffset now)
    {
        if (query.Message is not { Chat.Type: ChatType.Private } message || string.IsNullOrEmpty(query.Data))
            return new UpdateDisposition.Ignore("a button press without data or outside a private chat") { CallbackQueryId = query.Id };
        var language = TelegramTexts.LanguageOf(query.From.LanguageCode);
        return Accept(message.Chat.Id, "cb:" + query.Id, query.Data, language, now) with { CallbackQueryId = query.Id };
    }

    private static UpdateDisposition.Accept Accept(long chatId, string channelMessageId, string text, string language, DateTimeOffset now) =>
        new(chatId, Received(chatId, channelMessageId, text, language, now));

    private static InboundMessage Received(long chatId, string channelMessageId, string text, string language, DateTimeOffset now)
    {
        var chat = chatId.ToString(CultureInfo.InvariantCulture);
        return InboundMessage.Received(ChannelNames.Telegram, channelMessageId, chat, text, chat, now, language);
    }

    /// <summary>Telegram writes the number internationally, usually without '+': E.164 with '+', or as given if unreadable.</summary>
    private static string Phone(string raw)
    {
        var digits = new string(raw.Where(char.IsAsciiDigit).ToArray());
        return Msisdns.TryNormalize("+" + digits, out var e164) ? e164 : "+" + digits;
    }
}
