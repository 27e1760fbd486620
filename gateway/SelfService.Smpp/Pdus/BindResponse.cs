namespace SelfService.Smpp;

/// <summary>The body shared by the three bind responses (SMPP v3.4 sections 4.1.2, 4.1.4, 4.1.6).</summary>
public abstract record BindResponse : Pdu
{
    /// <summary>The SMSC's system_id. An error response may come without a body, which reads as empty.</summary>
    public string SystemId { get; init; } = string.Empty;

    /// <summary>Optional parameters; sc_interface_version is the one the spec names.</summary>
    public TlvList Tlvs { get; init; } = TlvList.Empty;

    /// <summary>sc_interface_version, when the SMSC sent it.</summary>
    public byte? ScInterfaceVersion => Tlvs.TryGet(TlvTag.ScInterfaceVersion, out var tlv) && tlv.TryGetByte(out var v) ? v : null;

    internal override int GetBodyLength() =>
        OmitBody ? 0 : PduWriter.CStringSize(SystemId, PduLimits.SystemId, "system_id") + PduWriter.TlvsSize(Tlvs);

    internal override void WriteBody(ref PduWriter writer)
    {
        if (OmitBody) return;
        writer.WriteCString(SystemId);
        writer.WriteTlvs(Tlvs);
    }

    // An error response with nothing to say is sent as a bare header, as SMSCs commonly do.
    private bool OmitBody => CommandStatus != CommandStatus.Ok && SystemId.Length == 0 && Tlvs.Count == 0;

    internal static T Read<T>(ref PduReader reader, in PduHeader header) where T : BindResponse, new()
    {
        if (reader.AtEnd && header.CommandStatus != CommandStatus.Ok)
            return new T { CommandStatus = header.CommandStatus, SequenceNumber = header.SequenceNumber };
        return new T
        {
            CommandStatus = header.CommandStatus,
            SequenceNumber = header.SequenceNumber,
            SystemId = reader.ReadCString("system_id", PduLimits.SystemId, CommandStatus.InvalidSystemId),
            Tlvs = reader.ReadTlvs(),
        };
    }
}
