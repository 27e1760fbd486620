using LiteDB;
using SelfService.Channels;

namespace SelfService.Pipeline;

/// <summary>The inbound log and the outbox, in the gateway's database.</summary>
public sealed class MessageStore
{
    private readonly ILiteCollection<InboundRecord> _inbound;
    private readonly ILiteCollection<OutboxRecord> _outbox;

    public MessageStore(ILiteDatabase database)
    {
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
            SenderAddress = message.SenderAddress, Text = message.Text, LanguageHint = message.Language, VouchedMsisdn = message.VouchedMsisdn, ClientAddress = message.ClientAddress, SessionId = message.SessionId,
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

    internal IReadOnlyList<QueuedMessage> Unprocessed() =>
        _inbound.Query().Where(r => r.State == InboundState.Accepted).OrderBy(r => r.ReceivedAt).ToList()
            .Select(r => new QueuedMessage(r.Id, r.SenderAddress)).ToList();

    /// <summary>
    /// Queues a processed message's replies, then marks it processed. A crash in between re-runs the message; replies
    /// it queued before are left as they are (their ids derive from the message), so the re-run sends nothing twice.
    /// No explicit transaction: LiteDB 5 corrupts indexes when explicit transactions on one collection run on several
    /// threads at once (seen under load as exceptions thrown from ReadIndexKey); the order of writes is enough.
    /// </summary>
    public void CompleteProcessing(string inboundId, string outcome, IReadOnlyList<OutboxRecord> replies, DateTimeOffset at)
    {
        foreach (var reply in replies)
            if (_outbox.FindById(reply.Id) is null) _outbox.Insert(reply);
        var record = _inbound.FindById(inboundId);
        if (record is null) return;
        record.State = InboundState.Processed;
        record.Outcome = outcome;
        record.ProcessedAt = at;
        _inbound.Update(record);
    }

    /// <summary>Queues messages that answer no inbound message (an agent's reply, a campaign); ids already queued are skipped.</summary>
    public void Enqueue(IReadOnlyList<OutboxRecord> records)
    {
        foreach (var record in records)
            if (_outbox.FindById(record.Id) is null) _outbox.Insert(record);
    }

    public IReadOnlyList<OutboxRecord> DueForSending(DateTimeOffset now, int limit) =>
        _outbox.Query().Where(r => r.State == OutboxState.Pending && r.NextAttemptAt <= now).OrderBy(r => r.NextAttemptAt).Limit(limit).ToList();

    /// <summary>Marks a batch as handed to the adapters, before any of it is sent.</summary>
    public void MarkSending(IReadOnlyList<OutboxRecord> batch) => Update(batch, r => r.State = OutboxState.Sending);

    /// <summary>Writes a batch of send outcomes (the records already carry their new state).</summary>
    public void SaveOutcomes(IReadOnlyList<OutboxRecord> batch) => Update(batch, _ => { });

    /// <summary>
    /// After a crash: messages caught in <see cref="OutboxState.Sending"/> are sent again where the channel shows a
    /// message once however often it is sent; elsewhere they are counted as sent (they most likely went out, and a
    /// customer must not get a reply twice), with a note.
    /// </summary>
    public int RecoverInterruptedSends(Func<string, bool> resendable, DateTimeOffset now)
    {
        var interrupted = _outbox.Find(r => r.State == OutboxState.Sending).ToList();
        foreach (var record in interrupted)
        {
            if (resendable(record.Channel))
            {
                record.State = OutboxState.Pending;
                record.NextAttemptAt = now;
            }
            else
            {
                record.State = OutboxState.Sent;
                record.SentAt = now;
                record.LastError = "unconfirmed: the gateway stopped while this was being sent; not resent, to avoid a duplicate";
            }
        }
        SaveOutcomes(interrupted);
        return interrupted.Count;
    }

    private void Update(IReadOnlyList<OutboxRecord> batch, Action<OutboxRecord> change)
    {
        foreach (var record in batch)
        {
            change(record);
            _outbox.Update(record);
        }
    }

    public IReadOnlyList<OutboxRecord> Outbox(string? channel, string? address, OutboxState? state, int limit)
    {
        var query = _outbox.Query();
        if (channel is not null) query = query.Where(r => r.Channel == channel);
        if (address is not null) query = query.Where(r => r.Address == address);
        if (state is not null) query = query.Where(r => r.State == state.Value);
        return query.OrderByDescending(r => r.CreatedAt).Limit(limit).ToList();
    }

    /// <summary>
    /// Who wrote on which channel since <paramref name="since"/>, and what came of it: the statistics' raw material.
    /// Inbound ids are version-7 GUIDs, whose first 12 hex digits are the Unix milliseconds, so this is a range on the
    /// primary key: no extra index slows the hot path down.
    /// </summary>
    public IReadOnlyList<InboundSummary> InboundSince(DateTimeOffset since)
    {
        var lowest = since.ToUnixTimeMilliseconds().ToString("x12", System.Globalization.CultureInfo.InvariantCulture).PadRight(32, '0');
        return _inbound.Query().Where("_id >= @0", lowest)
            .Select("{ i: $._id, c: $.Channel, s: $.SenderAddress, o: $.Outcome }").ToDocuments()
            .Select(d => new InboundSummary(ReceivedAt(d["i"].AsString), d["c"].AsString, d["s"].AsString, d["o"].IsNull ? null : d["o"].AsString))
            .ToList();
    }

    private static DateTimeOffset ReceivedAt(string id) =>
        DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(id.AsSpan(0, 12), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Messages waiting to go (pending or being sent), and those that failed for good.</summary>
    public (int Backlog, int Failed) OutboxCounts() =>
        (_outbox.Count(r => r.State == OutboxState.Pending || r.State == OutboxState.Sending), _outbox.Count(r => r.State == OutboxState.Failed));

    public static OutboundMessage ToMessage(OutboxRecord record) =>
        new(record.Id, record.Channel, record.Address, record.Text, record.Choices, record.InReplyTo, record.SessionId, record.CustomerId);
}

/// <summary>One inbound message, as the statistics see it.</summary>
public sealed record InboundSummary(DateTimeOffset ReceivedAt, string Channel, string SenderAddress, string? Outcome);
