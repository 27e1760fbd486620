namespace SelfService.Smpp;

/// <summary>The SMSC logic behind an <see cref="SmppServer"/>: who may bind, and what a submit gets.</summary>
/// <remarks>Called concurrently, from many sessions. The response's sequence number is set by the server.</remarks>
public interface ISmppServerHandler
{
    /// <summary>Authenticates a bind; <see cref="CommandStatus.Ok"/> binds the session, anything else is sent back
    /// (e.g. <see cref="CommandStatus.InvalidPassword"/>, <see cref="CommandStatus.BindFailed"/>).</summary>
    ValueTask<CommandStatus> OnBindAsync(SmppServerSession session, BindRequest request, CancellationToken cancellationToken);

    /// <summary>A submit_sm from a bound transmitter or transceiver: return a response with a message_id, or an error status.</summary>
    ValueTask<SubmitSmResp> OnSubmitAsync(SmppServerSession session, SubmitSm request, CancellationToken cancellationToken);

    /// <summary>A data_sm from the ESME. By default refused with ESME_RINVCMDID.</summary>
    ValueTask<DataSmResp> OnDataSmAsync(SmppServerSession session, DataSm request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new DataSmResp { CommandStatus = CommandStatus.InvalidCommandId });

    /// <summary>A query_sm. By default answered ESME_RQUERYFAIL.</summary>
    ValueTask<QuerySmResp> OnQueryAsync(SmppServerSession session, QuerySm request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new QuerySmResp { CommandStatus = CommandStatus.QueryFailed });

    /// <summary>An enquire_link arrived (it is already answered).</summary>
    void OnEnquireLink(SmppServerSession session) { }

    /// <summary>The ESME unbound (the unbind is already answered; the connection closes).</summary>
    void OnUnbind(SmppServerSession session) { }

    /// <summary>The session's connection closed, for whatever reason.</summary>
    void OnClosed(SmppServerSession session) { }
}
