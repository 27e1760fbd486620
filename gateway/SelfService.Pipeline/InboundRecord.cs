using LiteDB;

namespace SelfService.Pipeline;

/// <summary>An accepted inbound message as stored: persisted before the channel is acknowledged.</summary>
public sealed class InboundRecord
{
    [BsonId]
    public string Id { get; set; } = "";

    /// <summary>"channel|channel message id": unique, so a redelivery is recognised.</summary>
    public string DedupKey { get; set; } = "";

    public string Channel { get; set; } = "";
    public string ChannelMessageId { get; set; } = "";
    public string SenderAddress { get; set; } = "";
    public string Text { get; set; } = "";
    public string? LanguageHint { get; set; }
    public string? VouchedMsisdn { get; set; }
    public string? ClientAddress { get; set; }
    public string SessionId { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }
    public InboundState State { get; set; }
    public string? Outcome { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
}

public enum InboundState { Accepted, Processed }
