using Npgsql;
using NpgsqlTypes;

namespace SelfService.Storage.PostgreSql;

/// <summary>
/// Commands with their parameters, and the few reads every store repeats. Parameter values are made storable here once:
/// strings as <see cref="StoredText"/> makes them (PostgreSQL refuses NUL, and a lone surrogate cannot be encoded), times
/// in UTC (timestamptz takes no other offset), enums by name.
/// </summary>
internal static class Sql
{
    public static NpgsqlCommand Command(NpgsqlConnection connection, string text, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(text, connection);
        foreach (var (name, value) in parameters) command.Parameters.Add(Parameter(name, value));
        return command;
    }

    public static NpgsqlParameter Parameter(string name, object? value) => value switch
    {
        null => new NpgsqlParameter(name, DBNull.Value),
        string text => new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = StoredText.Of(text) },
        Jsonb json => new NpgsqlParameter(name, NpgsqlDbType.Jsonb) { Value = json.Text },
        DateTimeOffset at => new NpgsqlParameter(name, NpgsqlDbType.TimestampTz) { Value = at.ToUniversalTime() },
        string[] texts => new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = texts.Select(StoredText.Of).ToArray() },
        Enum named => new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = named.ToString() },
        _ => new NpgsqlParameter(name, value),
    };

    public static async Task<int> ExecuteAsync(NpgsqlConnection connection, string text, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = Command(connection, text, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<T?> ScalarAsync<T>(NpgsqlConnection connection, string text, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = Command(connection, text, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? default : (T)value;
    }

    /// <summary>The rows of a query, each read by <paramref name="read"/>.</summary>
    public static async Task<List<T>> ListAsync<T>(NpgsqlConnection connection, string text, Func<NpgsqlDataReader, T> read,
        CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = Command(connection, text, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken)) rows.Add(read(reader));
        return rows;
    }

    /// <summary>The records kept in the first column (a jsonb document) of a query's rows.</summary>
    public static Task<List<T>> DocumentsAsync<T>(NpgsqlConnection connection, string text, CancellationToken cancellationToken, params (string, object?)[] parameters) =>
        ListAsync(connection, text, r => Documents.Read<T>(r.GetString(0)), cancellationToken, parameters);

    public static async Task<T?> DocumentAsync<T>(NpgsqlConnection connection, string text, CancellationToken cancellationToken, params (string, object?)[] parameters)
        where T : class =>
        (await DocumentsAsync<T>(connection, text, cancellationToken, parameters)).FirstOrDefault();

    /// <summary>
    /// Serializes, until the transaction ends, every writer that names the same <paramref name="key"/> in
    /// <paramref name="space"/>: for read-check-write steps on something that may not have a row yet (a set of SMS parts, an
    /// article being created), where FOR UPDATE would have nothing to lock.
    /// </summary>
    public static Task LockAsync(NpgsqlConnection connection, LockSpace space, string key, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(@space, hashtext(@key))", cancellationToken, ("space", (int)space), ("key", key));
}

/// <summary>The first key of the two-key advisory locks, one per kind of thing locked (the schema lock uses the one-key form).</summary>
internal enum LockSpace
{
    SmsParts = 1,
    Article = 2,
    ProvisioningRequest = 3,
    ProvisioningSeed = 4,
    WebChatConversation = 5,
    DirectLineConversation = 6,
    ReceiptKey = 7,
    OptOut = 8,
}

/// <summary>
/// Statements sent to the server together, in one round trip (Npgsql's batching): what one commit writes, such as the
/// whole outcome of a processed message, costs one exchange with the server instead of one per row.
/// </summary>
internal sealed class SqlBatch(NpgsqlConnection connection) : IAsyncDisposable
{
    private readonly NpgsqlBatch _batch = new(connection);

    public void Add(string text, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(text);
        foreach (var (name, value) in parameters) command.Parameters.Add(Sql.Parameter(name, value));
        _batch.BatchCommands.Add(command);
    }

    public async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        if (_batch.BatchCommands.Count > 0) await _batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _batch.DisposeAsync();
}
