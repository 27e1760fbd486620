using Microsoft.Extensions.Logging.Abstractions;
using SelfService.Storage.Contract;

namespace SelfService.Storage.PostgreSql.Tests;

/// <summary>The PostgreSQL engine on a database of its own in the assembly's cluster, dropped with the test.</summary>
internal sealed class PostgreSqlEngine : IStorageEngine
{
    private string? _database;

    public string Database => _database ?? throw new InvalidOperationException("Not opened yet.");

    public async Task<IStorageUnderTest> OpenAsync()
    {
        _database ??= await Cluster.Server.CreateDatabaseAsync(Cluster.MigratedTemplate);
        return new Opened(PostgreSqlStorage.Open(Cluster.Options(_database), NullLoggerFactory.Instance));
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null) await Cluster.Server.DropDatabaseAsync(_database);
    }

    private sealed class Opened(PostgreSqlStorage storage) : GatewayStorageUnderTest(storage)
    {
        public override IReadOnlyCollection<string> Containers() => [.. storage.TablesAsync(CancellationToken.None).GetAwaiter().GetResult()];

        public override ValueTask DisposeAsync() => storage.DisposeAsync();
    }
}
