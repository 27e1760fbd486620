namespace SelfService.Smpp;

/// <summary>query_sm (SMPP v3.4 section 4.8.1): ask the SMSC for the state of a submitted message.</summary>
public sealed record QuerySm : Pdu
{
    public override CommandId CommandId => CommandId.QuerySm;

    public string MessageId { get; init; } = string.Empty;

    public TypeOfNumber SourceAddrTon { get; init; }

    public NumberingPlan SourceAddrNpi { get; init; }

    /// <summary>source_addr as given in the submit_sm, at most 20 characters.</summary>
    public string SourceAddr { get; init; } = string.Empty;

    internal override int GetBodyLength() =>
        PduWriter.CStringSize(MessageId, PduLimits.MessageId, "message_id")
        + 2 + PduWriter.CStringSize(SourceAddr, PduLimits.Address, "source_addr");

    internal override void WriteBody(ref PduWriter writer)
    {
        writer.WriteCString(MessageId);
        writer.WriteByte((byte)SourceAddrTon);
        writer.WriteByte((byte)SourceAddrNpi);
        writer.WriteCString(SourceAddr);
    }

    internal static QuerySm Read(ref PduReader reader, in PduHeader header)
    {
        var pdu = new QuerySm
        {
            CommandStatus = header.CommandStatus,
            SequenceNumber = header.SequenceNumber,
            MessageId = reader.ReadCString("message_id", PduLimits.MessageId, CommandStatus.InvalidMessageId),
            SourceAddrTon = (TypeOfNumber)reader.ReadByte("source_addr_ton"),
            SourceAddrNpi = (NumberingPlan)reader.ReadByte("source_addr_npi"),
            SourceAddr = reader.ReadCString("source_addr", PduLimits.Address, CommandStatus.InvalidSourceAddress),
        };
        reader.ExpectEnd();
        return pdu;
    }
}
