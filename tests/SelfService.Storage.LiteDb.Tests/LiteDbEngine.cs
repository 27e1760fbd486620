using Microsoft.Extensions.Logging.Abstractions;
using SelfService.Storage;
using SelfService.Storage.Contract;
using SelfService.Testing;

namespace SelfService.Storage.LiteDb.Tests;

/// <summary>The embedded engine on a file of its own, in a folder that goes with the test.</summary>
internal sealed class LiteDbEngine(Durability durability = Durability.WrittenToOs) : IStorageEngine
{
    private readonly TemporaryFolder _folder = new();

    public string File => _folder.File("gateway.db");

    public Task<IStorageUnderTest> OpenAsync() =>
        Task.FromResult<IStorageUnderTest>(new Opened(new LiteStorage(File, new LiteDbStorageOptions { Durability = durability }, NullLoggerFactory.Instance)));

    public ValueTask DisposeAsync()
    {
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed class Opened(LiteStorage storage) : GatewayStorageUnderTest(storage)
    {
        public override IReadOnlyCollection<string> Containers() => [.. storage.Database.GetCollectionNames()];

        public override ValueTask DisposeAsync()
        {
            storage.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
