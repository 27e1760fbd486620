using Microsoft.Extensions.Logging.Abstractions;
using SelfService.Testing.PostgreSql;

namespace SelfService.Storage.PostgreSql.Tests;

/// <summary>
/// The one private PostgreSQL cluster of this test assembly, started before the first test and removed after the last.
/// <see cref="MigratedTemplate"/> is a database with the schema applied once, which fresh databases copy (faster than
/// migrating each).
/// </summary>
[SetUpFixture]
public sealed class Cluster
{
    public static PostgreSqlCluster Server { get; private set; } = null!;

    public static string MigratedTemplate { get; private set; } = "";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        Server = await PostgreSqlCluster.StartAsync();
        MigratedTemplate = await Server.CreateDatabaseAsync();
        await using (PostgreSqlStorage.Open(Options(MigratedTemplate), NullLoggerFactory.Instance))
        {
        }
        Npgsql.NpgsqlConnection.ClearAllPools();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (Server is not null) await Server.DisposeAsync();
    }

    public static PostgreSqlStorageOptions Options(string database) => new() { ConnectionString = Server.ConnectionString(database) };
}
