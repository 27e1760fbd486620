namespace SelfService.Smpp;

/// <summary>Which way a PDU went, for the wire log.</summary>
public enum SmppPduDirection
{
    Received,
    Sent,
}
