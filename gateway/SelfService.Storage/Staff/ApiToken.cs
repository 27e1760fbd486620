namespace SelfService.Storage.Staff;

/// <summary>A bearer token for the HTTP APIs, as stored: only its SHA-256 hash, never the token itself.</summary>
public sealed class ApiToken
{
    public string Id { get; set; } = "";

    public string Hash { get; set; } = "";
    public string AccountId { get; set; } = "";

    /// <summary>What it is for ("ci", "crm integration"), so an admin knows which one to revoke.</summary>
    public string Label { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public bool Revoked { get; set; }
}
