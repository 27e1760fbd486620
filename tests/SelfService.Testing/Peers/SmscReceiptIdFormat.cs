namespace SelfService.Testing.Peers;

/// <summary>How a receipt writes the id that submit_sm_resp gave (a hex string such as <c>1A2B3C</c>).</summary>
public enum SmscReceiptIdFormat
{
    /// <summary><c>1A2B3C</c>.</summary>
    AsIs,

    /// <summary><c>1715004</c>: the hex id's decimal value, as many SMSCs write it.</summary>
    Decimal,

    /// <summary><c>0001715004</c>.</summary>
    DecimalPadded,

    /// <summary><c>1a2b3c</c>.</summary>
    Lowercase,
}
