using System.Security.Claims;
using SelfService.Staff;

namespace SelfService.Gateway.Api;

/// <summary>
/// Tokens for API clients (traded for a user name and password, with the same lockout as the sign-in page),
/// and for admins: staff accounts and the audit trail.
/// </summary>
internal static class StaffApi
{
    private static readonly TimeSpan SignedInTokenLifetime = TimeSpan.FromHours(12);

    public static IEndpointRouteBuilder MapStaffApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/staff");
        group.MapPost("/token", IssueToken).AllowAnonymous();
        group.MapGet("/me", (ClaimsPrincipal user) => TypedResults.Ok(new
        {
            userName = user.UserName(), displayName = user.DisplayName(), roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value),
        })).RequireAuthorization();
        var admin = group.MapGroup("").RequireAuthorization(StaffPolicies.Admins);
        admin.MapGet("/accounts", (StaffAccounts accounts) => TypedResults.Ok(accounts.List().Select(a => new
        {
            a.UserName, a.DisplayName, a.Roles, a.Languages, a.Groups, a.Disabled, a.LockedUntil, a.LastSignInAt,
        })));
        admin.MapPost("/accounts", CreateAccount);
        admin.MapGet("/audit", (int? limit, string? actor, string? subject, AuditTrail audit) =>
            TypedResults.Ok(audit.Recent(Math.Clamp(limit ?? 100, 1, 1000), actor, subject)));
        return routes;
    }

    private static IResult IssueToken(TokenRequest request, StaffAccounts accounts, ApiTokens tokens, HttpContext http)
    {
        if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password))
            return TypedResults.Problem("Give userName and password.", statusCode: StatusCodes.Status400BadRequest);
        var result = accounts.CheckPassword(request.UserName, request.Password, http.Connection.RemoteIpAddress?.ToString());
        if (!result.Succeeded)
            return TypedResults.Problem(result.Outcome == SignInOutcome.LockedOut ? "Too many failed attempts: the account is locked for a while." : "Wrong user name or password.",
                statusCode: StatusCodes.Status401Unauthorized);
        var token = tokens.Issue(result.Account!.UserName, request.Label ?? "api", SignedInTokenLifetime, result.Account.UserName);
        return TypedResults.Ok(new { token, expiresIn = (int)SignedInTokenLifetime.TotalSeconds });
    }

    private static IResult CreateAccount(NewAccount? request, StaffAccounts accounts, ClaimsPrincipal user)
    {
        if (request is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["account"] = ["The body must be an account: {userName, password, roles}."] });
        try
        {
            // JSON nulls inside the lists are dropped, not dereferenced: a null anywhere is a 400 with reasons, never a 500.
            var account = accounts.Create(request.UserName ?? "", request.Password ?? "", NonNull(request.Roles) ?? [], user.UserName(),
                request.DisplayName, NonNull(request.Languages), NonNull(request.Groups));
            return TypedResults.Created($"/api/staff/accounts/{account.UserName}", new { account.UserName, account.Roles });
        }
        catch (StaffAccountException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["account"] = [.. ex.Problems] });
        }
    }

    private static string[]? NonNull(string?[]? values) => values?.OfType<string>().ToArray();

    internal sealed record TokenRequest(string? UserName, string? Password, string? Label);

    internal sealed record NewAccount(string? UserName, string? Password, string?[]? Roles, string? DisplayName, string?[]? Languages, string?[]? Groups);
}
