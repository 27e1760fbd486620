using SelfService.Storage.Campaigns;

namespace SelfService.Storage.PostgreSql.Campaigns;

/// <summary>
/// The topics each number stopped (opt_outs) and the trail of changes (opt_out_changes), written in one transaction. A
/// change holds its number's advisory lock, so two changes for one number apply one after the other, as they are recorded.
/// </summary>
internal sealed class PgOptOutStore(PgDatabase database) : IOptOutStore
{
    public Task<bool> ApplyAsync(OptOutChange change, CancellationToken cancellationToken) =>
        database.WriteAsync(async connection =>
        {
            await Sql.LockAsync(connection, LockSpace.OptOut, change.Msisdn, cancellationToken);
            var recorded = await Sql.ExecuteAsync(connection,
                "INSERT INTO opt_out_changes (id, msisdn, at, doc) VALUES (@id, @msisdn, @at, @doc) ON CONFLICT (id) DO NOTHING", cancellationToken,
                ("id", change.Id), ("msisdn", change.Msisdn), ("at", change.At), ("doc", Documents.Of(change)));
            if (recorded == 0) return false;
            if (change.OptedOut)
                await Sql.ExecuteAsync(connection, "INSERT INTO opt_outs (msisdn, topic) VALUES (@msisdn, @topic) ON CONFLICT DO NOTHING", cancellationToken,
                    ("msisdn", change.Msisdn), ("topic", change.Topic));
            else if (change.Topic == OptOutChange.AllTopics)
                await Sql.ExecuteAsync(connection, "DELETE FROM opt_outs WHERE msisdn = @msisdn", cancellationToken, ("msisdn", change.Msisdn));
            else
                await Sql.ExecuteAsync(connection, "DELETE FROM opt_outs WHERE msisdn = @msisdn AND topic = @topic", cancellationToken,
                    ("msisdn", change.Msisdn), ("topic", change.Topic));
            return true;
        }, cancellationToken);

    public Task<IReadOnlySet<string>> StoppedTopicsAsync(string msisdn, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlySet<string>>(async connection => (await Sql.ListAsync(connection, "SELECT topic FROM opt_outs WHERE msisdn = @msisdn",
            r => r.GetString(0), cancellationToken, ("msisdn", msisdn))).ToHashSet(StringComparer.Ordinal), cancellationToken);

    public Task<IReadOnlyList<OptOutChange>> HistoryAsync(string msisdn, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<OptOutChange>>(async connection => await Sql.DocumentsAsync<OptOutChange>(connection,
            "SELECT doc FROM opt_out_changes WHERE msisdn = @msisdn ORDER BY at, id", cancellationToken, ("msisdn", msisdn)), cancellationToken);
}
