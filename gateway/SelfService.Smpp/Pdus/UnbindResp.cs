namespace SelfService.Smpp;

/// <summary>unbind_resp (SMPP v3.4 section 4.2.2): a header without a body.</summary>
public sealed record UnbindResp : Pdu
{
    public override CommandId CommandId => CommandId.UnbindResp;

    internal override int GetBodyLength() => 0;

    internal override void WriteBody(ref PduWriter writer) { }
}
