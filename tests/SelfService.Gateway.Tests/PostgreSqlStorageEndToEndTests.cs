using Npgsql;
using SelfService.Gateway.Tests.Infrastructure;
using SelfService.Testing.PostgreSql;
using SelfService.Testing.Peers;

namespace SelfService.Gateway.Tests;

/// <summary>
/// The real gateway host on PostgreSQL (Storage:Kind=PostgreSql) in a private cluster, answering an SMS through the SMSC
/// peer: the message, its processing and its reply all go through the PostgreSQL engine, and nothing through LiteDB; a
/// STOP that follows is kept by the engine's opt-out store.
/// </summary>
public class PostgreSqlStorageEndToEndTests
{
    private PostgreSqlCluster _cluster = null!;

    [OneTimeSetUp]
    public async Task StartClusterAsync() => _cluster = await PostgreSqlCluster.StartAsync();

    [OneTimeTearDown]
    public async Task StopClusterAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
    }

    [Test]
    public async Task Balance_MoToMt_RoundTrip_StoredInPostgreSql()
    {
        var database = await _cluster.CreateDatabaseAsync();
        await using var smsc = await NodeSmsc.StartAsync(new NodeSmscOptions { SystemId = "selfservice", Password = "secret" });
        var settings = SmsGatewaySettings.For(smsc);
        settings["Storage:Kind"] = "PostgreSql";
        settings["Storage:PostgreSql:ConnectionString"] = _cluster.ConnectionString(database);
        using var gateway = new GatewayFactory(settings);
        using var http = await gateway.CreateLoopbackClientAsync();
        await smsc.WaitForAsync("bind", timeout: TimeSpan.FromSeconds(15));

        await smsc.DeliverAsync("79161234567", SmsGatewaySettings.ShortCode, "BAL");
        var reply = await smsc.WaitForAsync("submit_sm", e => e.StringOf("destination_addr") == "79161234567", TimeSpan.FromSeconds(15));

        Assert.That(reply.GetProperty("text").GetString(), Is.EqualTo("Баланс: 350,00 RUB. Тариф: Смарт."));
        await OutboxSettled.WaitAsync(http, "sms");
        await using var connection = new NpgsqlConnection(_cluster.ConnectionString(database) + ";Pooling=false");
        await connection.OpenAsync();
        await using var inbound = new NpgsqlCommand("SELECT state, doc->>'Text' FROM inbound WHERE doc->>'SenderAddress' = '+79161234567'", connection);
        await using (var row = await inbound.ExecuteReaderAsync())
        {
            Assert.That(await row.ReadAsync(), Is.True, "the message is in PostgreSQL");
            Assert.That((row.GetString(0), row.GetString(1)), Is.EqualTo(("Processed", "BAL")));
        }
        await using var outbox = new NpgsqlCommand("SELECT state FROM outbox WHERE address = '+79161234567'", connection);
        Assert.That(await outbox.ExecuteScalarAsync(), Is.EqualTo("Sent"), "the reply's outcome is in PostgreSQL");

        // The campaign part of the port is there too: a STOP goes through the opt-out store into PostgreSQL.
        await smsc.DeliverAsync("79161234567", SmsGatewaySettings.ShortCode, "STOP PROMO");
        await smsc.WaitForCountAsync("submit_sm", 2, e => e.StringOf("destination_addr") == "79161234567", TimeSpan.FromSeconds(15));
        await using var stopped = new NpgsqlCommand("SELECT topic FROM opt_outs WHERE msisdn = '+79161234567'", connection);
        Assert.That(await stopped.ExecuteScalarAsync(), Is.EqualTo("PROMO"), "the opt-out is in PostgreSQL");
        Assert.That(File.Exists(gateway.DatabaseFile), Is.False, "no LiteDB file was made");
    }
}
