namespace SelfService.Smpp;

/// <summary>Bits of the registered_delivery octet (SMPP v3.4 section 5.2.17).</summary>
public static class RegisteredDelivery
{
    public const byte None = 0x00;
    /// <summary>SMSC delivery receipt requested on final outcome, success or failure.</summary>
    public const byte SmscReceiptOnFinal = 0x01;
    /// <summary>SMSC delivery receipt requested on failure only.</summary>
    public const byte SmscReceiptOnFailure = 0x02;
    public const byte SmscReceiptMask = 0x03;
    /// <summary>Intermediate notification requested.</summary>
    public const byte IntermediateNotification = 0x10;
}
