namespace SelfService.Storage.Statistics;

/// <summary>
/// The inbound traffic of one channel in one clock hour, as the dashboard's rollup keeps it: how many messages, and who
/// sent them as a distinct-count sketch (opaque to the store), so that the senders of several hours can be merged.
/// </summary>
public sealed class TrafficHour
{
    /// <summary>The start of the hour, UTC.</summary>
    public DateTimeOffset Hour { get; set; }

    public string Channel { get; set; } = "";

    public long Messages { get; set; }

    /// <summary>The senders, in the sketch's own serialized form.</summary>
    public byte[] Senders { get; set; } = [];

    /// <summary>Every message received up to this instant is counted in this row (the row was written then).</summary>
    public DateTimeOffset CountedThrough { get; set; }
}
