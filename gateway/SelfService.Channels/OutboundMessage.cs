namespace SelfService.Channels;

/// <summary>A message waiting in the outbox for its channel.</summary>
/// <param name="Id">Deterministic per inbound message and position, so a re-run after a crash cannot queue it twice.</param>
/// <param name="Channel">The channel that delivers it.</param>
/// <param name="Address">The recipient on that channel.</param>
/// <param name="Text">Already sized for the channel.</param>
/// <param name="Choices">Buttons for chat channels; empty for SMS.</param>
/// <param name="InReplyTo">The inbound message id it answers, if any (email threading, web transcripts).</param>
/// <param name="SessionId">The channel session it belongs to.</param>
/// <param name="CustomerId">The customer, when known.</param>
public sealed record OutboundMessage(
    string Id,
    string Channel,
    string Address,
    string Text,
    IReadOnlyList<string> Choices,
    string? InReplyTo,
    string SessionId,
    string? CustomerId)
{
    /// <summary>Parts the channel accepted in an earlier attempt, which was cut short (a bind dropped): this send resumes after them.</summary>
    public int AcceptedParts { get; init; }

    /// <summary>A campaign message's one-click unsubscribe address (RFC 8058), for channels whose messages carry one (email).</summary>
    public string? UnsubscribeUrl { get; init; }
}
