namespace SelfService.Smpp;

/// <summary>enquire_link (SMPP v3.4 section 4.11.1): a header without a body.</summary>
public sealed record EnquireLink : Pdu
{
    public override CommandId CommandId => CommandId.EnquireLink;

    internal override int GetBodyLength() => 0;

    internal override void WriteBody(ref PduWriter writer) { }
}
