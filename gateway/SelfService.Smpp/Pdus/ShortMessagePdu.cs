using System.Text;

namespace SelfService.Smpp;

/// <summary>The body shared by submit_sm and deliver_sm, field for field in spec order (SMPP v3.4 sections 4.4.1 and 4.6.1).</summary>
/// <remarks>
/// In deliver_sm the spec sets schedule_delivery_time, validity_period, replace_if_present_flag and sm_default_msg_id
/// to NULL; they are kept here so that whatever arrives re-encodes to the same octets.
/// Two PDUs are equal when every field, the short_message octets and the TLVs are equal.
/// </remarks>
public abstract record ShortMessagePdu : Pdu, IMessagePdu
{
    /// <summary>service_type, at most 5 characters; empty means the SMSC default.</summary>
    public string ServiceType { get; init; } = string.Empty;

    public TypeOfNumber SourceAddrTon { get; init; }

    public NumberingPlan SourceAddrNpi { get; init; }

    /// <summary>source_addr, at most 20 characters.</summary>
    public string SourceAddr { get; init; } = string.Empty;

    public TypeOfNumber DestAddrTon { get; init; }

    public NumberingPlan DestAddrNpi { get; init; }

    /// <summary>destination_addr, at most 20 characters.</summary>
    public string DestinationAddr { get; init; } = string.Empty;

    /// <summary>esm_class, see <see cref="Smpp.EsmClass"/> for the bits.</summary>
    public byte EsmClass { get; init; }

    public byte ProtocolId { get; init; }

    public byte PriorityFlag { get; init; }

    /// <summary>schedule_delivery_time: empty (immediate) or 16 characters YYMMDDhhmmsstnnp.</summary>
    public string ScheduleDeliveryTime { get; init; } = string.Empty;

    /// <summary>validity_period: empty (SMSC default) or 16 characters YYMMDDhhmmsstnnp.</summary>
    public string ValidityPeriod { get; init; } = string.Empty;

    /// <summary>registered_delivery, see <see cref="Smpp.RegisteredDelivery"/>.</summary>
    public byte RegisteredDelivery { get; init; }

    public byte ReplaceIfPresentFlag { get; init; }

    /// <summary>data_coding, see <see cref="Smpp.DataCoding"/>.</summary>
    public byte DataCoding { get; init; }

    public byte SmDefaultMsgId { get; init; }

    /// <summary>short_message, 0 to 254 octets (sm_length is computed). Empty when message_payload carries the message.</summary>
    public ReadOnlyMemory<byte> ShortMessage { get; init; }

    public TlvList Tlvs { get; init; } = TlvList.Empty;

