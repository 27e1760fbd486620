using Npgsql;
using SelfService.Storage.Instances;

namespace SelfService.Storage.PostgreSql.Instances;

/// <summary>Heartbeats in the "instances" table (0005_instances.sql): one row per instance, upserted by each beat.</summary>
internal sealed class PgGatewayInstanceStore(PgDatabase database) : IGatewayInstanceStore
{
    public Task BeatAsync(string instanceId, DateTimeOffset startedAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(connection => Sql.ExecuteAsync(connection, """
            INSERT INTO instances (id, started_at, last_seen_at) VALUES (@id, @started, @now)
            ON CONFLICT (id) DO UPDATE SET started_at = EXCLUDED.started_at, last_seen_at = EXCLUDED.last_seen_at
            """, cancellationToken, ("id", instanceId), ("started", startedAt), ("now", now)), cancellationToken);

    public Task<IReadOnlyList<GatewayInstance>> ListAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<GatewayInstance>>(async connection =>
            await Sql.ListAsync(connection, "SELECT id, started_at, last_seen_at FROM instances ORDER BY id", Read, cancellationToken), cancellationToken);

    public Task<int> ForgetAsync(DateTimeOffset notSeenSince, CancellationToken cancellationToken) =>
        database.WriteAsync(connection => Sql.ExecuteAsync(connection, "DELETE FROM instances WHERE last_seen_at < @since",
            cancellationToken, ("since", notSeenSince)), cancellationToken);

    private static GatewayInstance Read(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetFieldValue<DateTimeOffset>(1), r.GetFieldValue<DateTimeOffset>(2));
}
