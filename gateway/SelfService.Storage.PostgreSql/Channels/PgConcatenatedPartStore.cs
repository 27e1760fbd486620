using System.Globalization;
using Npgsql;
using SelfService.Storage.Channels;

namespace SelfService.Storage.PostgreSql.Channels;

/// <summary>
/// Parts of concatenated SMS. Each operation holds the set's advisory lock until it commits, so parts of one set arriving
/// at once on several binds (or several gateways) complete it exactly once.
/// </summary>
internal sealed class PgConcatenatedPartStore(PgDatabase database) : IConcatenatedPartStore
{
    public Task<IReadOnlyList<ConcatenatedPart>?> AddAsync(ConcatenatedPart part, CancellationToken cancellationToken)
    {
        part.Id = part.SetKey + "#" + part.Sequence.ToString(CultureInfo.InvariantCulture);
        part.Text = StoredText.Of(part.Text);
        return database.WriteAsync<IReadOnlyList<ConcatenatedPart>?>(async connection =>
        {
            await Sql.LockAsync(connection, LockSpace.SmsParts, part.SetKey, cancellationToken);
            var set = await SetOfAsync(connection, part.SetKey, cancellationToken);
            if (set.Find(p => p.Id == part.Id) is { Accepted: true } earlier && earlier.Text == part.Text) return [];
            // Otherwise a new message that reuses the reference: the accepted one under that key is done with.
            var done = set.Where(p => p.Accepted).Select(p => p.Id).ToArray();
            if (done.Length > 0) await Sql.ExecuteAsync(connection, "DELETE FROM sms_mo_parts WHERE id = ANY(@ids)", cancellationToken, ("ids", done));
            set.RemoveAll(p => p.Accepted || p.Id == part.Id);
            await Sql.ExecuteAsync(connection, """
                INSERT INTO sms_mo_parts (id, set_key, received_at, doc) VALUES (@id, @set, @at, @doc)
                ON CONFLICT (id) DO UPDATE SET set_key = EXCLUDED.set_key, received_at = EXCLUDED.received_at, doc = EXCLUDED.doc
                """, cancellationToken, ("id", part.Id), ("set", part.SetKey), ("at", part.ReceivedAt), ("doc", Documents.Of(part)));
            set.Add(part);
            if (set.Count < part.Total) return null;
            set.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
            return set;
        }, cancellationToken);
    }

    public Task MarkAcceptedAsync(string setKey, CancellationToken cancellationToken) =>
        database.WriteAsync(connection => Sql.ExecuteAsync(connection,
            "UPDATE sms_mo_parts SET doc = jsonb_set(doc, '{Accepted}', 'true') WHERE set_key = @set", cancellationToken, ("set", setKey)), cancellationToken);

    public async Task<IReadOnlyList<IReadOnlyList<ConcatenatedPart>>> TakeExpiredAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        // Asked every few seconds and nearly always with nothing to do: a read first, so an idle tick writes nothing.
        if (!await database.ReadAsync(connection => Sql.ScalarAsync<bool>(connection, "SELECT EXISTS (SELECT 1 FROM sms_mo_parts WHERE received_at < @cutoff)",
                cancellationToken, ("cutoff", cutoff)), cancellationToken))
            return [];
        return await database.WriteAsync<IReadOnlyList<IReadOnlyList<ConcatenatedPart>>>(async connection =>
        {
            var stale = await Sql.ListAsync(connection, "SELECT DISTINCT set_key FROM sms_mo_parts WHERE received_at < @cutoff ORDER BY set_key",
                r => r.GetString(0), cancellationToken, ("cutoff", cutoff));
            var sets = new List<IReadOnlyList<ConcatenatedPart>>();
            foreach (var key in stale)
            {
                await Sql.LockAsync(connection, LockSpace.SmsParts, key, cancellationToken);
                var set = await Sql.DocumentsAsync<ConcatenatedPart>(connection, "DELETE FROM sms_mo_parts WHERE set_key = @set RETURNING doc",
                    cancellationToken, ("set", key));
                set.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
                if (set.Count > 0 && !set.Exists(p => p.Accepted)) sets.Add(set);
            }
            return sets;
        }, cancellationToken);
    }

    private static Task<List<ConcatenatedPart>> SetOfAsync(NpgsqlConnection connection, string setKey, CancellationToken cancellationToken) =>
        Sql.DocumentsAsync<ConcatenatedPart>(connection, "SELECT doc FROM sms_mo_parts WHERE set_key = @set", cancellationToken, ("set", setKey));
}
