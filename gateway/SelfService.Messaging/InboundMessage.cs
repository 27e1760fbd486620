namespace SelfService.Messaging;

/// <summary>
/// The one envelope every channel produces. Adapters fill what the wire tells them; the pipeline
/// resolves <see cref="CustomerId"/> and <see cref="Language"/> before the command processor runs.
/// </summary>
/// <param name="Id">The gateway's own id, assigned on reception; time-ordered.</param>
/// <param name="Channel">One of <see cref="ChannelNames"/>.</param>
/// <param name="ChannelMessageId">The channel's id for this message; a redelivery carries the same one.</param>
/// <param name="SenderAddress">MSISDN in E.164, email address, chat id or web conversation id.</param>
/// <param name="CustomerId">The customer behind the sender, once resolved.</param>
/// <param name="Text">What the customer wrote.</param>
/// <param name="Language">ru or en, once resolved; an adapter may give a hint.</param>
/// <param name="SessionId">The channel's session or conversation (USSD session, web conversation, email thread).</param>
/// <param name="ReceivedAt">When the gateway received it.</param>
public sealed record InboundMessage(
    string Id,
    string Channel,
    string ChannelMessageId,
    string SenderAddress,
    string? CustomerId,
    string Text,
    string? Language,
    string SessionId,
    DateTimeOffset ReceivedAt)
{
    /// <summary>
    /// A phone number (E.164) the channel itself proves belongs to the sender, beyond the sender address: a Telegram
    /// contact shared by its own user. The processor links the sender to that number's customer, as a one-time code would.
    /// </summary>
    public string? VouchedMsisdn { get; init; }

    /// <summary>
    /// For channels that give a message no id of its own (SMPP's deliver_sm), so that <see cref="ChannelMessageId"/> is
    /// built from the content: the same id within this window is a redelivery, later it is the customer writing the
    /// same words again. Null: the same id is always the same message.
    /// </summary>
    public TimeSpan? RedeliveryWindow { get; init; }

    /// <summary>The client's network address where the channel sees it (web chat, Direct Line): limits per address.</summary>
    public string? ClientAddress { get; init; }

    /// <summary>
    /// The lease of the connection the message came in on (an SMPP bind, the Telegram poll, the mailbox), when several
    /// gateways share a store: the message is stored only while that lease is still this gateway's, so an owner that lost
    /// it acknowledges nothing and the peer delivers again to the connection's new owner. Null elsewhere.
    /// </summary>
    public ConnectionFence? Fence { get; init; }

    /// <summary>An envelope as an adapter builds it, before the pipeline resolves the customer.</summary>
    public static InboundMessage Received(
        string channel, string channelMessageId, string senderAddress, string text, string sessionId, DateTimeOffset receivedAt, string? languageHint = null) =>
        new(Guid.CreateVersion7(receivedAt).ToString("N"), channel, channelMessageId, senderAddress, null, text, languageHint, sessionId, receivedAt);
}

/// <summary>A leased connection's lease, by name, and the fencing token this gateway took it with.</summary>
public sealed record ConnectionFence(string Lease, long Token);
