using LiteDB;
using SelfService.Provisioning.Embedded;

namespace SelfService.Provisioning.Tests.Embedded;

/// <summary>An in-memory LiteDB database seeded with the sample operator, and a backend over it.</summary>
internal sealed class SeededStore : IDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 30, 0, TimeSpan.Zero);

    private SeededStore(LiteDatabase database)
    {
        Database = database;
        Backend = new EmbeddedProvisioningBackend(database, Time);
    }

    public LiteDatabase Database { get; }

    public ManualTimeProvider Time { get; } = new(Start);

    public EmbeddedProvisioningBackend Backend { get; }

    public static async Task<SeededStore> CreateAsync()
    {
        var store = new SeededStore(new LiteDatabase(new MemoryStream()));
        await new ProvisioningSeed(store.Database).SeedAsync(SampleOperator.Folder, CancellationToken.None);
        return store;
    }

    public void Dispose() => Database.Dispose();
}
