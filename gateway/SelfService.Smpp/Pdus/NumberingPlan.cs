namespace SelfService.Smpp;

/// <summary>addr_npi values (SMPP v3.4 section 5.2.6). Any other octet value is carried through unchanged.</summary>
public enum NumberingPlan : byte
{
    Unknown = 0,
    /// <summary>ISDN (E.163/E.164).</summary>
    Isdn = 1,
    /// <summary>Data (X.121).</summary>
    Data = 3,
    /// <summary>Telex (F.69).</summary>
    Telex = 4,
    /// <summary>Land mobile (E.212).</summary>
    LandMobile = 6,
    National = 8,
    Private = 9,
    Ermes = 10,
    /// <summary>Internet (IP).</summary>
    Internet = 14,
    WapClientId = 18,
}
