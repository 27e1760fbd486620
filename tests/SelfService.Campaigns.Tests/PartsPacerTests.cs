using Microsoft.Extensions.Time.Testing;

namespace SelfService.Campaigns.Tests;

public sealed class PartsPacerTests
{
    [Test]
    public async Task Wait_ALongMessage_HoldsTheNextOneForAllItsParts()
    {
        var time = new FakeTimeProvider();
        var pacer = new PartsPacer(partsPerSecond: 2, time);
        await pacer.WaitAsync(3, CancellationToken.None);   // behind by nothing: may catch up CatchUp, then 3 parts = 1.5 s

        var next = pacer.WaitAsync(1, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1.5) - PartsPacer.CatchUp - TimeSpan.FromMilliseconds(1));
        Assert.That(next.IsCompleted, Is.False, "three parts are not one");
        time.Advance(TimeSpan.FromMilliseconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Test]
    public async Task Wait_AfterALongPause_NoBurstBeyondTheCatchUp()
    {
        var time = new FakeTimeProvider();
        var pacer = new PartsPacer(partsPerSecond: 10, time);
        await pacer.WaitAsync(1, CancellationToken.None);
        time.Advance(TimeSpan.FromHours(8));

        // The part due now and 0.2 s of catch-up at 10 parts a second go at once; the fourth waits.
        for (var i = 0; i < 3; i++) await pacer.WaitAsync(1, CancellationToken.None);
        var fourth = pacer.WaitAsync(1, CancellationToken.None);
        Assert.That(fourth.IsCompleted, Is.False);
        time.Advance(TimeSpan.FromMilliseconds(100));
        await fourth.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
