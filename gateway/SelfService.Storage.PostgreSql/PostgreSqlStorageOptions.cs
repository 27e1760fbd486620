namespace SelfService.Storage.PostgreSql;

/// <summary>Bound from the "Storage:PostgreSql" configuration section (used when Storage:Kind is PostgreSql).</summary>
public sealed class PostgreSqlStorageOptions
{
    public const string Section = "Storage:PostgreSql";

    /// <summary>An Npgsql connection string: Host, Port, Database, Username, Password; pool size and
    /// timeouts (Timeout: seconds to wait for a connection, 15 by default) as Npgsql documents them.</summary>
    public string ConnectionString { get; set; } = "";
}
