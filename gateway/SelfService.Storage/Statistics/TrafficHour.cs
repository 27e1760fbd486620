namespace SelfService.Storage.Statistics;

/// <summary>
/// The inbound traffic of one channel in one clock hour as one gateway instance counted it, as the dashboard's rollup keeps
/// it: how many messages, and who sent them as a distinct-count sketch (opaque to the store), so that the senders of several
/// hours, and of several instances, can be merged. The figures shown are the sum over the instances' rows.
/// </summary>
public sealed class TrafficHour
{
    /// <summary>The start of the hour, UTC.</summary>
    public DateTimeOffset Hour { get; set; }

    public string Channel { get; set; } = "";

    /// <summary>The instance that counted these messages (Gateway:InstanceId); "" for rows stored before instances had rows of their own.</summary>
    public string Instance { get; set; } = "";

    public long Messages { get; set; }

    /// <summary>The senders, in the sketch's own serialized form.</summary>
    public byte[] Senders { get; set; } = [];

    /// <summary>Every message received up to this instant is counted in this row (the row was written then).</summary>
    public DateTimeOffset CountedThrough { get; set; }
}
