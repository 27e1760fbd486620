using SelfService.Storage.Staff;

namespace SelfService.Staff;

/// <summary>What a password check came to. Unknown users and wrong passwords look the same to the caller.</summary>
public enum SignInOutcome
{
    Succeeded,
    Failed,
    LockedOut,
    Disabled,
}

public sealed record SignInResult(SignInOutcome Outcome, StaffAccount? Account)
{
    public bool Succeeded => Outcome == SignInOutcome.Succeeded;
}
