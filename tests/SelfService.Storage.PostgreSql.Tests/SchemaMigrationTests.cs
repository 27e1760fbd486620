using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace SelfService.Storage.PostgreSql.Tests;

/// <summary>The schema's migrations: a fresh database gets them all, opening again applies nothing, and a newer schema is refused.</summary>
public class SchemaMigrationTests
{
    private string _database = "";

    [SetUp]
    public async Task CreateEmptyDatabaseAsync() => _database = await Cluster.Server.CreateDatabaseAsync();

    [TearDown]
    public Task DropDatabaseAsync() => Cluster.Server.DropDatabaseAsync(_database);

    [Test]
    public async Task Open_OnAnEmptyDatabase_AppliesEveryMigrationOnce()
    {
        await using (PostgreSqlStorage.Open(Cluster.Options(_database), NullLoggerFactory.Instance))
        {
        }

        Assert.That(await VersionsAsync(), Is.EqualTo(Enumerable.Range(1, PostgreSqlStorage.SchemaVersion)));
        Assert.That(await TablesAsync(), Does.Contain("inbound").And.Contain("outbox").And.Contain("staff_audit").And.Contain("traffic_hours"));
    }

    [Test]
    public async Task Open_Again_ChangesNothing()
    {
        await using (PostgreSqlStorage.Open(Cluster.Options(_database), NullLoggerFactory.Instance))
        {
        }
        var applied = await AppliedAtAsync();
        var tables = await TablesAsync();

        await using (var again = PostgreSqlStorage.Open(Cluster.Options(_database), NullLoggerFactory.Instance))
        {
            Assert.That(await again.Inbound.UnprocessedAsync(10, CancellationToken.None), Is.Empty, "the stores work on the schema as it was");
        }

        Assert.That(await AppliedAtAsync(), Is.EqualTo(applied), "no migration ran again");
        Assert.That(await TablesAsync(), Is.EqualTo(tables));
    }

    [Test]
    public async Task Open_ByManyGatewaysAtOnce_AppliesEachMigrationOnceAndAllOpen()
    {
        var opened = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() =>
            PostgreSqlStorage.Open(Cluster.Options(_database), NullLoggerFactory.Instance))));
        foreach (var storage in opened) await storage.DisposeAsync();

        Assert.That(await VersionsAsync(), Is.EqualTo(Enumerable.Range(1, PostgreSqlStorage.SchemaVersion)));
    }

    [Test]
    public async Task Open_ASchemaNewerThanTheCode_IsRefusedWithAClearError()
    {
        await using (PostgreSqlStorage.Open(Cluster.Options(_database), NullLoggerFactory.Instance))
        {
        }
        var newer = PostgreSqlStorage.SchemaVersion + 1;
        await ExecuteAsync($"INSERT INTO schema_version (version, name) VALUES ({newer}, 'from_the_future')");

        var refused = Assert.Throws<PostgreSqlStartException>(() => PostgreSqlStorage.Open(Cluster.Options(_database), NullLoggerFactory.Instance));

        Assert.That(refused!.Message, Does.Contain($"version {newer}").And.Contain($"up to {PostgreSqlStorage.SchemaVersion}"));
        Assert.That(await VersionsAsync(), Does.Contain(newer), "nothing was undone");
    }

    [Test]
    public async Task Open_AsALoginThatMayOnlyReadAndWrite_OnASchemaItsOwnerMade_Works()
    {
        await using (PostgreSqlStorage.Open(Cluster.Options(_database), NullLoggerFactory.Instance))
        {
        }
        var login = "app_" + _database;
        await Cluster.Server.ExecuteAsync($"CREATE ROLE {login} LOGIN");
        await ExecuteAsync($"""
            GRANT USAGE ON SCHEMA public TO {login};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {login};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {login};
            """);
        try
        {
            var options = new PostgreSqlStorageOptions
            {
                ConnectionString = new NpgsqlConnectionStringBuilder(Cluster.Server.ConnectionString(_database)) { Username = login }.ConnectionString,
            };
            await using var storage = PostgreSqlStorage.Open(options, NullLoggerFactory.Instance);
            await storage.Audit.RecordAsync(new SelfService.Storage.Staff.AuditEntry { Id = "01", Actor = "a", Action = "signin", Subject = "s" }, CancellationToken.None);

            Assert.That(await storage.Audit.RecentAsync(new SelfService.Storage.Staff.AuditQuery(10), CancellationToken.None), Has.Count.EqualTo(1));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync($"DROP OWNED BY {login}");
            await Cluster.Server.DropDatabaseAsync(_database);
            await Cluster.Server.ExecuteAsync($"DROP ROLE {login}");
        }
    }

    [Test]
    public void Open_AnUnreachableServer_SaysWhereAndWhy()
    {
        var options = new PostgreSqlStorageOptions { ConnectionString = $"Host=127.0.0.1;Port={UnusedPort()};Database=gateway;Username=gateway;Timeout=3" };

        var refused = Assert.Throws<PostgreSqlStartException>(() => PostgreSqlStorage.Open(options, NullLoggerFactory.Instance));

        Assert.That(refused!.Message, Does.StartWith("The PostgreSQL server at 127.0.0.1:").And.Contain("cannot be reached"));
    }

    [Test]
    public void Open_AMissingDatabase_SaysTheServerRefused()
    {
        var options = Cluster.Options("no_such_database");

        var refused = Assert.Throws<PostgreSqlStartException>(() => PostgreSqlStorage.Open(options, NullLoggerFactory.Instance));

        Assert.That(refused!.Message, Does.Contain("refused the gateway").And.Contain("no_such_database"));
    }

    [TestCase("")]
    [TestCase("this is not a connection string")]
    [TestCase("Host=127.0.0.1;Port=notanumber;Password=secret")]
    public void Open_ABadConnectionString_SaysSoWithoutQuotingIt(string connectionString)
    {
        var refused = Assert.Throws<PostgreSqlStartException>(() =>
            PostgreSqlStorage.Open(new PostgreSqlStorageOptions { ConnectionString = connectionString }, NullLoggerFactory.Instance));

        Assert.That(refused!.Message, Does.Contain("Storage:PostgreSql:ConnectionString").And.Not.Contain("secret"));
    }

    private static int UnusedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<List<int>> VersionsAsync() => await QueryAsync("SELECT version FROM schema_version ORDER BY version", r => r.GetInt32(0));

    private async Task<List<DateTime>> AppliedAtAsync() => await QueryAsync("SELECT applied_at FROM schema_version ORDER BY version", r => r.GetDateTime(0));

    private async Task<List<string>> TablesAsync() =>
        await QueryAsync("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1", r => r.GetString(0));

    private async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(Cluster.Server.ConnectionString(_database) + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Cluster.Server.ConnectionString(_database) + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
