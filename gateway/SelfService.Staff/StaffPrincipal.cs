using System.Security.Claims;
using SelfService.Storage.Staff;

namespace SelfService.Staff;

/// <summary>Builds and reads the claims a signed-in member of staff carries.</summary>
public static class StaffPrincipal
{
    public const string DisplayNameClaim = "display_name";

    public const string SecurityStampClaim = "security_stamp";

    public static ClaimsPrincipal Create(StaffAccount account, string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id),
            new(ClaimTypes.Name, account.UserName),
            new(DisplayNameClaim, account.DisplayName),
            new(SecurityStampClaim, account.SecurityStamp),
        };
        claims.AddRange(account.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The user name, which is what the audit trail and the workflow record as the actor.</summary>
    public static string UserName(this ClaimsPrincipal user) =>
        user.Identity?.Name ?? throw new InvalidOperationException("No signed-in user: the endpoint must require authorization.");

    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue(DisplayNameClaim) ?? user.UserName();
}
