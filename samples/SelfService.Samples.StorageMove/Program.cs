using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using SelfService.Samples.StorageMove;
using SelfService.Storage.LiteDb;
using SelfService.Storage.PostgreSql;

// storage-move --from data/selfservice.db [--to "Host=...;Database=...;Username=...;Password=..."]
// Stop the gateway first: the LiteDB file is read as it is, and the database is written as the gateway would.
var from = new Option<FileInfo>("--from") { Description = "the gateway's LiteDB file (Storage:DatabaseFile)", Required = true };
var to = new Option<string?>("--to")
{
    Description = "the PostgreSQL connection string; by default the environment's Storage__PostgreSql__ConnectionString, which keeps a password out of the shell's history",
};
var root = new RootCommand("Copies a SelfService gateway's LiteDB file into a PostgreSQL database (schema applied if needed); run again, it adds nothing.")
{
    from, to,
};
root.SetAction(async (parse, cancellationToken) =>
{
    var file = parse.GetValue(from)!;
    var connectionString = parse.GetValue(to) ?? Environment.GetEnvironmentVariable("Storage__PostgreSql__ConnectionString") ?? "";
    if (!file.Exists)
    {
        await Console.Error.WriteLineAsync($"storage-move: {file.FullName} does not exist.");
        return 2;
    }
    try
    {
        await using var target = PostgreSqlStorage.Open(new PostgreSqlStorageOptions { ConnectionString = connectionString }, NullLoggerFactory.Instance);
        using var source = OpenLiteDb(file);
        var carried = await StorageMove.RunAsync(source, target, cancellationToken);
        foreach (var (kind, count) in carried) Console.WriteLine($"{kind,-24} {count,9}");
        Console.WriteLine("done: everything is in PostgreSQL; start the gateway with Storage:Kind=PostgreSql");
        return 0;
    }
    catch (PostgreSqlStartException ex)
    {
        await Console.Error.WriteLineAsync("storage-move: " + ex.Message);
        return 2;
    }
    catch (NotALiteDbFileException ex)
    {
        await Console.Error.WriteLineAsync($"storage-move: {file.FullName} is not a gateway's LiteDB file ({ex.Message})");
        return 2;
    }
});
return await root.Parse(args).InvokeAsync();

// LiteDB fails on a file it did not write with whatever exception its reader meets first (a date out of range, a bad
// page): at this edge, any failure to open is that.
static LiteStorage OpenLiteDb(FileInfo file)
{
    try
    {
        return new LiteStorage(file.FullName, new LiteDbStorageOptions(), NullLoggerFactory.Instance);
    }
    catch (Exception ex) when (ex is not OperationCanceledException)
    {
        throw new NotALiteDbFileException(ex.GetType().Name + ": " + ex.Message);
    }
}

/// <summary>The --from file could not be opened as LiteDB.</summary>
internal sealed class NotALiteDbFileException(string message) : Exception(message);
