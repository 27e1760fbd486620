using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using SelfService.Provisioning.Embedded;
using SelfService.Storage.LiteDb;

namespace SelfService.Provisioning.Tests.Embedded;

/// <summary>The embedded store in memory, seeded with the sample operator, and a backend over it.</summary>
internal sealed class SeededStore : IDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 30, 0, TimeSpan.Zero);

    private SeededStore(LiteStorage storage)
    {
        Storage = storage;
        Backend = new EmbeddedProvisioningBackend(storage.Provisioning, Time);
    }

    public LiteStorage Storage { get; }

    /// <summary>The raw documents, for checks of what is stored.</summary>
    public ILiteDatabase Database => Storage.Database;

    public ManualTimeProvider Time { get; } = new(Start);

    public EmbeddedProvisioningBackend Backend { get; }

    public static LiteStorage InMemory() => new(null, new LiteDbStorageOptions(), NullLoggerFactory.Instance);

    public static async Task<SeededStore> CreateAsync()
    {
        var store = new SeededStore(InMemory());
        await new ProvisioningSeed(store.Storage.Provisioning).SeedAsync(SampleOperator.Folder, CancellationToken.None);
        return store;
    }

    public void Dispose() => Storage.Dispose();
}
