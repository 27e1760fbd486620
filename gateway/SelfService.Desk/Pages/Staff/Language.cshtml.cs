using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace SelfService.Desk.Pages.Staff;

/// <summary>Switches the pages between Russian and English for this browser.</summary>
[AllowAnonymous]
public sealed class LanguageModel : DeskPageModel
{
    public IActionResult OnPost(string? language, string? returnUrl)
    {
        if (language is not null && DeskTexts.Languages.Contains(language))
            Response.Cookies.Append(DeskLanguage.CookieName, language, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, MaxAge = TimeSpan.FromDays(365) });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/staff");
    }
}
