using LiteDB;

namespace SelfService.Channels.Sms;

/// <summary>
/// Each submitted part of an outbound SMS with the SMSC's message id, and what the delivery receipts said. Ids are
/// stored in every form a receipt may quote them (hex, decimal), so a receipt finds its part whichever the SMSC used.
/// A receipt can overtake the submit_sm_resp it belongs to (the SMSC sends both at once, and they travel on different
/// paths through the gateway): a receipt that matches nothing yet is kept, and applied when its part is recorded.
/// </summary>
public sealed class SubmissionStore
{
    private readonly ILiteCollection<SmsSubmission> _submissions;
    private readonly ILiteCollection<EarlyReceipt> _early;

    public SubmissionStore(ILiteDatabase database)
    {
        _submissions = database.GetCollection<SmsSubmission>("sms_submissions");
        _submissions.EnsureIndex(s => s.OutboxId);
        _submissions.EnsureIndex("matchKeys", "$.MatchKeys[*]", unique: false);
        _early = database.GetCollection<EarlyReceipt>("sms_receipts_early");
        _early.EnsureIndex("matchKeys", "$.MatchKeys[*]", unique: false);
        _early.EnsureIndex(r => r.At);
    }

    /// <summary>Records a submitted part, and applies a receipt that came for it before it was recorded.</summary>
    public void Record(SmsSubmission submission)
    {
        foreach (var key in submission.MatchKeys)
        {
            var early = _early.FindOne("$.MatchKeys[*] ANY = @0", key);
            if (early is null) continue;
            submission.DeliveryState = early.State;
            submission.DeliveryError = early.Error;
            submission.ReceiptAt = early.At;
            _early.Delete(early.Id);
            break;
        }
        _submissions.Upsert(submission);
    }

    /// <summary>Applies a receipt; false when no submitted part carries that id yet (the receipt is kept for it).</summary>
    public bool ApplyReceipt(IReadOnlyList<string> matchKeys, string state, string? error, DateTimeOffset at)
    {
        foreach (var key in matchKeys)
        {
            var submission = _submissions.FindOne("$.MatchKeys[*] ANY = @0", key);
            if (submission is null) continue;
            submission.DeliveryState = state;
            submission.DeliveryError = error;
            submission.ReceiptAt = at;
            _submissions.Update(submission);
            return true;
        }
        _early.Insert(new EarlyReceipt { Id = ObjectId.NewObjectId(), MatchKeys = [.. matchKeys], State = state, Error = error, At = at });
        return false;
    }

    /// <summary>Receipts that never found their part (another gateway's, or one the SMSC invented) are dropped after a while.</summary>
    public int ForgetEarlyReceipts(DateTimeOffset olderThan) => _early.DeleteMany(r => r.At < olderThan);

    public IReadOnlyList<SmsSubmission> ForOutbox(string outboxId) =>
        _submissions.Find(s => s.OutboxId == outboxId).OrderBy(s => s.Part).ToList();
}

/// <summary>A receipt waiting for the part it belongs to.</summary>
internal sealed class EarlyReceipt
{
    public ObjectId Id { get; set; } = ObjectId.Empty;
    public List<string> MatchKeys { get; set; } = [];
    public string State { get; set; } = "";
    public string? Error { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>One submitted part: the outbox message it belongs to, the SMSC's id and the delivery state.</summary>
public sealed class SmsSubmission
{
    public string Id { get; set; } = "";
    public string OutboxId { get; set; } = "";
    public int Part { get; set; }
    public int Parts { get; set; }
    public string SmscMessageId { get; set; } = "";
    public List<string> MatchKeys { get; set; } = [];
    public DateTimeOffset SubmittedAt { get; set; }

    /// <summary>"ENROUTE" until a receipt says DELIVRD, UNDELIV, EXPIRED...</summary>
    public string DeliveryState { get; set; } = "ENROUTE";
    public string? DeliveryError { get; set; }
    public DateTimeOffset? ReceiptAt { get; set; }
}
