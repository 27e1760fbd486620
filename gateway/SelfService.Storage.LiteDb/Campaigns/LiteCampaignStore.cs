using System.Globalization;
using LiteDB;
using SelfService.Storage.Campaigns;
using SelfService.Storage.Messages;

namespace SelfService.Storage.LiteDb.Campaigns;

/// <summary>
/// Campaigns in "campaigns", uploaded numbers in "campaign_numbers", recipients in "campaign_recipients". A recipient's
/// document carries two fields of its own: the run it belongs to, and, while it is pending, its place in the run; their
/// indexes make "how many in this run" and "the next pending ones" walks of an index, not of every recipient.
/// </summary>
internal sealed class LiteCampaignStore : ICampaignStore
{
    public const string Collection = "campaigns";
    public const string NumbersCollection = "campaign_numbers";
    public const string RecipientsCollection = "campaign_recipients";

    private const string RunField = "RunKey";
    private const string PendingField = "PendingKey";

    private readonly ILiteCollection<Campaign> _campaigns;
    private readonly ILiteCollection<BsonDocument> _numbers;
    private readonly ILiteCollection<BsonDocument> _recipients;
    private readonly ILiteDatabase _reads;
    private readonly GroupCommitWriter _writer;

    public LiteCampaignStore(ILiteDatabase database, GroupCommitWriter writer)
    {
        _reads = database;
        _writer = writer;
        _campaigns = database.GetCollection<Campaign>(Collection);
        _campaigns.EnsureIndex(c => c.State);
        _numbers = database.GetCollection(NumbersCollection);
        _recipients = database.GetCollection(RecipientsCollection);
        _recipients.EnsureIndex(RunField, "$." + RunField, unique: false);
        _recipients.EnsureIndex(PendingField, "$." + PendingField, unique: false);
    }

    public Task<bool> CreateAsync(Campaign campaign, CancellationToken cancellationToken) =>
        _writer.WriteAsync(db =>
        {
            var campaigns = db.GetCollection<Campaign>(Collection);
            if (campaigns.FindById(campaign.Id) is not null) return false;
            campaigns.Insert(campaign);
            return true;
        }, cancellationToken);

    public Task<Campaign?> GetAsync(string campaignId, CancellationToken cancellationToken) =>
        Task.FromResult<Campaign?>(_campaigns.FindById(campaignId));

