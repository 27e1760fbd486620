using SelfService.Channels.Connections;
using SelfService.Storage.Instances;

namespace SelfService.Desk.Dashboard;

/// <summary>The operator's figures at one moment, over <see cref="Window"/> before it.</summary>
public sealed record OperationsSnapshot(
    DateTimeOffset At,
    TimeSpan Window,
    IReadOnlyDictionary<string, int> InboundByChannel,
    IReadOnlyList<ChannelSeries> InboundSeries,
    int Conversations,
    int EscalatedConversations,
    int Escalations,
    int QueueLength,
    TimeSpan? AverageWait,
    TimeSpan? Wait90,
    int AgentsOnline,
    IReadOnlyList<ConnectionFigure> Connections,
    int OutboxBacklog,
    int OutboxFailed,
    IReadOnlyDictionary<string, int> CampaignSentByChannel,
    IReadOnlyDictionary<string, int> RepliesSentByChannel,
    IReadOnlyList<InstanceStatus> Instances)
{
    public int Inbound => InboundByChannel.Values.Sum();

    /// <summary>Campaign messages sent over the window: outbound traffic the gateway started, apart from its replies.</summary>
    public int CampaignSent => CampaignSentByChannel.Values.Sum();

    /// <summary>Everything else sent: self-service replies, agents' answers, notices.</summary>
    public int RepliesSent => RepliesSentByChannel.Values.Sum();

    /// <summary>Share of conversations the gateway handled with no person: the contact centre's "containment".</summary>
    public double? Containment => Conversations == 0 ? null : 1.0 - (double)EscalatedConversations / Conversations;
}

/// <summary>Inbound messages of one channel per time bucket, oldest first, for the chart.</summary>
public sealed record ChannelSeries(string Channel, IReadOnlyList<int> Counts);

public sealed record ConnectionFigure(string Channel, string Name, ConnectionState State);