    internal override int GetBodyLength() =>
        PduWriter.CStringSize(ServiceType, PduLimits.ServiceType, "service_type")
        + 2 + PduWriter.CStringSize(SourceAddr, PduLimits.Address, "source_addr")
        + 2 + PduWriter.CStringSize(DestinationAddr, PduLimits.Address, "destination_addr")
        + 3
        + PduWriter.TimeSize(ScheduleDeliveryTime, "schedule_delivery_time")
        + PduWriter.TimeSize(ValidityPeriod, "validity_period")
        + 4
        + PduWriter.ShortMessageSize(ShortMessage)
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
        writer.WriteByte(ProtocolId);
        writer.WriteByte(PriorityFlag);
        writer.WriteCString(ScheduleDeliveryTime);
        writer.WriteCString(ValidityPeriod);
        writer.WriteByte(RegisteredDelivery);
        writer.WriteByte(ReplaceIfPresentFlag);
        writer.WriteByte(DataCoding);
        writer.WriteByte(SmDefaultMsgId);
        writer.WriteShortMessage(ShortMessage.Span);
        writer.WriteTlvs(Tlvs);
    }

    internal static T Read<T>(ref PduReader reader, in PduHeader header) where T : ShortMessagePdu, new() => new()
    {
        CommandStatus = header.CommandStatus,
        SequenceNumber = header.SequenceNumber,
        ServiceType = reader.ReadCString("service_type", PduLimits.ServiceType, CommandStatus.InvalidServiceType),
        SourceAddrTon = (TypeOfNumber)reader.ReadByte("source_addr_ton"),
        SourceAddrNpi = (NumberingPlan)reader.ReadByte("source_addr_npi"),
        SourceAddr = reader.ReadCString("source_addr", PduLimits.Address, CommandStatus.InvalidSourceAddress),
        DestAddrTon = (TypeOfNumber)reader.ReadByte("dest_addr_ton"),
        DestAddrNpi = (NumberingPlan)reader.ReadByte("dest_addr_npi"),
        DestinationAddr = reader.ReadCString("destination_addr", PduLimits.Address, CommandStatus.InvalidDestinationAddress),
        EsmClass = reader.ReadByte("esm_class"),
        ProtocolId = reader.ReadByte("protocol_id"),
        PriorityFlag = reader.ReadByte("priority_flag"),
        ScheduleDeliveryTime = reader.ReadTime("schedule_delivery_time", CommandStatus.InvalidScheduledDeliveryTime),
        ValidityPeriod = reader.ReadTime("validity_period", CommandStatus.InvalidExpiry),
        RegisteredDelivery = reader.ReadByte("registered_delivery"),
        ReplaceIfPresentFlag = reader.ReadByte("replace_if_present_flag"),
        DataCoding = reader.ReadByte("data_coding"),
        SmDefaultMsgId = reader.ReadByte("sm_default_msg_id"),
        ShortMessage = reader.ReadShortMessage(),
        Tlvs = reader.ReadTlvs(),
    };

    public virtual bool Equals(ShortMessagePdu? other) =>
        ReferenceEquals(this, other) || (base.Equals(other)
            && ServiceType == other.ServiceType
            && SourceAddrTon == other.SourceAddrTon
            && SourceAddrNpi == other.SourceAddrNpi
            && SourceAddr == other.SourceAddr
            && DestAddrTon == other.DestAddrTon
            && DestAddrNpi == other.DestAddrNpi
            && DestinationAddr == other.DestinationAddr
            && EsmClass == other.EsmClass
            && ProtocolId == other.ProtocolId
            && PriorityFlag == other.PriorityFlag
            && ScheduleDeliveryTime == other.ScheduleDeliveryTime
            && ValidityPeriod == other.ValidityPeriod
            && RegisteredDelivery == other.RegisteredDelivery
            && ReplaceIfPresentFlag == other.ReplaceIfPresentFlag
            && DataCoding == other.DataCoding
            && SmDefaultMsgId == other.SmDefaultMsgId
            && ShortMessage.Span.SequenceEqual(other.ShortMessage.Span)
            && Tlvs.Equals(other.Tlvs));

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(base.GetHashCode());
        hash.Add(SourceAddr);
        hash.Add(DestinationAddr);
        hash.Add(EsmClass);
        hash.Add(DataCoding);
        hash.AddBytes(ShortMessage.Span);
        hash.Add(Tlvs);
        return hash.ToHashCode();
    }

    protected override bool PrintMembers(StringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (base.PrintMembers(builder)) builder.Append(", ");
        builder.Append($"ServiceType = {ServiceType}, Source = {(byte)SourceAddrTon}/{(byte)SourceAddrNpi}/{SourceAddr}, ");
        builder.Append($"Destination = {(byte)DestAddrTon}/{(byte)DestAddrNpi}/{DestinationAddr}, EsmClass = 0x{EsmClass:X2}, ");
        builder.Append($"ProtocolId = {ProtocolId}, PriorityFlag = {PriorityFlag}, ScheduleDeliveryTime = {ScheduleDeliveryTime}, ");
        builder.Append($"ValidityPeriod = {ValidityPeriod}, RegisteredDelivery = 0x{RegisteredDelivery:X2}, ReplaceIfPresentFlag = {ReplaceIfPresentFlag}, ");
        builder.Append($"DataCoding = 0x{DataCoding:X2}, SmDefaultMsgId = {SmDefaultMsgId}, ShortMessage = {Convert.ToHexString(ShortMessage.Span)}, Tlvs = {Tlvs}");
        return true;
    }
}
