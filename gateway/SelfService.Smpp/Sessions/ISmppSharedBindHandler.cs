namespace SelfService.Smpp;

/// <summary>
/// Takes the messages of another service that an SMSC delivers on a bind it shares. Many SMSCs deliver USSD on the same
/// bind as SMS, marked by ussd_service_op: the bind's owner offers each inbound message to its shared-bind handlers before
/// treating it as its own, and the handler answers on that bind.
/// </summary>
public interface ISmppSharedBindHandler
{
    /// <summary>Whether <paramref name="pdu"/> belongs to this handler's service.</summary>
    bool Claims(IMessagePdu pdu);

    /// <summary>
    /// Handles a claimed message as <see cref="ISmppInboundHandler"/> would (persist before answering Ok); its answers go
    /// out on <paramref name="bind"/>.
    /// </summary>
    ValueTask<CommandStatus> OnMessageAsync(IMessagePdu pdu, SmppClient bind, CancellationToken cancellationToken);
}
