using System.Text;

namespace SelfService.Smpp;

/// <summary>The body shared by bind_transmitter, bind_receiver and bind_transceiver (SMPP v3.4 sections 4.1.1, 4.1.3, 4.1.5).</summary>
public abstract record BindRequest : Pdu
{
    /// <summary>The interface_version of SMPP v3.4.</summary>
    public const byte SmppVersion34 = 0x34;

    /// <summary>system_id, at most 15 characters.</summary>
    public string SystemId { get; init; } = string.Empty;

    /// <summary>password, at most 8 characters. Never printed by <see cref="object.ToString"/>.</summary>
    public string Password { get; init; } = string.Empty;

    /// <summary>system_type, at most 12 characters.</summary>
    public string SystemType { get; init; } = string.Empty;

    public byte InterfaceVersion { get; init; } = SmppVersion34;

    public TypeOfNumber AddrTon { get; init; }

    public NumberingPlan AddrNpi { get; init; }

    /// <summary>address_range, a regular expression of the addresses served (receiver binds), at most 40 characters.</summary>
    public string AddressRange { get; init; } = string.Empty;

    /// <summary>The same bind with the password replaced, for logs.</summary>
    public BindRequest Redacted() => Password.Length == 0 ? this : this with { Password = "***" };

    internal override int GetBodyLength() =>
        PduWriter.CStringSize(SystemId, PduLimits.SystemId, "system_id")
        + PduWriter.CStringSize(Password, PduLimits.Password, "password")
        + PduWriter.CStringSize(SystemType, PduLimits.SystemType, "system_type")
        + 3
        + PduWriter.CStringSize(AddressRange, PduLimits.AddressRange, "address_range");

    internal override void WriteBody(ref PduWriter writer)
    {
        writer.WriteCString(SystemId);
        writer.WriteCString(Password);
        writer.WriteCString(SystemType);
        writer.WriteByte(InterfaceVersion);
        writer.WriteByte((byte)AddrTon);
        writer.WriteByte((byte)AddrNpi);
        writer.WriteCString(AddressRange);
    }

    internal static T Read<T>(ref PduReader reader, in PduHeader header) where T : BindRequest, new()
    {
        var pdu = new T
        {
            CommandStatus = header.CommandStatus,
            SequenceNumber = header.SequenceNumber,
            SystemId = reader.ReadCString("system_id", PduLimits.SystemId, CommandStatus.InvalidSystemId),
            Password = reader.ReadCString("password", PduLimits.Password, CommandStatus.InvalidPassword),
            SystemType = reader.ReadCString("system_type", PduLimits.SystemType, CommandStatus.InvalidSystemType),
            InterfaceVersion = reader.ReadByte("interface_version"),
            AddrTon = (TypeOfNumber)reader.ReadByte("addr_ton"),
            AddrNpi = (NumberingPlan)reader.ReadByte("addr_npi"),
            AddressRange = reader.ReadCString("address_range", PduLimits.AddressRange, CommandStatus.BindFailed),
        };
        reader.ExpectEnd();
        return pdu;
    }

    protected override bool PrintMembers(StringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (base.PrintMembers(builder)) builder.Append(", ");
        builder.Append($"SystemId = {SystemId}, Password = {(Password.Length == 0 ? "" : "***")}, SystemType = {SystemType}, ");
        builder.Append($"InterfaceVersion = 0x{InterfaceVersion:X2}, AddrTon = {AddrTon}, AddrNpi = {AddrNpi}, AddressRange = {AddressRange}");
        return true;
    }
}
