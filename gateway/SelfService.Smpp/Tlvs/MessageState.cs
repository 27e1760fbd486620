namespace SelfService.Smpp;

/// <summary>message_state values (SMPP v3.4 section 5.2.28), used by query_sm_resp and delivery receipts.</summary>
public enum MessageState : byte
{
    Enroute = 1,
    Delivered = 2,
    Expired = 3,
    Deleted = 4,
    Undeliverable = 5,
    Accepted = 6,
    Unknown = 7,
    Rejected = 8,
}
