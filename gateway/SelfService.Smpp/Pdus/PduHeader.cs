namespace SelfService.Smpp;

/// <summary>The 16-octet header of every PDU (SMPP v3.4 section 3.2.1).</summary>
public readonly record struct PduHeader(uint CommandLength, CommandId CommandId, CommandStatus CommandStatus, uint SequenceNumber);
