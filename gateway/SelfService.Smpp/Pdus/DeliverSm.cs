namespace SelfService.Smpp;

/// <summary>deliver_sm (SMPP v3.4 section 4.6.1): the SMSC delivers a mobile-originated message or a delivery receipt.</summary>
public sealed record DeliverSm : ShortMessagePdu
{
    public override CommandId CommandId => CommandId.DeliverSm;
}
