namespace SelfService.Smpp;

/// <summary>data_sm (SMPP v3.4 section 4.7.1): either side sends a message; the user data travels in message_payload.</summary>
public sealed record DataSm : Pdu, IMessagePdu
{
    public override CommandId CommandId => CommandId.DataSm;

    public string ServiceType { get; init; } = string.Empty;

    public TypeOfNumber SourceAddrTon { get; init; }

    public NumberingPlan SourceAddrNpi { get; init; }

    /// <summary>source_addr, at most 64 characters in data_sm.</summary>
    public string SourceAddr { get; init; } = string.Empty;

    public TypeOfNumber DestAddrTon { get; init; }

    public NumberingPlan DestAddrNpi { get; init; }

    /// <summary>destination_addr, at most 64 characters in data_sm.</summary>
    public string DestinationAddr { get; init; } = string.Empty;

    public byte EsmClass { get; init; }

    public byte RegisteredDelivery { get; init; }

    public byte DataCoding { get; init; }

    public TlvList Tlvs { get; init; } = TlvList.Empty;

    ReadOnlyMemory<byte> IMessagePdu.ShortMessage => ReadOnlyMemory<byte>.Empty;

    internal override int GetBodyLength() =>
        PduWriter.CStringSize(ServiceType, PduLimits.ServiceType, "service_type")
        + 2 + PduWriter.CStringSize(SourceAddr, PduLimits.LongAddress, "source_addr")
        + 2 + PduWriter.CStringSize(DestinationAddr, PduLimits.LongAddress, "destination_addr")
        + 3
        + PduWriter.TlvsSize(Tlvs);

    internal override void WriteBody(ref PduWriter writer)
    {
        writer.WriteCString(ServiceType);
        writer.WriteByte((byte)SourceAddrTon);
        writer.WriteByte((byte)SourceAddrNpi);
        writer.WriteCString(SourceAddr);
        writer.WriteByte((byte)DestAddrTon);
        writer.WriteByte((byte)DestAddrNpi);
        writer.WriteCString(DestinationAddr);
        writer.WriteByte(EsmClass);
        writer.WriteByte(RegisteredDelivery);
        writer.WriteByte(DataCoding);
        writer.WriteTlvs(Tlvs);
    }

    internal static DataSm Read(ref PduReader reader, in PduHeader header) => new()
    {
        CommandStatus = header.CommandStatus,
        SequenceNumber = header.SequenceNumber,
        ServiceType = reader.ReadCString("service_type", PduLimits.ServiceType, CommandStatus.InvalidServiceType),
        SourceAddrTon = (TypeOfNumber)reader.ReadByte("source_addr_ton"),
        SourceAddrNpi = (NumberingPlan)reader.ReadByte("source_addr_npi"),
        SourceAddr = reader.ReadCString("source_addr", PduLimits.LongAddress, CommandStatus.InvalidSourceAddress),
        DestAddrTon = (TypeOfNumber)reader.ReadByte("dest_addr_ton"),
        DestAddrNpi = (NumberingPlan)reader.ReadByte("dest_addr_npi"),
        DestinationAddr = reader.ReadCString("destination_addr", PduLimits.LongAddress, CommandStatus.InvalidDestinationAddress),
        EsmClass = reader.ReadByte("esm_class"),
        RegisteredDelivery = reader.ReadByte("registered_delivery"),
        DataCoding = reader.ReadByte("data_coding"),
        Tlvs = reader.ReadTlvs(),
    };
}
