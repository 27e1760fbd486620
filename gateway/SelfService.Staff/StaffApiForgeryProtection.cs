using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SelfService.Staff;

/// <summary>
/// Staff APIs act on a bearer token, or on the sign-in cookie only together with the antiforgery token in a header.
/// SameSite=Strict does not stop a page on another port of the same host (same site) from posting a form with the
/// cookie; a form cannot set a header, and a script on another origin cannot without a CORS preflight we never allow.
/// </summary>
public static class StaffApiForgeryProtection
{
    /// <summary>The header the cookie's companion token travels in (ASP.NET Core's default antiforgery header name).</summary>
    public const string HeaderName = "RequestVerificationToken";

    /// <summary>Call after UseAuthentication and before UseAuthorization: a cookie-only unsafe API request becomes anonymous (401).</summary>
    public static IApplicationBuilder UseStaffApiForgeryProtection(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (NeedsCheck(context) && !await HasValidHeaderTokenAsync(context))
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            await next(context);
        });

    private static bool NeedsCheck(HttpContext context)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api")) return false;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
            return false;
        if (context.User.Identity?.IsAuthenticated != true) return false;
        // Authenticated by a bearer token: nothing a browser sends on its own.
        return !ApiTokenAuthenticationHandler.TryReadToken(request.Headers.Authorization.ToString(), out _);
    }

    private static async Task<bool> HasValidHeaderTokenAsync(HttpContext context)
    {
        // Only the header counts: a form field would let a same-site form carry a token it had scraped or been given.
        if (string.IsNullOrEmpty(context.Request.Headers[HeaderName])) return false;
        try
        {
            return await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }
}
