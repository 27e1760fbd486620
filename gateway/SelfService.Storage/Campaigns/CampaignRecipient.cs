namespace SelfService.Storage.Campaigns;

/// <summary>
/// One recipient of one run of a campaign, due to be sent. Its id is <see cref="KeyOf"/> (campaign, run, number), so
/// writing the audience out twice (a restart in the middle) adds nobody twice.
/// </summary>
public sealed class CampaignRecipient
{
    public string Id { get; set; } = "";
    public string CampaignId { get; set; } = "";
    public string Run { get; set; } = "";

    /// <summary>The order recipients are sent in within their run.</summary>
    public long Sequence { get; set; }

    public string Msisdn { get; set; } = "";
    public string? CustomerId { get; set; }
    public string Language { get; set; } = "";

    /// <summary>What the placeholders say for this recipient ({name}, {balance}, {service}), taken when the audience was written out.</summary>
    public Dictionary<string, string> Values { get; set; } = [];

    /// <summary>The recipient's IANA time zone (their quiet hours); null: the campaign's.</summary>
    public string? TimeZone { get; set; }

    public RecipientState State { get; set; }

    /// <summary>The outbox message it went as, once handed over.</summary>
    public string? OutboxId { get; set; }

    /// <summary>SMS parts of the text it was sent (what the pace counts).</summary>
    public int Parts { get; set; }

    /// <summary>Its turn on the campaign's pace: when its message went to the channel's send lane (it was stored a moment before, as handed over).</summary>
    public DateTimeOffset? HandedOverAt { get; set; }

    public static string KeyOf(string campaignId, string run, string msisdn) => campaignId + "|" + run + "|" + msisdn;

    /// <summary>The outbox id of a recipient's message: derived, so a repeated hand-over finds it queued already.</summary>
    public static string OutboxIdOf(string campaignId, string run, string msisdn) => OutboxIdPrefix + campaignId + ":" + run + ":" + msisdn;

    /// <summary>Whether an outbox message is a campaign's (by its id), not a reply or a notice.</summary>
    public static bool IsCampaignOutboxId(string outboxId) => outboxId.StartsWith(OutboxIdPrefix, StringComparison.Ordinal);

    private const string OutboxIdPrefix = "campaign:";
}

public enum RecipientState
{
    /// <summary>Not handed to the channel yet.</summary>
    Pending,

    /// <summary>In the outbox: what happened next is the outbox message's state and receipts.</summary>
    HandedOver,

    /// <summary>Opted out (of marketing, or of this topic) when its turn came.</summary>
    SkippedOptedOut,

    /// <summary>The channel cannot reach the number (no text in any language it could get, a chat marked unreachable...).</summary>
    SkippedUnreachable,

    /// <summary>The campaign was cancelled before its turn.</summary>
    Cancelled,
}
