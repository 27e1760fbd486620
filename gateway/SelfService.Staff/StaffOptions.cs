namespace SelfService.Staff;

/// <summary>Settings under "Staff".</summary>
public sealed class StaffOptions
{
    public const string Section = "Staff";

    /// <summary>Wrong passwords in a row before the account is locked.</summary>
    public int LockoutThreshold { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    public int MinimumPasswordLength { get; set; } = 10;

    /// <summary>How long a page sign-in lasts without activity.</summary>
    public TimeSpan CookieLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The first admin, created at start when no admin exists yet. Never defaulted: no password, no admin.</summary>
    public BootstrapAdminOptions BootstrapAdmin { get; set; } = new();
}

public sealed class BootstrapAdminOptions
{
    public string? UserName { get; set; }

    /// <summary>The password itself (from a secret store or the environment: Staff__BootstrapAdmin__Password).</summary>
    public string? Password { get; set; }

    /// <summary>Or a file holding it (a mounted secret), read once at start.</summary>
    public string? PasswordFile { get; set; }
}
