namespace SelfService.Smpp;

/// <summary>generic_nack, the answer to a PDU whose header is invalid or whose command id is unknown (SMPP v3.4 section 4.3.1): a header without a body.</summary>
public sealed record GenericNack : Pdu
{
    public override CommandId CommandId => CommandId.GenericNack;

    internal override int GetBodyLength() => 0;

    internal override void WriteBody(ref PduWriter writer) { }
}
