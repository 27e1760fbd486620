using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using SelfService.Staff;

namespace SelfService.Gateway.Tests.Infrastructure;

/// <summary>Staff accounts and API tokens made directly in a running gateway's store, for tests that act as staff.</summary>
public static class TestStaff
{
    /// <summary>Creates the account if needed and returns a fresh API token for it; the password is random and never used.</summary>
    public static async Task<string> IssueTokenAsync(IServiceProvider services, string userName, params string[] roles)
    {
        var accounts = services.GetRequiredService<StaffAccounts>();
        if (await accounts.FindAsync(userName, CancellationToken.None) is null)
            await accounts.CreateAsync(userName, Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)), roles, "test");
        return await services.GetRequiredService<ApiTokens>().IssueAsync(userName, "test", lifetime: null, "test", null, CancellationToken.None);
    }
}
