using LiteDB;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace SelfService.Staff.Tests;

/// <summary>Accounts, tokens and audit on an in-memory LiteDB with a clock the test moves.</summary>
internal sealed class StaffFixture : IDisposable
{
    public StaffFixture(StaffOptions? options = null)
    {
        Database = new LiteDatabase(new MemoryStream());
        Audit = new AuditTrail(Database, Clock);
        Accounts = new StaffAccounts(Database, Audit, Options.Create(options ?? new StaffOptions()), Clock);
        Tokens = new ApiTokens(Database, Accounts, Audit, Clock);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    public LiteDatabase Database { get; }
    public AuditTrail Audit { get; }
    public StaffAccounts Accounts { get; }
    public ApiTokens Tokens { get; }

    public void Dispose() => Database.Dispose();
}
