namespace SelfService.Storage.Messages;

/// <summary>One part of an outbound message that the channel accepted, and what its delivery receipt said.</summary>
public sealed class SentPart
{
    /// <summary>1-based.</summary>
    public int Part { get; set; }

    public int Parts { get; set; }

    /// <summary>The channel's id for the part (an SMSC's message_id).</summary>
    public string ChannelMessageId { get; set; } = "";

    /// <summary>Every form in which a delivery receipt may quote <see cref="ChannelMessageId"/> (hex, decimal...).</summary>
    public List<string> MatchKeys { get; set; } = [];

    public DateTimeOffset SubmittedAt { get; set; }

    /// <summary>"ENROUTE" until a receipt says DELIVRD, UNDELIV, EXPIRED...</summary>
    public string DeliveryState { get; set; } = "ENROUTE";

    public string? DeliveryError { get; set; }
    public DateTimeOffset? ReceiptAt { get; set; }
}
