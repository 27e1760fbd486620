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

    public ValueTask<CommandStatus> OnDeliverAsync(DeliverSm pdu, CancellationToken cancellationToken)
    {
        Delivered.Enqueue(pdu);
        return ValueTask.FromResult(OnDeliver(pdu));
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
