namespace SelfService.Smpp;

/// <summary>What the application does with requests from the SMSC.</summary>
/// <remarks>
/// Persist the message before returning <see cref="CommandStatus.Ok"/>: the SMSC forgets it once it has the Ok. Return an
/// error status (e.g. <see cref="CommandStatus.ReceiverTemporaryAppError"/>) to have it redelivered later. An exception is
/// answered with <see cref="CommandStatus.SystemError"/>, which SMSCs also treat as "retry later". Deliveries can come
/// concurrently (the SMSC has its own window); expect a redelivered message now and then and deduplicate.
/// </remarks>
public interface ISmppInboundHandler
{
    /// <summary>A deliver_sm: a mobile-originated message, a delivery receipt (<see cref="DeliveryReceipt.TryParse"/>) or a
    /// USSD indication. Returns the command_status of the deliver_sm_resp.</summary>
    ValueTask<CommandStatus> OnDeliverAsync(DeliverSm pdu, CancellationToken cancellationToken);

    /// <summary>A data_sm from the SMSC. Returns the command_status of the data_sm_resp.</summary>
    ValueTask<CommandStatus> OnDataSmAsync(DataSm pdu, CancellationToken cancellationToken);

    /// <summary>An alert_notification (it has no response).</summary>
    ValueTask OnAlertNotificationAsync(AlertNotification pdu, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
