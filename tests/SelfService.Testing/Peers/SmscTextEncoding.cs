namespace SelfService.Testing.Peers;

/// <summary>How the SMSC peer encodes text it sends: GSM 03.38 (data_coding 0), UCS-2 (8) or Latin-1 (3).</summary>
public enum SmscTextEncoding
{
    Gsm,
    Ucs2,
    Latin1,
}
