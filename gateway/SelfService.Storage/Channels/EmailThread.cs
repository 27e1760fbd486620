namespace SelfService.Storage.Channels;

/// <summary>What a reply needs from the customer's mail it answers, stored under the gateway's inbound message id.</summary>
public sealed class EmailThread
{
    /// <summary>The gateway's inbound message id (what the reply's InReplyTo names).</summary>
    public string Id { get; set; } = "";

    /// <summary>The customer's Message-ID, without angle brackets; null when the mail had none.</summary>
    public string? MessageId { get; set; }

    /// <summary>The customer's References chain, oldest first.</summary>
    public List<string> References { get; set; } = [];

    public string Subject { get; set; } = "";

    /// <summary>ru or en when the mail's words told; the attachment note is written in it.</summary>
    public string? Language { get; set; }

    public bool HadAttachments { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}
