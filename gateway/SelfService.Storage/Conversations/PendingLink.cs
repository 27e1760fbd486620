namespace SelfService.Storage.Conversations;

/// <summary>A one-time code sent to <see cref="Msisdn"/>; only its hash is kept.</summary>
public sealed class PendingLink
{
    public string Msisdn { get; set; } = "";
    public string CodeHash { get; set; } = "";
    public int AttemptsLeft { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
