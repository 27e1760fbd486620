using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using SelfService.Staff;

namespace SelfService.Desk.Pages.Staff;

/// <summary>The sign-in form. Antiforgery is checked by Razor Pages on the post; lockout by <see cref="StaffAccounts"/>.</summary>
[AllowAnonymous]
public sealed class SignInModel(StaffAccounts accounts) : DeskPageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await accounts.CheckPasswordAsync(UserName ?? "", Password ?? "", HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        if (!result.Succeeded)
        {
            Problem = T(result.Outcome == SignInOutcome.LockedOut ? "lockedOut" : "wrongPassword");
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            StaffPrincipal.Create(result.Account!, CookieAuthenticationDefaults.AuthenticationScheme));
        // Only local addresses: a crafted link must not bounce a fresh session to another site.
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/staff");
    }
}
