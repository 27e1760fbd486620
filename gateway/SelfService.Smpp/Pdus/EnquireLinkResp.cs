namespace SelfService.Smpp;

/// <summary>enquire_link_resp (SMPP v3.4 section 4.11.2): a header without a body.</summary>
public sealed record EnquireLinkResp : Pdu
{
    public override CommandId CommandId => CommandId.EnquireLinkResp;

    internal override int GetBodyLength() => 0;

    internal override void WriteBody(ref PduWriter writer) { }
}
