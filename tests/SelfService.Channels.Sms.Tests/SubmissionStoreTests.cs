using LiteDB;
using SelfService.Smpp;

namespace SelfService.Channels.Sms.Tests;

public class SubmissionStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public void Receipt_BeforeItsSubmissionIsRecorded_IsAppliedWhenItIs()
    {
        using var database = new LiteDatabase(new MemoryStream());
        var store = new SubmissionStore(database);

        // The SMSC answered 1A2B3C and sent the receipt (decimal 1715004) at once; the receipt won the race.
        var matched = store.ApplyReceipt(MessageIds.MatchKeys("1715004", MessageIdOrigin.Receipt), "DELIVRD", null, Now);
        store.Record(Submission("out-1", "1A2B3C"));

        Assert.That(matched, Is.False);
        Assert.That(store.ForOutbox("out-1").Single().DeliveryState, Is.EqualTo("DELIVRD"));
    }

    [Test]
    public void EarlyReceipt_ForAnotherId_DoesNotTouchThisSubmission()
    {
        using var database = new LiteDatabase(new MemoryStream());
        var store = new SubmissionStore(database);

        store.ApplyReceipt(MessageIds.MatchKeys("999", MessageIdOrigin.Receipt), "UNDELIV", "001", Now);
        store.Record(Submission("out-1", "1A2B3C"));

        Assert.That(store.ForOutbox("out-1").Single().DeliveryState, Is.EqualTo("ENROUTE"));
        Assert.That(store.ForgetEarlyReceipts(Now.AddMinutes(1)), Is.EqualTo(1), "the stray receipt is dropped later");
    }

    private static SmsSubmission Submission(string outboxId, string smscId) => new()
    {
        Id = outboxId + "#1", OutboxId = outboxId, Part = 1, Parts = 1, SmscMessageId = smscId,
        MatchKeys = [.. MessageIds.MatchKeys(smscId, MessageIdOrigin.SubmitResponse)], SubmittedAt = Now,
    };
}
