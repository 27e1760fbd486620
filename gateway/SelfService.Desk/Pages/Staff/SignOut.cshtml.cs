using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using SelfService.Staff;

namespace SelfService.Desk.Pages.Staff;

/// <summary>Signing out is a post (with its antiforgery token), so a link on another site cannot sign anyone out.</summary>
public sealed class SignOutModel(AuditTrail audit, StaffAccounts accounts) : DeskPageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        await audit.RecordAsync(User.UserName(), "signout", User.UserName(), null, HttpContext.Connection.RemoteIpAddress?.ToString());
        // A new security stamp ends this cookie everywhere, even a copy taken before (and the person's other sessions).
        await accounts.EndCookieSessionsAsync(User.UserName(), CancellationToken.None);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/staff/signin");
    }
}
