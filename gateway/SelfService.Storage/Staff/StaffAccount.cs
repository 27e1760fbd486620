namespace SelfService.Storage.Staff;

/// <summary>A member of staff as stored. The password is kept only as ASP.NET Core's salted, iterated hash.</summary>
public sealed class StaffAccount
{
    public string Id { get; set; } = "";

    /// <summary>Lower-case; what they sign in with.</summary>
    public string UserName { get; set; } = "";

    public string DisplayName { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public List<string> Roles { get; set; } = [];

    /// <summary>Languages the person answers in (ru, en): routing sends them conversations in these.</summary>
    public List<string> Languages { get; set; } = [];

    /// <summary>Queue groups the person works (e.g. "billing", "roaming"); empty means the general group.</summary>
    public List<string> Groups { get; set; } = [];

    /// <summary>
    /// Carried by every sign-in cookie and checked on each request: a new one (sign-out, password change) ends every
    /// cookie issued before it.
    /// </summary>
    public string SecurityStamp { get; set; } = "";

    /// <summary>API tokens issued before this stop working.</summary>
    public DateTimeOffset? PasswordChangedAt { get; set; }

    public int FailedSignIns { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public bool Disabled { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }
}
