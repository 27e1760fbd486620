using Microsoft.Extensions.Time.Testing;

namespace SelfService.Campaigns.Tests;

public sealed class PartsPacerTests
{
    [Test]
    public void Reserve_ALongMessage_HoldsTheNextOneForAllItsParts()
    {
        var time = new FakeTimeProvider();
        var pacer = new PartsPacer(partsPerSecond: 2, time);
        var start = time.GetUtcNow();

        Assert.That(pacer.Reserve(3), Is.EqualTo(start), "the first message goes at once");
        Assert.That(pacer.Reserve(1), Is.EqualTo(start + TimeSpan.FromSeconds(1.5)), "three parts are not one: 1.5 s at 2 parts a second");
        Assert.That(pacer.Reserve(2), Is.EqualTo(start + TimeSpan.FromSeconds(2)));
        Assert.That(pacer.Next, Is.EqualTo(start + TimeSpan.FromSeconds(3)));
    }

    [Test]
    public void Reserve_AtTheStart_NoBurst()
    {
        // A second's worth of one-part messages at 10 parts a second takes the second: the tenth goes at 0.9 s, the
        // eleventh at 1 s. A pacer that started with credit would let more than ten go in the first second.
        var time = new FakeTimeProvider();
        var pacer = new PartsPacer(partsPerSecond: 10, time);
        var start = time.GetUtcNow();

        var turns = Enumerable.Range(0, 11).Select(_ => pacer.Reserve(1)).ToList();

        Assert.That(turns.Count(t => t < start + TimeSpan.FromSeconds(1)), Is.EqualTo(10));
        Assert.That(turns[^1], Is.EqualTo(start + TimeSpan.FromSeconds(1)));
    }

    [Test]
    public void Reserve_AfterALongPause_NoBurstBeyondTheCatchUp()
    {
        var time = new FakeTimeProvider();
        var pacer = new PartsPacer(partsPerSecond: 100, time);
        pacer.Reserve(1);
        time.Advance(TimeSpan.FromHours(8));
        var now = time.GetUtcNow();

        // The part due now and CatchUp's worth (50 ms at 100 parts a second: 5 parts) may go at once; the sixth waits.
        var turns = Enumerable.Range(0, 7).Select(_ => pacer.Reserve(1)).ToList();

        Assert.That(turns.Count(t => t <= now), Is.EqualTo(6));
        Assert.That(turns[^1], Is.EqualTo(now + TimeSpan.FromMilliseconds(10)));
    }

    [Test]
    public void Reserve_WithALead_StartsALeadAhead()
    {
        // The runner stores messages a lead ahead of their turns: the first turn is that far off, so the first messages
        // are stored before they are due, as all the others are; after a stall it catches up as without a lead.
        var time = new FakeTimeProvider();
        var lead = TimeSpan.FromMilliseconds(200);
        var pacer = new PartsPacer(partsPerSecond: 100, time, lead);
        var start = time.GetUtcNow();
        Assert.That(pacer.Next, Is.EqualTo(start + lead));
        Assert.That(pacer.Reserve(1), Is.EqualTo(start + lead));

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.That(pacer.Reserve(1), Is.EqualTo(time.GetUtcNow() - PartsPacer.CatchUp));
    }
}
