using LiteDB;
using SelfService.Storage.Campaigns;

namespace SelfService.Storage.LiteDb.Campaigns;

/// <summary>
/// The topics each number stopped in "opt_outs" (one document per number and topic), and the trail of changes in
/// "opt_out_changes", both written in one commit.
/// </summary>
internal sealed class LiteOptOutStore : IOptOutStore
{
    public const string Collection = "opt_outs";
    public const string ChangesCollection = "opt_out_changes";

    private readonly ILiteCollection<BsonDocument> _stopped;
    private readonly ILiteCollection<OptOutChange> _changes;
    private readonly GroupCommitWriter _writer;

    public LiteOptOutStore(ILiteDatabase database, GroupCommitWriter writer)
    {
        _writer = writer;
        _stopped = database.GetCollection(Collection);
        _stopped.EnsureIndex("Msisdn", "$.Msisdn", unique: false);
        _changes = database.GetCollection<OptOutChange>(ChangesCollection);
        _changes.EnsureIndex(c => c.Msisdn);
    }

    public Task<bool> ApplyAsync(OptOutChange change, CancellationToken cancellationToken) =>
        _writer.WriteAsync(db =>
        {
            var changes = db.GetCollection<OptOutChange>(ChangesCollection);
            if (changes.FindById(change.Id) is not null) return false;
            changes.Insert(change);
            var stopped = db.GetCollection(Collection);
            if (change.OptedOut)
            {
                stopped.Upsert(new BsonDocument { ["_id"] = change.Msisdn + "|" + change.Topic, ["Msisdn"] = change.Msisdn, ["Topic"] = change.Topic });
            }
            else if (change.Topic == OptOutChange.AllTopics)
            {
                stopped.DeleteMany(Filters.Equal("Msisdn", change.Msisdn));
            }
            else
            {
                stopped.Delete(change.Msisdn + "|" + change.Topic);
            }
            return true;
        }, cancellationToken);

    public Task<IReadOnlySet<string>> StoppedTopicsAsync(string msisdn, CancellationToken cancellationToken)
    {
        IReadOnlySet<string> topics = _stopped.Find(Filters.Equal("Msisdn", msisdn)).Select(d => d["Topic"].AsString).ToHashSet(StringComparer.Ordinal);
        return Task.FromResult(topics);
    }

    public Task<IReadOnlyList<OptOutChange>> HistoryAsync(string msisdn, CancellationToken cancellationToken)
    {
        IReadOnlyList<OptOutChange> found = [.. _changes.Find(Filters.Equal(nameof(OptOutChange.Msisdn), msisdn))
            .OrderBy(c => c.At).ThenBy(c => c.Id, StringComparer.Ordinal)];
        return Task.FromResult(found);
    }
}
