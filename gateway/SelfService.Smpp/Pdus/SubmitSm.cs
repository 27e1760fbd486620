namespace SelfService.Smpp;

/// <summary>submit_sm (SMPP v3.4 section 4.4.1): an ESME submits a short message to the SMSC.</summary>
public sealed record SubmitSm : ShortMessagePdu
{
    public override CommandId CommandId => CommandId.SubmitSm;
}
