using System.Collections.Concurrent;

namespace SelfService.Smpp.Tests.Support;

/// <summary>The application side of the client tests: records deliveries and answers as told.</summary>
internal sealed class RecordingHandler : ISmppInboundHandler
{
    public ConcurrentQueue<DeliverSm> Delivered { get; } = new();
    public ConcurrentQueue<DataSm> Data { get; } = new();
    public ConcurrentQueue<AlertNotification> Alerts { get; } = new();

    /// <summary>What to answer a deliver_sm with; may throw.</summary>
    public Func<DeliverSm, CommandStatus> OnDeliver { get; set; } = _ => CommandStatus.Ok;

    /// <summary>When set, a deliver_sm is answered only once this completes (an application still persisting it).</summary>
    public Task? Hold { get; set; }

    public async ValueTask<CommandStatus> OnDeliverAsync(DeliverSm pdu, CancellationToken cancellationToken)
    {
        Delivered.Enqueue(pdu);
        if (Hold is { } hold) await hold;
        return OnDeliver(pdu);
    }

    public ValueTask<CommandStatus> OnDataSmAsync(DataSm pdu, CancellationToken cancellationToken)
    {
        Data.Enqueue(pdu);
        return ValueTask.FromResult(CommandStatus.Ok);
    }

    public ValueTask OnAlertNotificationAsync(AlertNotification pdu, CancellationToken cancellationToken)
    {
        Alerts.Enqueue(pdu);
        return ValueTask.CompletedTask;
    }
}