    public Task<IReadOnlyList<Campaign>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        IReadOnlyList<Campaign> found = [.. _campaigns.Query().OrderByDescending(c => c.CreatedAt).Limit(Math.Max(0, limit)).ToList()];
        return Task.FromResult(found);
    }

    public Task<IReadOnlyList<Campaign>> InStatesAsync(IReadOnlyList<CampaignState> states, CancellationToken cancellationToken)
    {
        IReadOnlyList<Campaign> found = [.. states.SelectMany(s => _campaigns.Find(Filters.Equal(nameof(Campaign.State), s.ToString())))];
        return Task.FromResult(found);
    }

    public Task<CampaignChange> ChangeAsync(string campaignId, Func<Campaign, bool> change, CancellationToken cancellationToken) =>
        _writer.WriteAsync(db =>
        {
            var campaigns = db.GetCollection<Campaign>(Collection);
            var campaign = campaigns.FindById(campaignId);
            if (campaign is null) return new CampaignChange(null, false);
            if (!change(campaign)) return new CampaignChange(campaigns.FindById(campaignId), false);
            campaigns.Update(campaign);
            return new CampaignChange(campaign, true);
        }, cancellationToken);

    public Task<int> AddListNumbersAsync(string campaignId, IReadOnlyList<string> msisdns, CancellationToken cancellationToken) =>
        _writer.WriteAsync(db =>
        {
            var numbers = db.GetCollection(NumbersCollection);
            var added = 0;
            foreach (var msisdn in msisdns)
            {
                var id = campaignId + "|" + msisdn;
                if (numbers.FindById(id) is not null) continue;
                numbers.Insert(new BsonDocument { ["_id"] = id, ["Msisdn"] = msisdn });
                added++;
            }
            return added;
        }, cancellationToken);

    public Task<IReadOnlyList<string>> ListNumbersAsync(string campaignId, string? afterMsisdn, int limit, CancellationToken cancellationToken)
    {
        // The ids are "campaign|number": the campaign's numbers are one range of the primary key, in order of number.
        var from = campaignId + "|" + (afterMsisdn ?? "");
        var to = campaignId + "|\uffff";
        IReadOnlyList<string> found = [.. _numbers.Query().Where(BsonExpression.Create("$._id > @0 AND $._id < @1", from, to))
            .OrderBy("$._id").Limit(limit).ToEnumerable().Select(d => d["Msisdn"].AsString)];
        return Task.FromResult(found);
    }

    public Task<int> AddRecipientsAsync(IReadOnlyList<CampaignRecipient> recipients, CancellationToken cancellationToken) =>
        _writer.WriteAsync(db =>
        {
            var collection = db.GetCollection(RecipientsCollection);
            var added = 0;
            foreach (var recipient in recipients)
            {
                if (collection.FindById(recipient.Id) is not null) continue;
                collection.Insert(ToDocument(db, recipient));
                added++;
            }
            return added;
        }, cancellationToken);

    public Task<IReadOnlyList<CampaignRecipient>> PendingAsync(string campaignId, string run, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        var from = PendingKey(campaignId, run, afterSequence + 1);
        var to = PendingKey(campaignId, run, MaxSequence);
        IReadOnlyList<CampaignRecipient> found = [.. _recipients.Query().Where(Filters.Between(PendingField, from, to)).OrderBy("$." + PendingField)
            .Limit(limit).ToEnumerable().Select(d => _reads.Mapper.ToObject<CampaignRecipient>(d))];
        return Task.FromResult(found);
    }

    public Task<IReadOnlyList<CampaignRecipient>> RecipientsAsync(string campaignId, string run, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        IReadOnlyList<CampaignRecipient> found = [.. _recipients.Query()
            .Where(BsonExpression.Create("$." + RunField + " = @0 AND $." + nameof(CampaignRecipient.Sequence) + " > @1", RunKey(campaignId, run), afterSequence))
            .OrderBy("$." + nameof(CampaignRecipient.Sequence)).Limit(limit).ToEnumerable().Select(d => _reads.Mapper.ToObject<CampaignRecipient>(d))];
        return Task.FromResult(found);
    }

    public Task<long> LastSequenceAsync(string campaignId, string run, CancellationToken cancellationToken)
    {
        var last = _recipients.Query().Where(Filters.Equal(RunField, RunKey(campaignId, run)))
            .OrderByDescending("$." + nameof(CampaignRecipient.Sequence)).Limit(1).ToEnumerable().FirstOrDefault();
        return Task.FromResult(last is null ? -1 : last[nameof(CampaignRecipient.Sequence)].AsInt64);
    }

    public Task HandOverAsync(IReadOnlyList<CampaignRecipient> recipients, IReadOnlyList<OutboxRecord> outbox, CancellationToken cancellationToken) =>
        _writer.WriteAsync(db =>
        {
            var collection = db.GetCollection(RecipientsCollection);
            foreach (var recipient in recipients) collection.Upsert(ToDocument(db, recipient));
            LiteOutbox.InsertNew(db, outbox);
        }, cancellationToken);

    public Task<int> CancelPendingAsync(string campaignId, string run, CancellationToken cancellationToken) =>
        _writer.WriteAsync(db =>
        {
            var collection = db.GetCollection(RecipientsCollection);
            var pending = collection.Find(Filters.Between(PendingField, PendingKey(campaignId, run, 0), PendingKey(campaignId, run, MaxSequence))).ToList();
            foreach (var document in pending)
            {
                var recipient = db.Mapper.ToObject<CampaignRecipient>(document);
                recipient.State = RecipientState.Cancelled;
                collection.Update(ToDocument(db, recipient));
            }
            return pending.Count;
        }, cancellationToken);

    public Task<CampaignProgress> ProgressAsync(string campaignId, string run, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<RecipientState, int>();
        var parts = 0;
        foreach (var document in _recipients.Find(Filters.Equal(RunField, RunKey(campaignId, run))))
        {
            var state = Enum.Parse<RecipientState>(document[nameof(CampaignRecipient.State)].AsString);
            counts[state] = counts.GetValueOrDefault(state) + 1;
            parts += document[nameof(CampaignRecipient.Parts)].AsInt32;
        }

        // The run's outbox messages are one range of the outbox's primary key (their ids are derived from the recipient).
        var prefix = CampaignRecipient.OutboxIdOf(campaignId, run, "");
        int sent = 0, delivered = 0, failed = 0;
        foreach (var record in _reads.GetCollection<OutboxRecord>(LiteOutbox.Collection)
                     .Find(BsonExpression.Create("$._id >= @0 AND $._id < @1", prefix, prefix + "\uffff")))
        {
            if (record.State == OutboxState.Sent) sent++;
            if (record.State == OutboxState.Failed) failed++;
            if (record.Parts.Count > 0 && record.Parts.All(p => string.Equals(p.DeliveryState, "DELIVRD", StringComparison.OrdinalIgnoreCase))) delivered++;
        }

        int Of(RecipientState state) => counts.GetValueOrDefault(state);
        return Task.FromResult(new CampaignProgress(
            counts.Values.Sum(), Of(RecipientState.Pending), Of(RecipientState.HandedOver), Of(RecipientState.SkippedOptedOut),
            Of(RecipientState.SkippedUnreachable), Of(RecipientState.Cancelled), sent, delivered, failed, parts));
    }

    private const long MaxSequence = 999_999_999_999;

    private static BsonDocument ToDocument(ILiteDatabase database, CampaignRecipient recipient)
    {
        var document = database.Mapper.ToDocument(recipient);
        document[RunField] = RunKey(recipient.CampaignId, recipient.Run);
        document[PendingField] = recipient.State == RecipientState.Pending
            ? PendingKey(recipient.CampaignId, recipient.Run, recipient.Sequence)
            : BsonValue.Null;
        return document;
    }

    private static string RunKey(string campaignId, string run) => campaignId + "|" + run;

    private static string PendingKey(string campaignId, string run, long sequence) =>
        RunKey(campaignId, run) + "|" + sequence.ToString("D12", CultureInfo.InvariantCulture);
}
