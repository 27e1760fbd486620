namespace SelfService.Smpp;

/// <summary>addr_ton values (SMPP v3.4 section 5.2.5). Any other octet value is carried through unchanged.</summary>
public enum TypeOfNumber : byte
{
    Unknown = 0,
    International = 1,
    National = 2,
    NetworkSpecific = 3,
    SubscriberNumber = 4,
    Alphanumeric = 5,
    Abbreviated = 6,
}
