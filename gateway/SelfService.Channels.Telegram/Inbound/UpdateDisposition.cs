using SelfService.Messaging;

namespace SelfService.Channels.Telegram.Inbound;

/// <summary>What the channel does with one Telegram update.</summary>
public abstract record UpdateDisposition
{
    private UpdateDisposition() { }

    /// <summary>The id of a callback query to answer (so the user's client stops its progress spinner), if any.</summary>
    public string? CallbackQueryId { get; init; }

    /// <summary>Hand the message to the pipeline; the chat is reachable again.</summary>
    public sealed record Accept(long ChatId, InboundMessage Message) : UpdateDisposition;

    /// <summary>Not for the pipeline, but the user deserves an answer the channel gives itself (send text; not your contact).</summary>
    public sealed record Answer(long ChatId, string Reason, string Notice, string Language, bool OfferShareContact) : UpdateDisposition;

    /// <summary>Nothing for this bot (edited messages, channel posts, group chats...): logged and skipped.</summary>
    public sealed record Ignore(string Reason) : UpdateDisposition;

    /// <summary>The user blocked (or unblocked) the bot: Telegram's my_chat_member update.</summary>
    public sealed record Reachability(long ChatId, bool Blocked) : UpdateDisposition;
}
