using System.Security.Claims;
using SelfService.Gateway.Hosting;
using SelfService.Staff;
using SelfService.Storage.Staff;

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
        admin.MapGet("/accounts", async (StaffAccounts accounts, CancellationToken cancellationToken) => TypedResults.Ok((await accounts.ListAsync(cancellationToken)).Select(a => new
        {
            a.UserName, a.DisplayName, a.Roles, a.Languages, a.Groups, a.Disabled, a.LockedUntil, a.LastSignInAt,
        })));
        admin.MapPost("/accounts", CreateAccount);
        // Everyone lists and revokes their own tokens; admins anyone's (?user=).
        var tokens = group.MapGroup("/tokens").RequireAuthorization();
        tokens.MapGet("", ListTokens);
        tokens.MapDelete("/{tokenId}", RevokeToken);
        // Newest first; the next page is ?before=<the last entry's id>.
        admin.MapGet("/audit", async (int? limit, string? actor, string? subject, string? before, AuditTrail audit, CancellationToken cancellationToken) =>
            TypedResults.Ok(await audit.RecentAsync(new AuditQuery(Math.Clamp(limit ?? 100, 1, 1000), actor, subject, before), cancellationToken)));
        return routes;
    }

    private static async Task<IResult> IssueToken(TokenRequest request, StaffAccounts accounts, ApiTokens tokens, HttpContext http, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password))
            return TypedResults.Problem("Give userName and password.", statusCode: StatusCodes.Status400BadRequest);
        var result = await accounts.CheckPasswordAsync(request.UserName, request.Password, http.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        if (!result.Succeeded)
            return TypedResults.Problem(result.Outcome == SignInOutcome.LockedOut ? "Too many failed attempts: the account is locked for a while." : "Wrong user name or password.",
                statusCode: StatusCodes.Status401Unauthorized);
        var token = await tokens.IssueAsync(result.Account!.UserName, request.Label ?? "api", SignedInTokenLifetime, result.Account.UserName,
            ClientAddress.Of(http), cancellationToken);
        return TypedResults.Ok(new { token, expiresIn = (int)SignedInTokenLifetime.TotalSeconds });
    }

    /// <summary>The tokens of the caller, or of <paramref name="user"/> for an admin: never the token text, which only its holder saw.</summary>
    private static async Task<IResult> ListTokens(string? user, ClaimsPrincipal caller, StaffAccounts accounts, ApiTokens tokens, CancellationToken cancellationToken)
    {
        var name = string.IsNullOrWhiteSpace(user) ? caller.UserName() : user;
        if (!string.Equals(name, caller.UserName(), StringComparison.OrdinalIgnoreCase) && !caller.IsInRole(StaffRoles.Admin))
            return TypedResults.Problem("Only an admin sees another person's tokens.", statusCode: StatusCodes.Status403Forbidden);
        if (await accounts.FindAsync(name, cancellationToken) is not { } account) return TypedResults.NotFound();
        return TypedResults.Ok((await tokens.ForAccountAsync(account.Id, cancellationToken))
            .Select(t => new { t.Id, t.Label, t.CreatedAt, t.ExpiresAt, t.Revoked }));
    }

    /// <summary>Revokes a token of the caller's own, or anyone's for an admin. Another's token is "not found", so ids cannot be probed.</summary>
    private static async Task<IResult> RevokeToken(string tokenId, ClaimsPrincipal caller, StaffAccounts accounts, ApiTokens tokens, HttpContext http,
        CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(tokenId, cancellationToken);
        var own = token is not null && (await accounts.FindAsync(caller.UserName(), cancellationToken))?.Id == token.AccountId;
        if (token is null || !(own || caller.IsInRole(StaffRoles.Admin))) return TypedResults.NotFound();
        await tokens.RevokeAsync(tokenId, caller.UserName(), ClientAddress.Of(http), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> CreateAccount(NewAccount? request, StaffAccounts accounts, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
    {
        if (request is null) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["account"] = ["The body must be an account: {userName, password, roles}."] });
        try
        {
            // JSON nulls inside the lists are dropped, not dereferenced: a null anywhere is a 400 with reasons, never a 500.
            var account = await accounts.CreateAsync(request.UserName ?? "", request.Password ?? "", NonNull(request.Roles) ?? [], user.UserName(),
                request.DisplayName, NonNull(request.Languages), NonNull(request.Groups), ClientAddress.Of(http), cancellationToken);
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
