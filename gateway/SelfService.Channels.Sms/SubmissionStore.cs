using LiteDB;

namespace SelfService.Channels.Sms;

/// <summary>
/// Each submitted part of an outbound SMS with the SMSC's message id, and what the delivery receipts said. Ids are
/// stored in every form a receipt may quote them (hex, decimal), so a receipt finds its part whichever the SMSC used.
/// </summary>
public sealed class SubmissionStore
{
    private readonly ILiteCollection<SmsSubmission> _submissions;

    public SubmissionStore(ILiteDatabase database)
    {
        _submissions = database.GetCollection<SmsSubmission>("sms_submissions");
        _submissions.EnsureIndex(s => s.OutboxId);
        _submissions.EnsureIndex("matchKeys", "$.MatchKeys[*]", unique: false);
    }

    public void Record(SmsSubmission submission) => _submissions.Upsert(submission);

    /// <summary>Applies a receipt; false when no submitted part carries that id.</summary>
    public bool ApplyReceipt(IEnumerable<string> matchKeys, string state, string? error, DateTimeOffset at)
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
        return false;
    }

    public IReadOnlyList<SmsSubmission> ForOutbox(string outboxId) =>
        _submissions.Find(s => s.OutboxId == outboxId).OrderBy(s => s.Part).ToList();
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
