using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SelfService.Staff;

/// <summary>"Authorization: Bearer sst_..." on API calls.</summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "StaffToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!TryReadToken(Request.Headers.Authorization.ToString(), out var token)) return AuthenticateResult.NoResult();
        var account = await tokens.AuthenticateAsync(token, Context.RequestAborted);
        if (account is null) return AuthenticateResult.Fail("The API token is unknown, revoked or expired.");
        return AuthenticateResult.Success(new AuthenticationTicket(StaffPrincipal.Create(account, SchemeName), SchemeName));
    }

    internal static bool TryReadToken(string header, out string token)
    {
        const string bearer = "Bearer ";
        token = header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) ? header[bearer.Length..].Trim() : "";
        return token.StartsWith(ApiTokens.Prefix, StringComparison.Ordinal);
    }
}
