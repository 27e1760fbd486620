namespace SelfService.Testing.Peers;

/// <summary>A USSD deliver_sm: the text, ussd_service_op (TLV 0x0501) and its_session_info (TLV 0x1383).</summary>
/// <param name="Operation">ussd_service_op: 0 PSSD, 1 PSSR indication, 2 USSR, 3 USSN, 16-19 the responses.</param>
public sealed record SmscUssd(string Source, string Destination, string Text, int Operation)
{
    /// <summary>its_session_info as hex, e.g. <c>0102</c> (session 1, sequence 1, not the end); left out when null.</summary>
    public string? SessionInfoHex { get; init; }

    public string? Id { get; init; }

    /// <summary>"USSD" when null.</summary>
    public string? ServiceType { get; init; }

    public SmscTextEncoding Encoding { get; init; } = SmscTextEncoding.Gsm;

    /// <summary>0x0F for GSM text when null (0 is the other common choice).</summary>
    public int? DataCoding { get; init; }

    public IReadOnlyDictionary<string, object>? Tlvs { get; init; }

    public int? ToSession { get; init; }
}
