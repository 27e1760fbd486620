using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SelfService.Commands.Escalation;
using SelfService.Storage.Escalations;
using SelfService.Storage.LiteDb;

namespace SelfService.Commands.Tests.Escalation;

/// <summary>The queue over the embedded store in memory: positions, wait estimates, and who may change a ticket when.</summary>
public sealed class EscalationQueueTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private LiteStorage _storage = null!;
    private FakeTimeProvider _time = null!;
    private EscalationQueue _queue = null!;
    private List<(string Ticket, EscalationChange Change)> _announced = null!;

    [SetUp]
    public void Open()
    {
        _storage = new LiteStorage(null, new LiteDbStorageOptions(), NullLoggerFactory.Instance);
        // A start finer than the millisecond, as a real clock gives: the store may keep times less finely.
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero).AddTicks(1_234_567));
        var options = Options.Create(new EscalationOptions
        {
            DefaultHandlingTime = TimeSpan.FromMinutes(3), AgentsOnDuty = 1,
            Groups = [new QueueGroup { Name = "billing", Topics = ["billing"] }],
        });
        _queue = new EscalationQueue(_storage.Escalations, options, new EscalationRouting(options), _time);
        _announced = [];
        _queue.Changed += (ticket, change) => { lock (_announced) _announced.Add((ticket.Id, change)); };
    }

    [TearDown]
    public void Close() => _storage.Dispose();

    [Test]
    public async Task PositionOf_CountsEarlierWaitingTicketsOfItsGroupOnly_AndEstimatesWithTheHandlingTime()
    {
        await EnqueueAsync("a", "");
        await EnqueueAsync("b", "billing");
        await EnqueueAsync("c", "");

        var position = await _queue.PositionOfAsync("c", None);

        Assert.That(position, Is.EqualTo(new QueuePosition("c", 2, TimeSpan.FromMinutes(6))));
        Assert.That((await _queue.PositionOfAsync("b", None))!.Position, Is.EqualTo(1));
    }

    [Test]
    public async Task PositionOf_OnceTicketsWereTaken_EstimatesWithTheirMeanWait()
    {
        await EnqueueAsync("a", "");
        _time.Advance(TimeSpan.FromMinutes(1));
        await _queue.TryTakeAsync("a", "anna", None);
        await EnqueueAsync("b", "");

        var position = await _queue.PositionOfAsync("b", None);

        // a waited 61 s (the second EnqueueAsync moves the clock on, then the minute): the mean of the tickets taken so far.
        Assert.That(position, Is.EqualTo(new QueuePosition("b", 1, TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1))));
        Assert.That(await _queue.PositionOfAsync("a", None), Is.Null, "a taken ticket has no place in the queue");
    }

    [Test]
    public async Task Transfer_WaitsInTheOtherGroupByTheTimeItFirstWaited_AndUnknownGroupsAreRefused()
    {
        await EnqueueAsync("a", "");
        await EnqueueAsync("b", "billing");
        await _queue.TryTakeAsync("a", "anna", None);

        Assert.That(await _queue.TryTransferAsync("a", "nowhere", None), Is.False);
        Assert.That(await _queue.TryTransferAsync("a", "billing", None), Is.True);

        var a = (await _queue.GetAsync("a", None))!;
        Assert.That((a.State, a.Group, a.Agent, a.TakenAt), Is.EqualTo((EscalationState.Waiting, "billing", (string?)null, (DateTimeOffset?)null)));
        Assert.That((await _queue.WaitingAsync("billing", None)).Select(t => t.Id), Is.EqualTo(new[] { "a", "b" }));
        Assert.That((await _queue.PositionOfAsync("b", None))!.Position, Is.EqualTo(2));
    }

    [Test]
    public async Task TryTake_TwentyAgentsAtOnce_ExactlyOneGetsIt_AndOneTakeIsAnnounced()
    {
        await EnqueueAsync("a", "");

        var agents = Enumerable.Range(0, 20).Select(i => "agent" + i).ToList();
        var taken = await Task.WhenAll(agents.Select(agent => Task.Run(() => _queue.TryTakeAsync("a", agent, None))));

        Assert.That(taken.Count(t => t), Is.EqualTo(1));
        var winner = agents[Array.IndexOf(taken, true)];
        Assert.That((await _queue.GetAsync("a", None))!.Agent, Is.EqualTo(winner));
        Assert.That(_announced.Count(a => a.Change == EscalationChange.Taken), Is.EqualTo(1));
        Assert.That((await _queue.HeldByAsync(winner, None)).Select(t => t.Id), Is.EqualTo(new[] { "a" }));
    }

    [Test]
    public async Task AClosedTicket_CannotBeTakenTransferredOrClosedAgain()
    {
        await EnqueueAsync("a", "");
        Assert.That(await _queue.TryCloseAsync("a", None), Is.True);

        Assert.That(await _queue.TryTakeAsync("a", "anna", None), Is.False);
        Assert.That(await _queue.TryTransferAsync("a", "billing", None), Is.False);
        Assert.That(await _queue.TryCloseAsync("a", None), Is.False);
        Assert.That(await _queue.TryTakeAsync("nobody's", "anna", None), Is.False);
        Assert.That(_announced.Select(a => a.Change), Is.EqualTo(new[] { EscalationChange.Queued, EscalationChange.Closed }));
    }

    [Test]
    public async Task Enqueue_TheSameMessageAgain_ReturnsTheFirstTicketAndAnnouncesNothing()
    {
        await EnqueueAsync("a", "");
        var first = (await _queue.GetAsync("a", None))!;
        _time.Advance(TimeSpan.FromMinutes(5));
        var again = await EnqueueAsync("a", "billing");

        Assert.That((again.Group, again.EnqueuedAt), Is.EqualTo((first.Group, first.EnqueuedAt)));
        Assert.That(again.Group, Is.EqualTo(EscalationRouting.GeneralGroup));
        Assert.That(_announced, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Callback_IsPendingUntilDoneOnce_AndNotWhenTheTicketIsClosed()
    {
        await EnqueueAsync("a", "");
        await EnqueueAsync("b", "");
        Assert.That(await _queue.RequestCallbackAsync("a", "+79161234567", null, None), Is.True);
        Assert.That(await _queue.RequestCallbackAsync("b", "+79161234568", null, None), Is.True);
        await _queue.TryCloseAsync("b", None);

        Assert.That((await _queue.PendingCallbacksAsync(None)).Select(t => t.Id), Is.EqualTo(new[] { "a" }));
        Assert.That(await _queue.CompleteCallbackAsync("a", "anna", None), Is.True);
        Assert.That(await _queue.CompleteCallbackAsync("a", "boris", None), Is.False);
        Assert.That((await _queue.GetAsync("a", None))!.Callback!.DoneBy, Is.EqualTo("anna"));
        Assert.That(await _queue.PendingCallbacksAsync(None), Is.Empty);
    }

    private async Task<EscalationTicket> EnqueueAsync(string id, string topic)
    {
        var ticket = await _queue.EnqueueAsync(new EscalationRequest(id, null, "sms", "+7916" + id, "s-" + id, "ru", EscalationReasons.AskedForAgent, "help", topic), null, None);
        _time.Advance(TimeSpan.FromSeconds(1));
        return ticket;
    }
}
