namespace SelfService.Smpp;

/// <summary>Maximum field sizes of SMPP v3.4 (chapter 4), C-octet strings counted with their NUL.</summary>
public static class PduLimits
{
    public const int SystemId = 16;
    public const int Password = 9;
    public const int SystemType = 13;
    public const int AddressRange = 41;
    public const int ServiceType = 6;
    /// <summary>source_addr / destination_addr of submit_sm, deliver_sm, query_sm.</summary>
    public const int Address = 21;
    /// <summary>source_addr / destination_addr of data_sm, addresses of alert_notification.</summary>
    public const int LongAddress = 65;
    public const int MessageId = 65;
    /// <summary>schedule_delivery_time, validity_period, final_date: empty or 16 characters.</summary>
    public const int Time = 17;
    /// <summary>short_message: 0 to 254 octets (section 5.2.21).</summary>
    public const int ShortMessage = 254;
    /// <summary>The 16-octet header every PDU starts with.</summary>
    public const int HeaderLength = 16;
}
