namespace SelfService.Smpp;

/// <summary>Values of the ussd_service_op TLV (SMPP v3.4 section 5.3.2.44).</summary>
public enum UssdServiceOp : byte
{
    PssdIndication = 0,
    PssrIndication = 1,
    UssrRequest = 2,
    UssnRequest = 3,
    PssdResponse = 16,
    PssrResponse = 17,
    UssrConfirm = 18,
    UssnConfirm = 19,
}
