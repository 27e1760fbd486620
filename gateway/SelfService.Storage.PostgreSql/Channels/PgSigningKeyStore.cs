using SelfService.Storage.Channels;

namespace SelfService.Storage.PostgreSql.Channels;

/// <summary>Keys the gateway made for itself, by name: the first gateway to store one wins, and every other gets it.</summary>
internal sealed class PgSigningKeyStore(PgDatabase database) : ISigningKeyStore
{
    public async Task<byte[]> GetOrAddAsync(string name, byte[] candidate, CancellationToken cancellationToken)
    {
        var stored = await database.ReadAsync(connection => KeyAsync(connection, name, cancellationToken), cancellationToken);
        if (stored is not null) return stored;
        return await database.WriteAsync(async connection =>
        {
            await Sql.ExecuteAsync(connection, "INSERT INTO signing_keys (name, key) VALUES (@name, @key) ON CONFLICT (name) DO NOTHING",
                cancellationToken, ("name", name), ("key", candidate));
            // A statement of its own: it sees the row a concurrent start committed while this insert waited for it.
            return await KeyAsync(connection, name, cancellationToken) ?? throw new WriteConflictException("a signing key came and went");
        }, cancellationToken);
    }

    private static Task<byte[]?> KeyAsync(Npgsql.NpgsqlConnection connection, string name, CancellationToken cancellationToken) =>
        Sql.ScalarAsync<byte[]>(connection, "SELECT key FROM signing_keys WHERE name = @name", cancellationToken, ("name", name));
}
