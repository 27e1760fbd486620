using SelfService.Smpp.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace SelfService.Smpp.Tests.Sessions;

public class SequenceWindowTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Test]
    public async Task WaitForSlot_WindowFull_WaitsUntilAResponseFreesOne()
    {
        using var window = new SequenceWindow(2, new FakeTimeProvider());
        await window.WaitForSlotAsync(CancellationToken.None);
        window.Add(new SubmitSm { SequenceNumber = 1 }, Timeout, usesSlot: true);
        await window.WaitForSlotAsync(CancellationToken.None);
        window.Add(new SubmitSm { SequenceNumber = 2 }, Timeout, usesSlot: true);

        var third = window.WaitForSlotAsync(CancellationToken.None).AsTask();
        Assert.That(third.IsCompleted, Is.False, "only a response frees a slot, and none came");

        Assert.That(window.TryComplete(new SubmitSmResp { SequenceNumber = 1 }), Is.True);
        await third.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.That(window.SlotsInUse, Is.EqualTo(2));
    }

    [Test]
    public async Task Timeout_RemovesTheRequestFreesTheSlotAndFailsIt()
    {
        var time = new FakeTimeProvider();
        using var window = new SequenceWindow(1, time);
        await window.WaitForSlotAsync(CancellationToken.None);
        var pending = window.Add(new SubmitSm { SequenceNumber = 7 }, Timeout, usesSlot: true);
        pending.MarkWritten();

        time.Advance(Timeout - TimeSpan.FromMilliseconds(1));
        Assert.That(pending.Response.IsCompleted, Is.False);
        time.Advance(TimeSpan.FromMilliseconds(1));

        var ex = await Catch.Async<SmppResponseTimeoutException>(() => pending.Response);
        Assert.Multiple(() =>
        {
            Assert.That(ex.WrittenToSocket, Is.True);
            Assert.That(ex.SequenceNumber, Is.EqualTo(7u));
            Assert.That(window.Count, Is.Zero);
            Assert.That(window.SlotsInUse, Is.Zero);
            Assert.That(window.TryComplete(new SubmitSmResp { SequenceNumber = 7 }), Is.False, "a late response finds nothing");
        });
    }

    [Test]
    public void TryComplete_UnknownSequence_IsFalse()
    {
        using var window = new SequenceWindow(1, new FakeTimeProvider());
        Assert.That(window.TryComplete(new SubmitSmResp { SequenceNumber = 99 }), Is.False);
    }

    [Test]
    public async Task Close_FailsEachRequestSayingWhetherItWasWritten()
    {
        using var window = new SequenceWindow(4, new FakeTimeProvider());
        var written = window.Add(new SubmitSm { SequenceNumber = 1 }, Timeout, usesSlot: false);
        var queued = window.Add(new SubmitSm { SequenceNumber = 2 }, Timeout, usesSlot: false);
        written.MarkWritten();

        window.Close("gone");

        Assert.That((await Catch.Async<SmppConnectionException>(() => written.Response)).WrittenToSocket, Is.True);
        Assert.That((await Catch.Async<SmppConnectionException>(() => queued.Response)).WrittenToSocket, Is.False);
        Assert.That((await Catch.Async<SmppConnectionException>(async () => await window.WaitForSlotAsync(CancellationToken.None))).WrittenToSocket, Is.False);
        Assert.Throws<SmppConnectionException>(() => window.Add(new SubmitSm { SequenceNumber = 3 }, Timeout, usesSlot: false));
    }

    [Test]
    public async Task Close_WakesCallersWaitingForASlot()
    {
        using var window = new SequenceWindow(1, new FakeTimeProvider());
        await window.WaitForSlotAsync(CancellationToken.None);
        window.Add(new SubmitSm { SequenceNumber = 1 }, Timeout, usesSlot: true);
        var waiting = window.WaitForSlotAsync(CancellationToken.None).AsTask();

        window.Close("gone");

        var ex = await Catch.Async<SmppConnectionException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.That(ex.WrittenToSocket, Is.False);
    }

    [Test]
    public async Task WhenEmpty_CompletesWithTheLastResponse()
    {
        using var window = new SequenceWindow(2, new FakeTimeProvider());
        window.Add(new SubmitSm { SequenceNumber = 1 }, Timeout, usesSlot: false);
        var empty = window.WhenEmptyAsync();
        Assert.That(empty.IsCompleted, Is.False);
        window.TryComplete(new SubmitSmResp { SequenceNumber = 1 });
        await empty.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
