namespace SelfService.Smpp;

/// <summary>An SMPP v3.4 PDU: one sealed record per command, all with the header fields.</summary>
/// <remarks>command_length is not a property: the codec computes it when encoding.</remarks>
public abstract record Pdu
{
    public abstract CommandId CommandId { get; }

    /// <summary>command_status: set in responses, NULL (Ok) in requests (section 3.2.1).</summary>
    public CommandStatus CommandStatus { get; init; }

    /// <summary>sequence_number: a response carries its request's (section 3.2.1). Sessions assign it to requests.</summary>
    public uint SequenceNumber { get; init; }

    public bool IsResponse => CommandId.IsResponse();

    internal abstract int GetBodyLength();

    internal abstract void WriteBody(ref PduWriter writer);

    /// <summary>
    /// The answer to a request that cannot be served: its own _resp carrying <paramref name="status"/>, or a
    /// generic_nack when the command id is unknown or is itself a response (SMPP v3.4 section 4.3.1).
    /// </summary>
    public static Pdu CreateErrorResponse(PduHeader request, CommandStatus status) => CreateErrorResponse(request.CommandId, request.SequenceNumber, status);

    /// <inheritdoc cref="CreateErrorResponse(PduHeader, CommandStatus)"/>
    public static Pdu CreateErrorResponse(CommandId request, uint sequenceNumber, CommandStatus status) => request switch
    {
        CommandId.BindTransmitter => new BindTransmitterResp { CommandStatus = status, SequenceNumber = sequenceNumber },
        CommandId.BindReceiver => new BindReceiverResp { CommandStatus = status, SequenceNumber = sequenceNumber },
        CommandId.BindTransceiver => new BindTransceiverResp { CommandStatus = status, SequenceNumber = sequenceNumber },
        CommandId.SubmitSm => new SubmitSmResp { CommandStatus = status, SequenceNumber = sequenceNumber },
        CommandId.DeliverSm => new DeliverSmResp { CommandStatus = status, SequenceNumber = sequenceNumber },
        CommandId.DataSm => new DataSmResp { CommandStatus = status, SequenceNumber = sequenceNumber },
        CommandId.QuerySm => new QuerySmResp { CommandStatus = status, SequenceNumber = sequenceNumber },
        CommandId.Unbind => new UnbindResp { CommandStatus = status, SequenceNumber = sequenceNumber },
        CommandId.EnquireLink => new EnquireLinkResp { CommandStatus = status, SequenceNumber = sequenceNumber },
        _ => new GenericNack { CommandStatus = status, SequenceNumber = sequenceNumber },
    };
}
