namespace SelfService.Storage.Cluster;

/// <summary>The topics gateway instances tell each other about, and what each payload holds.</summary>
public static class ClusterTopics
{
    /// <summary>An escalation ticket changed (queued, taken, a new line...): "ticketId|change". The desks refresh from the store.</summary>
    public const string Desk = "desk";

    /// <summary>
    /// An outbox row is due on a connection this instance does not hold: its id. The instance that holds the channel's
    /// connection reads it and sends it now, instead of when its in-memory lease runs out.
    /// </summary>
    public const string Outbox = "outbox";

    /// <summary>
    /// An instance stored its traffic figures: its id. The others read the rows again, so every instance's dashboard and
    /// /metrics show the whole cluster's traffic within moments.
    /// </summary>
    public const string Traffic = "traffic";

    /// <summary>A Direct Line transcript grew: the conversation id. The instance with the conversation's socket catches it up.</summary>
    public const string DirectLine = "directline";
}
