using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace SelfService.Storage.PostgreSql.Schema;

/// <summary>
/// Brings the database's schema up to this build's: the embedded scripts Schema/Migrations/NNNN_name.sql, applied in order,
/// each recorded in schema_version, all of it in one transaction under an advisory lock, so gateways starting at once
/// apply each script once and none reads a half-made schema. A database whose schema is newer than the scripts this build
/// carries is refused: this code would not know the tables it finds.
/// </summary>
internal static partial class SchemaMigrator
{
    /// <summary>The advisory lock (one-key form) held while the schema is checked and changed: "SelfServ" in ASCII.</summary>
    private const long SchemaLock = 0x53656C6653657276;

    private const string ResourcePrefix = "SelfService.Storage.PostgreSql.Migrations.";

    /// <summary>The scripts this build carries, by version.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } = LoadMigrations();

    public static int LatestVersion => Migrations[^1].Version;

    /// <summary>Applies what is missing; returns the versions applied now (none when the schema was current).</summary>
    public static IReadOnlyList<int> Migrate(NpgsqlConnection connection, ILogger logger)
    {
        using var transaction = connection.BeginTransaction();
        // The connection's idle-in-transaction timeout (a few seconds, against stuck application transactions) is too
        // short for this one: gateways starting together on a loaded machine can leave the holder of the schema lock
        // unscheduled between two statements for that long, and the start then fails. A minute still frees the lock
        // of a migrator that hangs.
        Execute(connection, "SET LOCAL idle_in_transaction_session_timeout = '60s'");
        Execute(connection, $"SELECT pg_advisory_xact_lock({SchemaLock})");
        // Looked up first: CREATE ... IF NOT EXISTS still asks for the right to create, which a gateway's login running on a
        // schema made by its owner may well not have.
        bool exists;
        using (var lookup = new NpgsqlCommand("SELECT to_regclass('schema_version') IS NOT NULL", connection))
            exists = (bool)lookup.ExecuteScalar()!;
        if (!exists) Execute(connection, """
            CREATE TABLE schema_version (
                version integer PRIMARY KEY,
                name text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """);
        int current;
        using (var command = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_version", connection))
            current = (int)command.ExecuteScalar()!;
        if (current > LatestVersion)
            throw new PostgreSqlStartException(
                $"The database's schema is at version {current}, newer than this gateway knows (up to {LatestVersion}): " +
                "a newer gateway has upgraded it. Run that version, or restore a backup made for this one.");
        var applied = new List<int>();
        foreach (var migration in Migrations.Where(m => m.Version > current))
        {
            Execute(connection, migration.Script);
            using var record = new NpgsqlCommand("INSERT INTO schema_version (version, name) VALUES (@version, @name)", connection);
            record.Parameters.AddWithValue("version", migration.Version);
            record.Parameters.AddWithValue("name", migration.Name);
            record.ExecuteNonQuery();
            applied.Add(migration.Version);
            LogApplied(logger, migration.Version, migration.Name);
        }
        transaction.Commit();
        return applied;
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static List<Migration> LoadMigrations()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var file = resource[ResourcePrefix.Length..];
            var match = ScriptName().Match(file);
            if (!match.Success) throw new InvalidOperationException($"Migration '{file}' is not named NNNN_name.sql.");
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value, reader.ReadToEnd()));
        }
        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
            if (migrations[i].Version != i + 1) throw new InvalidOperationException($"Migrations must be numbered 1, 2, 3... without gaps; found {migrations[i].Version} at place {i + 1}.");
        return migrations;
    }

    [GeneratedRegex(@"^(\d{4})_([a-z0-9_]+)\.sql$")]
    private static partial Regex ScriptName();

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied schema migration {Version} ({Name})")]
    private static partial void LogApplied(ILogger logger, int version, string name);
}

/// <summary>One numbered script.</summary>
internal sealed record Migration(int Version, string Name, string Script);
