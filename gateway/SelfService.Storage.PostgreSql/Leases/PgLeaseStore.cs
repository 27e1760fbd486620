using Npgsql;
using SelfService.Storage.Leases;

namespace SelfService.Storage.PostgreSql.Leases;

/// <summary>
/// Leases in the "leases" table. Taking one is a single upsert that only overwrites an expired row, so two gateways
/// racing for a free lease cannot both win (the loser's ON CONFLICT sees the winner's row); a fenced write locks the row
/// FOR SHARE while it commits, so a takeover waits for it and a write after a takeover sees the new token.
/// </summary>
internal sealed class PgLeaseStore(PgDatabase database) : ILeaseStore
{
    private const string Columns = "name, owner, token, acquired_at, expires_at";

    public Task<LeaseClaim> TryAcquireAsync(string name, string owner, TimeSpan duration, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            var taken = await ReadAsync(connection, $"""
                INSERT INTO leases ({Columns}) VALUES (@name, @owner, 1, @now, @expires)
                ON CONFLICT (name) DO UPDATE SET owner = EXCLUDED.owner, token = leases.token + 1, acquired_at = EXCLUDED.acquired_at,
                    expires_at = EXCLUDED.expires_at
                WHERE leases.expires_at <= @now
                RETURNING {Columns}
                """, cancellationToken, ("name", name), ("owner", owner), ("now", now), ("expires", now + duration));
            if (taken is not null) return new LeaseClaim(true, taken);
            var held = await ReadAsync(connection, $"SELECT {Columns} FROM leases WHERE name = @name", cancellationToken, ("name", name));
            return new LeaseClaim(false, held!);
        }, cancellationToken);

    public Task<Lease?> RenewAsync(LeaseFence fence, TimeSpan duration, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(connection => ReadAsync(connection, $"""
            UPDATE leases SET expires_at = @expires WHERE name = @name AND token = @token AND expires_at > @now RETURNING {Columns}
            """, cancellationToken, ("name", fence.Name), ("token", fence.Token), ("now", now), ("expires", now + duration)), cancellationToken);

    public Task ReleaseAsync(LeaseFence fence, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(connection => Sql.ExecuteAsync(connection,
            "UPDATE leases SET expires_at = @now WHERE name = @name AND token = @token AND expires_at > @now",
            cancellationToken, ("name", fence.Name), ("token", fence.Token), ("now", now)), cancellationToken);

    public Task<bool> IsCurrentAsync(LeaseFence fence, CancellationToken cancellationToken) =>
        database.ReadAsync(connection => IsCurrentAsync(connection, fence, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<Lease>> ListAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<Lease>>(async connection =>
            await Sql.ListAsync(connection, $"SELECT {Columns} FROM leases ORDER BY name", Read, cancellationToken), cancellationToken);

    /// <summary>
    /// Inside a write's transaction: throws <see cref="StaleLeaseException"/> unless <paramref name="fence"/> is the lease's
    /// token, and keeps the row locked (FOR SHARE) until the commit, so no takeover lands between the check and the write.
    /// </summary>
    public static async Task CheckAsync(NpgsqlConnection connection, LeaseFence? fence, CancellationToken cancellationToken)
    {
        if (fence is null) return;
        var token = await Sql.ScalarAsync<long?>(connection, "SELECT token FROM leases WHERE name = @name FOR SHARE", cancellationToken, ("name", fence.Name));
        if (token != fence.Token) throw new StaleLeaseException(fence);
    }

    private static async Task<bool> IsCurrentAsync(NpgsqlConnection connection, LeaseFence fence, CancellationToken cancellationToken) =>
        await Sql.ScalarAsync<long?>(connection, "SELECT token FROM leases WHERE name = @name", cancellationToken, ("name", fence.Name)) == fence.Token;

    private static async Task<Lease?> ReadAsync(NpgsqlConnection connection, string text, CancellationToken cancellationToken, params (string, object?)[] parameters) =>
        (await Sql.ListAsync(connection, text, Read, cancellationToken, parameters)).FirstOrDefault();

    private static Lease Read(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetFieldValue<DateTimeOffset>(3), r.GetFieldValue<DateTimeOffset>(4));
}
