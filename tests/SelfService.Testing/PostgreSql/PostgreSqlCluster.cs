using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SelfService.Testing.PostgreSql;

/// <summary>
/// A private PostgreSQL cluster for tests: initdb in a temporary folder, the server on 127.0.0.1 at a port chosen at run
/// time with its Unix socket in that folder, fsync off (a crashed test machine loses nothing that matters). One per test
/// assembly; each test or fixture takes a fresh database from it. Stopped and removed on <see cref="DisposeAsync"/>, and
/// at process exit if a run ends without it.
/// <para>
/// initdb and the server refuse to run as root (the data files must not belong to the superuser of the machine). Tests run
/// as root here (CI does), so then the folder is given to "nobody" and initdb and pg_ctl run as that user through runuser.
/// </para>
/// </summary>
public sealed class PostgreSqlCluster : IAsyncDisposable
{
    private const string RunAsUser = "nobody";

    private readonly TemporaryFolder _folder;
    private readonly string _binaries;
    private readonly bool _asOtherUser;
    private int _databases;
    private int _stopped;

    private PostgreSqlCluster(TemporaryFolder folder, string binaries, bool asOtherUser, int port)
    {
        _folder = folder;
        _binaries = binaries;
        _asOtherUser = asOtherUser;
        Port = port;
    }

    public int Port { get; }

    private string DataDirectory => _folder.File("data");

    /// <summary>The superuser's connection to the "postgres" database, for making and dropping databases.</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, Timeout = 15,
    }.ConnectionString;

    /// <summary>The folder holding the highest installed PostgreSQL's programs (Debian's /usr/lib/postgresql/N/bin).</summary>
    public static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0, Bin: Path.Combine(d, "bin")))
                .Where(d => File.Exists(Path.Combine(d.Bin, "initdb")))
                .OrderByDescending(d => d.Version).Select(d => d.Bin).FirstOrDefault()
            : null;

    public static async Task<PostgreSqlCluster> StartAsync()
    {
        var binaries = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run tests/install-peers.");
        var folder = new TemporaryFolder();
        var asOtherUser = Environment.IsPrivilegedProcess;
        try
        {
            if (asOtherUser) await RunAsync("chown", [RunAsUser, folder.Path]);
            var port = FreePort();
            var cluster = new PostgreSqlCluster(folder, binaries, asOtherUser, port);
            await cluster.RunServerToolAsync("initdb", ["-D", cluster.DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync", "--no-instructions"]);
            await cluster.StartServerAsync();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
            return cluster;
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Stops the server cleanly ("fast": sessions cut, everything committed kept), as an operator's restart or a failover
    /// does; <see cref="StartServerAsync"/> brings it back on the same port with the same data.
    /// </summary>
    public Task StopServerAsync() => RunServerToolAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "stop"]);

    /// <summary>Starts the server (again) on <see cref="Port"/>.</summary>
    public Task StartServerAsync()
    {
        var settings = string.Join(' ',
            "-p", Port.ToString(CultureInfo.InvariantCulture), "-k", _folder.Path, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off",
            "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=300", "-c", "shared_buffers=32MB");
        return RunServerToolAsync("pg_ctl", ["-D", DataDirectory, "-l", _folder.File("server.log"), "-w", "-t", "60", "-o", settings, "start"]);
    }

    /// <summary>A new, empty database (or a copy of <paramref name="template"/>); returns its name.</summary>
    public async Task<string> CreateDatabaseAsync(string? template = null)
    {
        var name = "test_" + Interlocked.Increment(ref _databases).ToString(CultureInfo.InvariantCulture) + "_" + Guid.NewGuid().ToString("N")[..8];
        await ExecuteAsync($"CREATE DATABASE {name}" + (template is null ? "" : $" TEMPLATE {template}") + " STRATEGY FILE_COPY");
        return name;
    }

    public Task DropDatabaseAsync(string name) => ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");

    /// <summary>Runs a statement as the superuser on the "postgres" database.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    private void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        NpgsqlConnection.ClearAllPools();
        try
        {
            // Immediate: the data is thrown away with the folder.
            RunServerToolAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]).GetAwaiter().GetResult();
        }
        catch (InvalidOperationException)
        {
            // Not running any more; the folder goes all the same.
        }
        _folder.Dispose();
    }

    private Task RunServerToolAsync(string tool, string[] arguments)
    {
        var program = Path.Combine(_binaries, tool);
        return _asOtherUser ? RunAsync("runuser", ["-u", RunAsUser, "--", program, .. arguments]) : RunAsync(program, arguments);
    }

    private static async Task RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}{await output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
