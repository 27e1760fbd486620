namespace SelfService.Smpp;

/// <summary>What submit_sm, deliver_sm and data_sm have in common: the addresses, the coding and the user data.</summary>
/// <remarks>data_sm has no short_message field; its <see cref="ShortMessage"/> is empty and the user data is in message_payload.</remarks>
public interface IMessagePdu
{
    string ServiceType { get; }
    TypeOfNumber SourceAddrTon { get; }
    NumberingPlan SourceAddrNpi { get; }
    string SourceAddr { get; }
    TypeOfNumber DestAddrTon { get; }
    NumberingPlan DestAddrNpi { get; }
    string DestinationAddr { get; }
    byte EsmClass { get; }
    byte RegisteredDelivery { get; }
    byte DataCoding { get; }
    ReadOnlyMemory<byte> ShortMessage { get; }
    TlvList Tlvs { get; }
}
