using Microsoft.AspNetCore.Http;

namespace SelfService.Desk;

/// <summary>Which language a member of staff reads the pages in: their choice (a cookie), else the browser's, else Russian.</summary>
public static class DeskLanguage
{
    public const string CookieName = "selfservice.desk.lang";

    public static string Of(HttpContext context)
    {
        if (context.Request.Cookies.TryGetValue(CookieName, out var chosen) && DeskTexts.Languages.Contains(chosen)) return chosen;
        var accept = context.Request.Headers.AcceptLanguage.ToString();
        return accept.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "ru";
    }
}
