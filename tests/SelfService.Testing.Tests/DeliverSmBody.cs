namespace SelfService.Testing.Tests;

/// <summary>The fields of a deliver_sm the tests look at.</summary>
internal sealed record DeliverSmBody(
    string ServiceType,
    string Source,
    string Destination,
    byte EsmClass,
    byte RegisteredDelivery,
    byte DataCoding,
    byte[] ShortMessage,
    IReadOnlyDictionary<ushort, byte[]> Tlvs);
