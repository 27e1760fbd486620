namespace SelfService.Smpp;

/// <summary>query_sm_resp (SMPP v3.4 section 4.8.2).</summary>
public sealed record QuerySmResp : Pdu
{
    public override CommandId CommandId => CommandId.QuerySmResp;

    public string MessageId { get; init; } = string.Empty;

    /// <summary>final_date: empty, or 16 characters when the message reached a final state.</summary>
    public string FinalDate { get; init; } = string.Empty;

    public MessageState MessageState { get; init; }

    /// <summary>error_code: the network error when the message failed.</summary>
    public byte ErrorCode { get; init; }

    private bool OmitBody => CommandStatus != CommandStatus.Ok && MessageId.Length == 0 && FinalDate.Length == 0 && MessageState == 0 && ErrorCode == 0;

    internal override int GetBodyLength() =>
        OmitBody ? 0 : PduWriter.CStringSize(MessageId, PduLimits.MessageId, "message_id") + PduWriter.TimeSize(FinalDate, "final_date") + 2;

    internal override void WriteBody(ref PduWriter writer)
    {
        if (OmitBody) return;
        writer.WriteCString(MessageId);
        writer.WriteCString(FinalDate);
        writer.WriteByte((byte)MessageState);
        writer.WriteByte(ErrorCode);
    }

    internal static QuerySmResp Read(ref PduReader reader, in PduHeader header)
    {
        if (reader.AtEnd && header.CommandStatus != CommandStatus.Ok)
            return new QuerySmResp { CommandStatus = header.CommandStatus, SequenceNumber = header.SequenceNumber };
        var pdu = new QuerySmResp
        {
            CommandStatus = header.CommandStatus,
            SequenceNumber = header.SequenceNumber,
            MessageId = reader.ReadCString("message_id", PduLimits.MessageId, CommandStatus.InvalidMessageId),
            FinalDate = reader.ReadTime("final_date", CommandStatus.QueryFailed),
            MessageState = (MessageState)reader.ReadByte("message_state"),
            ErrorCode = reader.ReadByte("error_code"),
        };
        reader.ExpectEnd();
        return pdu;
    }
}
