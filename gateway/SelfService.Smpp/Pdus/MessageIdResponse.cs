namespace SelfService.Smpp;

/// <summary>The body shared by submit_sm_resp, deliver_sm_resp and data_sm_resp: a message_id and (data_sm_resp, and
/// SMPP v5 SMSCs) TLVs.</summary>
/// <remarks>
/// An error response is sent as a bare header when it has no message id and no TLVs: section 4.4.2 says the
/// submit_sm_resp body "is not returned if the command_status field contains a non-zero value", and peers of every
/// kind accept the same for the others. A bare error response is read as an empty message id.
/// </remarks>
public abstract record MessageIdResponse : Pdu
{
    /// <summary>message_id, at most 64 characters: the SMSC's id of the message (empty in deliver_sm_resp).</summary>
    public string MessageId { get; init; } = string.Empty;

    public TlvList Tlvs { get; init; } = TlvList.Empty;

    private bool OmitBody => CommandStatus != CommandStatus.Ok && MessageId.Length == 0 && Tlvs.Count == 0;

    internal override int GetBodyLength() =>
        OmitBody ? 0 : PduWriter.CStringSize(MessageId, PduLimits.MessageId, "message_id") + PduWriter.TlvsSize(Tlvs);

    internal override void WriteBody(ref PduWriter writer)
    {
        if (OmitBody) return;
        writer.WriteCString(MessageId);
        writer.WriteTlvs(Tlvs);
    }

    internal static T Read<T>(ref PduReader reader, in PduHeader header) where T : MessageIdResponse, new()
    {
        // deliver_sm_resp's message_id is unused (section 4.6.2), so some ESMEs send a bare header even with Ok.
        if (reader.AtEnd && (header.CommandStatus != CommandStatus.Ok || header.CommandId == CommandId.DeliverSmResp))
            return new T { CommandStatus = header.CommandStatus, SequenceNumber = header.SequenceNumber };
        return new T
        {
            CommandStatus = header.CommandStatus,
            SequenceNumber = header.SequenceNumber,
            MessageId = reader.ReadCString("message_id", PduLimits.MessageId, CommandStatus.InvalidMessageId),
            Tlvs = reader.ReadTlvs(),
        };
    }
}
