namespace SelfService.Storage.PostgreSql;

/// <summary>Bound from the "Storage:PostgreSql" configuration section (used when Storage:Kind is PostgreSql).</summary>
public sealed class PostgreSqlStorageOptions
{
    public const string Section = "Storage:PostgreSql";

    /// <summary>An Npgsql connection string: Host, Port, Database, Username, Password; pool size and
    /// timeouts (Timeout: seconds to wait for a connection, 15 by default) as Npgsql documents them.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// How long the server keeps a transaction whose gateway went quiet in the middle of it (a process paused or frozen)
    /// before ending it: its locks would otherwise hold up the other gateways, among them one taking over a connection
    /// whose lease that transaction checked. Keep it well under Gateway:LeaseDuration. Sent as the session's
    /// idle_in_transaction_session_timeout unless the connection string sets Options itself.
    /// </summary>
    public TimeSpan IdleInTransactionTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
