namespace SelfService.Smpp;

/// <summary>alert_notification (SMPP v3.4 section 4.12.1): the SMSC says a mobile became available. It has no response.</summary>
public sealed record AlertNotification : Pdu
{
    public override CommandId CommandId => CommandId.AlertNotification;

    public TypeOfNumber SourceAddrTon { get; init; }

    public NumberingPlan SourceAddrNpi { get; init; }

    /// <summary>The mobile that became available, at most 64 characters.</summary>
    public string SourceAddr { get; init; } = string.Empty;

    public TypeOfNumber EsmeAddrTon { get; init; }

    public NumberingPlan EsmeAddrNpi { get; init; }

    /// <summary>The ESME address that asked to be alerted, at most 64 characters.</summary>
    public string EsmeAddr { get; init; } = string.Empty;

    /// <summary>Optional ms_availability_status.</summary>
    public TlvList Tlvs { get; init; } = TlvList.Empty;

    internal override int GetBodyLength() =>
        2 + PduWriter.CStringSize(SourceAddr, PduLimits.LongAddress, "source_addr")
        + 2 + PduWriter.CStringSize(EsmeAddr, PduLimits.LongAddress, "esme_addr")
        + PduWriter.TlvsSize(Tlvs);

    internal override void WriteBody(ref PduWriter writer)
    {
        writer.WriteByte((byte)SourceAddrTon);
        writer.WriteByte((byte)SourceAddrNpi);
        writer.WriteCString(SourceAddr);
        writer.WriteByte((byte)EsmeAddrTon);
        writer.WriteByte((byte)EsmeAddrNpi);
        writer.WriteCString(EsmeAddr);
        writer.WriteTlvs(Tlvs);
    }

    internal static AlertNotification Read(ref PduReader reader, in PduHeader header) => new()
    {
        CommandStatus = header.CommandStatus,
        SequenceNumber = header.SequenceNumber,
        SourceAddrTon = (TypeOfNumber)reader.ReadByte("source_addr_ton"),
        SourceAddrNpi = (NumberingPlan)reader.ReadByte("source_addr_npi"),
        SourceAddr = reader.ReadCString("source_addr", PduLimits.LongAddress, CommandStatus.InvalidSourceAddress),
        EsmeAddrTon = (TypeOfNumber)reader.ReadByte("esme_addr_ton"),
        EsmeAddrNpi = (NumberingPlan)reader.ReadByte("esme_addr_npi"),
        EsmeAddr = reader.ReadCString("esme_addr", PduLimits.LongAddress, CommandStatus.InvalidDestinationAddress),
        Tlvs = reader.ReadTlvs(),
    };
}
