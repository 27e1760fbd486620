using LiteDB;
using SelfService.Channels;

namespace SelfService.Pipeline;

/// <summary>The inbound log and the outbox, in the gateway's database.</summary>
public sealed class MessageStore
{
    private readonly ILiteDatabase _database;
    private readonly ILiteCollection<InboundRecord> _inbound;
    private readonly ILiteCollection<OutboxRecord> _outbox;

    public MessageStore(ILiteDatabase database)
    {
        _database = database;
        _inbound = database.GetCollection<InboundRecord>("inbound");
        _inbound.EnsureIndex(r => r.DedupKey, unique: true);
        _inbound.EnsureIndex(r => r.State);
        _outbox = database.GetCollection<OutboxRecord>("outbox");
        _outbox.EnsureIndex(r => r.State);
        _outbox.EnsureIndex(r => r.Channel);
    }

    /// <summary>Stores the message unless the channel delivered it before; then returns the first copy's id.</summary>
    public AcceptResult Accept(InboundMessage message)
    {
        var key = message.Channel + "|" + message.ChannelMessageId;
        var record = new InboundRecord
        {
            Id = message.Id, DedupKey = key, Channel = message.Channel, ChannelMessageId = message.ChannelMessageId,
            SenderAddress = message.SenderAddress, Text = message.Text, LanguageHint = message.Language, SessionId = message.SessionId,
            ReceivedAt = message.ReceivedAt, State = InboundState.Accepted,
        };
        try
        {
            _inbound.Insert(record);
            return new AcceptResult(message.Id, Duplicate: false);
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            var first = _inbound.FindOne(r => r.DedupKey == key);
            return new AcceptResult(first.Id, Duplicate: true);
        }
    }

    public InboundRecord? GetInbound(string id) => _inbound.FindById(id);

    public IReadOnlyList<string> UnprocessedIds() =>
        _inbound.Query().Where(r => r.State == InboundState.Accepted).OrderBy(r => r.ReceivedAt).Select(r => r.Id).ToList();

    /// <summary>
    /// Queues a processed message's replies and marks it processed, in one transaction. Replies already queued by an
    /// earlier run (a crash before the mark) are left as they are, so a re-run sends nothing twice.
    /// </summary>
    public void CompleteProcessing(string inboundId, string outcome, IReadOnlyList<OutboxRecord> replies, DateTimeOffset at)
    {
        // LiteDB transactions belong to the calling thread: nothing in here may await.
        _database.BeginTrans();
        try
        {
            foreach (var reply in replies)
                if (_outbox.FindById(reply.Id) is null) _outbox.Insert(reply);
            var record = _inbound.FindById(inboundId);
            if (record is not null)
            {
                record.State = InboundState.Processed;
                record.Outcome = outcome;
                record.ProcessedAt = at;
                _inbound.Update(record);
            }
            _database.Commit();
        }
        catch
        {
            _database.Rollback();
            throw;
        }
    }

    public IReadOnlyList<OutboxRecord> DueForSending(DateTimeOffset now, int limit) =>
        _outbox.Query().Where(r => r.State == OutboxState.Pending && r.NextAttemptAt <= now).OrderBy(r => r.NextAttemptAt).Limit(limit).ToList();

    public void UpdateOutbox(OutboxRecord record) => _outbox.Update(record);

    public IReadOnlyList<OutboxRecord> Outbox(string? channel, string? address, OutboxState? state, int limit)
    {
        var query = _outbox.Query();
        if (channel is not null) query = query.Where(r => r.Channel == channel);
        if (address is not null) query = query.Where(r => r.Address == address);
        if (state is not null) query = query.Where(r => r.State == state.Value);
        return query.OrderByDescending(r => r.CreatedAt).Limit(limit).ToList();
    }

    public static OutboundMessage ToMessage(OutboxRecord record) =>
        new(record.Id, record.Channel, record.Address, record.Text, record.Choices, record.InReplyTo, record.SessionId, record.CustomerId);
}
