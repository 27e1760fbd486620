using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SelfService.Staff;

public static class StaffServiceCollectionExtensions
{
    /// <summary>The scheme pages and APIs authenticate with: an API token when one is presented, the sign-in cookie otherwise.</summary>
    public const string Scheme = "Staff";

    public const string SignInPath = "/staff/signin";

    /// <summary>
    /// Staff accounts, the audit trail, API tokens, cookie sign-in for pages and bearer tokens for APIs, and one
    /// authorization policy per kind of work (<see cref="StaffPolicies"/>). APIs answer 401/403; pages redirect to sign in.
    /// </summary>
    public static IServiceCollection AddStaff(this IServiceCollection services)
    {
        services.AddOptions<StaffOptions>().BindConfiguration(StaffOptions.Section)
            .Validate(o => o.LockoutThreshold > 0 && o.LockoutDuration > TimeSpan.Zero, "Staff:LockoutThreshold and Staff:LockoutDuration must be positive")
            .Validate(o => o.MinimumPasswordLength >= 8, "Staff:MinimumPasswordLength must be at least 8")
            .ValidateOnStart();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<StaffAccounts>();
        services.AddSingleton<ApiTokens>();
        services.AddHostedService<BootstrapAdmin>();

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Staff sign-in or API token", o => o.ForwardDefaultSelector = context =>
                ApiTokenAuthenticationHandler.TryReadToken(context.Request.Headers.Authorization.ToString(), out _)
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.LoginPath = SignInPath;
                o.AccessDeniedPath = "/staff/denied";
                o.Cookie.Name = "selfservice.staff";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.SlidingExpiration = true;
                o.Events = new CookieAuthenticationEvents
                {
                    // APIs and hubs answer with a status; only pages send people to the sign-in form.
                    OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized),
                    OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden),
                    OnValidatePrincipal = RejectDisabledAccountsAsync,
                };
            });
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<Microsoft.Extensions.Options.IOptions<StaffOptions>>((cookie, staff) => cookie.ExpireTimeSpan = staff.Value.CookieLifetime);

        var authorization = services.AddAuthorizationBuilder();
        foreach (var (policy, roles) in StaffPolicies.Roles)
            authorization.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        return services;
    }

    private static Task Answer(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsApiRequest(context.Request))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    internal static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/hubs") || request.Path.StartsWithSegments("/metrics");

    /// <summary>
    /// A disabled account's cookie, or one issued before its security stamp changed (sign-out, password change), stops
    /// working at its next request, not when it expires.
    /// </summary>
    private static async Task RejectDisabledAccountsAsync(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var accounts = context.HttpContext.RequestServices.GetRequiredService<StaffAccounts>();
        var stamp = context.Principal?.FindFirst(StaffPrincipal.SecurityStampClaim)?.Value ?? "";
        if (id is null || await accounts.GetAsync(id, context.HttpContext.RequestAborted) is not { Disabled: false } account || account.SecurityStamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
