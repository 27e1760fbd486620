using SelfService.Channels.Connections;
using SelfService.Channels.Voice;
using SelfService.Pipeline.Statistics;
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
    IReadOnlyList<InstanceStatus> Instances,
    CallWindow Calls)
{
    public int Inbound => InboundByChannel.Values.Sum();

    /// <summary>Campaign messages sent over the window: outbound traffic the gateway started, apart from its replies.</summary>
    public int CampaignSent => CampaignSentByChannel.Values.Sum();

    /// <summary>Everything else sent: self-service replies, agents' answers, notices.</summary>
    public int RepliesSent => RepliesSentByChannel.Values.Sum();

    /// <summary>Share of conversations the gateway handled with no person: the contact centre's "containment".</summary>
    public double? Containment => Conversations == 0 ? null : 1.0 - (double)EscalatedConversations / Conversations;

    /// <summary>Calls the voice menu answered over the window (a number not in the plan is no call of the menu's).</summary>
    public int CallsAnswered => (int)Calls.ByOutcome.Where(o => o.Key != nameof(CallOutcome.NotInService)).Sum(o => o.Value);

    /// <summary>IVR containment: the share of answered calls finished without a person (the seeds expect 50–70 %).</summary>
    public double? CallContainment => CallsAnswered == 0 ? null : (double)Calls.ByOutcome.GetValueOrDefault(nameof(CallOutcome.Contained)) / CallsAnswered;

    /// <summary>The steps an answered call took past the number dialled, on average.</summary>
    public double? AverageCallSteps => CallsAnswered == 0 ? null : (double)Calls.Steps / CallsAnswered;

    /// <summary>Calls handed to the contact centre.</summary>
    public int CallsTransferred => (int)Calls.ByOutcome.GetValueOrDefault(nameof(CallOutcome.Transferred));
}

/// <summary>Inbound messages of one channel per time bucket, oldest first, for the chart.</summary>
public sealed record ChannelSeries(string Channel, IReadOnlyList<int> Counts);

public sealed record ConnectionFigure(string Channel, string Name, ConnectionState State);
