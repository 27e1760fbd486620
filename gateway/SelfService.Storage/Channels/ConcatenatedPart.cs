namespace SelfService.Storage.Channels;

/// <summary>One part of a concatenated mobile-originated SMS: which set it belongs to ("source|destination|reference|total"),
/// where it goes, its text.</summary>
public sealed class ConcatenatedPart
{
    /// <summary>"set key#sequence"; the store sets it, so a redelivered part replaces itself.</summary>
    public string Id { get; set; } = "";

    public string SetKey { get; set; } = "";
    public string Source { get; set; } = "";
    public string Destination { get; set; } = "";
    public int Sequence { get; set; }
    public int Total { get; set; }
    public string Text { get; set; } = "";
    public byte DataCoding { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The whole message was accepted; the part is kept only to recognise redeliveries.</summary>
    public bool Accepted { get; set; }
}
