namespace SelfService.Storage.Campaigns;

/// <summary>
/// Where one run of a campaign stands: recipients by state, and for those handed over, what the outbox made of them
/// (sent, failed) and what the delivery receipts said (delivered: every part of the message).
/// </summary>
public sealed record CampaignProgress(
    int Recipients,
    int Pending,
    int HandedOver,
    int OptedOut,
    int Unreachable,
    int Cancelled,
    int Sent,
    int Delivered,
    int Failed,
    int Parts);
