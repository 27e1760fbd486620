using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SelfService.Storage.LiteDb;

namespace SelfService.Staff.Tests;

/// <summary>Accounts, tokens and audit over the embedded store in memory, with a clock the test moves.</summary>
internal sealed class StaffFixture : IDisposable
{
    public StaffFixture(StaffOptions? options = null)
    {
        Storage = new LiteStorage(null, new LiteDbStorageOptions(), NullLoggerFactory.Instance);
        Audit = new AuditTrail(Storage.Audit, Clock);
        Accounts = new StaffAccounts(Storage.StaffAccounts, Audit, Options.Create(options ?? new StaffOptions()), Clock);
        Tokens = new ApiTokens(Storage.ApiTokens, Accounts, Audit, Clock);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    public LiteStorage Storage { get; }
    public AuditTrail Audit { get; }
    public StaffAccounts Accounts { get; }
    public ApiTokens Tokens { get; }

    public void Dispose()
    {
        Accounts.Dispose();
        Storage.Dispose();
    }
}
