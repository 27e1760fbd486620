namespace SelfService.Smpp;

/// <summary>unbind (SMPP v3.4 section 4.2.1): a header without a body.</summary>
public sealed record Unbind : Pdu
{
    public override CommandId CommandId => CommandId.Unbind;

    internal override int GetBodyLength() => 0;

    internal override void WriteBody(ref PduWriter writer) { }
}
