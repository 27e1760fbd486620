using SelfService.Smpp;

namespace SelfService.Channels.Ussd;

/// <summary>
/// Bound from "Channels:Ussd:Smpp": USSD over SMPP 3.4, a bind to the operator's USSD gateway (or an SMSC that carries
/// USSD). The transport is on when <see cref="Enabled"/> is true; the aggregators' HTTP callback works either way.
/// </summary>
public sealed class UssdSmppOptions
{
    public bool Enabled { get; set; }

    /// <summary>
    /// The SMSC delivers USSD on the SMS channel's bind (marked by ussd_service_op), as many do: the USSD channel opens no
    /// bind of its own, takes those messages from the SMS bind and answers on it. <see cref="Connection"/> is not used.
    /// </summary>
    public bool OnSmsBind { get; set; }

    /// <summary>The bind: host, port, system_id, password, window, enquire_link, reconnects, throttling.</summary>
    public SmppClientOptions Connection { get; set; } = new();

    /// <summary>Replies come from the address the subscriber reached (the destination of the indication); this one is used
    /// when that is empty.</summary>
    public string SourceAddress { get; set; } = "";

    public TypeOfNumber SourceTon { get; set; } = TypeOfNumber.Unknown;
    public NumberingPlan SourceNpi { get; set; } = NumberingPlan.Unknown;

    /// <summary>service_type of the replies (at most 5 characters).</summary>
    public string ServiceType { get; set; } = "USSD";

    /// <summary>data_coding of replies in the GSM alphabet: 0x0F (15), "language unspecified", as USSD strings are coded
    /// (3GPP TS 23.038 chapter 5), or 0, the SMSC default. Other text goes as UCS-2 (8).</summary>
    public byte GsmDataCoding { get; set; } = DataCoding.GsmUnspecifiedLanguage;

    /// <summary>A session whose subscriber does not answer within this time is forgotten, and so is an input the gateway
    /// could not answer within it: the network has given up on the dialog by then.</summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Throws <see cref="ArgumentException"/> naming every problem.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        try
        {
            if (!OnSmsBind) Connection.Validate();
        }
        catch (ArgumentException ex)
        {
            problems.Add(ex.Message);
        }
        if (ServiceType.Length > 5) problems.Add("ServiceType must be at most 5 characters");
        if (SourceAddress.Length > 20) problems.Add("SourceAddress must be at most 20 characters");
        if (GsmDataCoding is not (DataCoding.SmscDefault or DataCoding.GsmUnspecifiedLanguage)) problems.Add("GsmDataCoding must be 0 or 15 (0x0F)");
        if (SessionTimeout <= TimeSpan.Zero) problems.Add("SessionTimeout must be positive");
        if (problems.Count > 0) throw new ArgumentException("Invalid Channels:Ussd:Smpp options: " + string.Join("; ", problems));
    }
}
