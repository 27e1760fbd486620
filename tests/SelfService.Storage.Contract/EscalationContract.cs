using SelfService.Storage.Escalations;

namespace SelfService.Storage.Contract;

/// <summary>
/// The human queue's tickets: each change checks the state it starts from in the same step that makes it, so of agents
/// acting at once exactly one wins; and the reads the desk and the wait figures use.
/// </summary>
public abstract class EscalationContract : StorageContract
{
    [Test]
    public async Task Add_TheSameIdAgain_IsRefusedAndTheFirstKept()
    {
        Assert.That(await Store.Escalations.AddAsync(Ticket("t1", T0, group: "general"), None), Is.True);

        Assert.That(await Store.Escalations.AddAsync(Ticket("t1", T0.AddMinutes(1), group: "billing"), None), Is.False);

        var stored = (await Store.Escalations.GetAsync("t1", None))!;
        Assert.That((stored.Group, stored.EnqueuedAt, stored.State), Is.EqualTo(("general", T0, EscalationState.Waiting)));
    }

    [Test]
    public async Task Add_KeepsEveryField_AcrossARestart()
    {
        var ticket = Ticket("t1", T0);
        ticket.CustomerId = "c1";
        ticket.LastQuestion = " why is my balance negative? ";
        await Store.Escalations.AddAsync(ticket, None);

        await ReopenAsync();

        var stored = (await Store.Escalations.GetAsync("t1", None))!;
        Assert.That((stored.CustomerId, stored.Channel, stored.Address, stored.SessionId, stored.Language, stored.Reason, stored.Topic, stored.LastQuestion),
            Is.EqualTo(("c1", "sms", "+7916t1", "s-t1", "ru", "asked-for-agent", "billing", " why is my balance negative? ")));
        Assert.That((stored.State, stored.EnqueuedAt, stored.TakenAt, stored.Agent, stored.Callback), Is.EqualTo((EscalationState.Waiting, T0, (DateTimeOffset?)null, (string?)null, (CallbackRequest?)null)));
    }

    [Test]
    public async Task Waiting_LongestWaitingFirst_ByGroupWhenAsked_AndCountedAheadOfATicket()
    {
        await AddAsync(Ticket("late", T0.AddMinutes(3)), Ticket("first", T0), Ticket("billing", T0.AddMinutes(1), group: "billing"), Ticket("second", T0.AddMinutes(2)));
        await Store.Escalations.TakeAsync("second", "anna", T0.AddMinutes(4), None);

        Assert.That(await IdsAsync(Store.Escalations.WaitingAsync(null, None)), Is.EqualTo(new[] { "first", "billing", "late" }));
        Assert.That(await IdsAsync(Store.Escalations.WaitingAsync("general", None)), Is.EqualTo(new[] { "first", "late" }));
        Assert.That(await Store.Escalations.CountWaitingAheadAsync((await Store.Escalations.GetAsync("late", None))!, None), Is.EqualTo(1),
            "'second' is taken, 'billing' in another group");
        Assert.That(await Store.Escalations.CountWaitingAheadAsync((await Store.Escalations.GetAsync("first", None))!, None), Is.Zero);
    }

    [Test]
    public async Task CountWaitingAhead_OfATicketAsTheCallerMadeIt_NeverCountsItself()
    {
        // A clock finer than the engine keeps: the stored time may be a little earlier than the caller's.
        var ticket = Ticket("t1", T0.AddTicks(7_654_321));
        await AddAsync(Ticket("t0", T0), ticket);

        Assert.That(await Store.Escalations.CountWaitingAheadAsync(ticket, None), Is.EqualTo(1));
    }

    [Test]
    public async Task Take_AWaitingTicket_IsTheAgentsOnce()
    {
        await AddAsync(Ticket("t1", T0));

        var taken = await Store.Escalations.TakeAsync("t1", "anna", T0.AddMinutes(2), None);
        var again = await Store.Escalations.TakeAsync("t1", "boris", T0.AddMinutes(3), None);

        Assert.That((taken?.State, taken?.Agent, taken?.TakenAt), Is.EqualTo(((EscalationState?)EscalationState.Taken, "anna", (DateTimeOffset?)T0.AddMinutes(2))));
        Assert.That(again, Is.Null);
        Assert.That((await Store.Escalations.GetAsync("t1", None))!.Agent, Is.EqualTo("anna"));
        Assert.That(await Store.Escalations.TakeAsync("nothing", "anna", T0, None), Is.Null);
    }

    [Test]
    public async Task Take_TwentyAgentsAtOnce_ExactlyOneGetsIt()
    {
        await AddAsync(Ticket("t1", T0));
        var agents = Enumerable.Range(0, 20).Select(i => "agent" + i).ToList();

        var taken = await Task.WhenAll(agents.Select(agent => Task.Run(() => Store.Escalations.TakeAsync("t1", agent, T0.AddMinutes(1), None))));

        var winners = taken.Where(t => t is not null).ToList();
        Assert.That(winners, Has.Count.EqualTo(1));
        Assert.That((await Store.Escalations.GetAsync("t1", None))!.Agent, Is.EqualTo(winners[0]!.Agent));
        Assert.That(await IdsAsync(Store.Escalations.HeldByAsync(winners[0]!.Agent!, None)), Is.EqualTo(new[] { "t1" }));
    }

    [Test]
    public async Task TakeAndCloseAtOnce_EndClosed_WithOneCloseAndAtMostOneTake()
    {
        await AddAsync(Ticket("t1", T0));

        var takes = Enumerable.Range(0, 10).Select(i => Task.Run(() => Store.Escalations.TakeAsync("t1", "agent" + i, T0, None)));
        var closes = Enumerable.Range(0, 10).Select(_ => Task.Run(() => Store.Escalations.CloseAsync("t1", T0, None)));
        var took = await Task.WhenAll(takes);
        var closed = await Task.WhenAll(closes);

        Assert.That(closed.Count(c => c is not null), Is.EqualTo(1));
        Assert.That(took.Count(t => t is not null), Is.LessThanOrEqualTo(1));
        Assert.That((await Store.Escalations.GetAsync("t1", None))!.State, Is.EqualTo(EscalationState.Closed));
    }

    [Test]
    public async Task Transfer_WaitsAgainInTheGroup_HeldByNobody_KeepingItsFirstTime()
    {
        await AddAsync(Ticket("t1", T0));
        await Store.Escalations.TakeAsync("t1", "anna", T0.AddMinutes(1), None);

        var moved = (await Store.Escalations.TransferAsync("t1", "billing", None))!;

        Assert.That((moved.State, moved.Group, moved.Agent, moved.TakenAt, moved.EnqueuedAt),
            Is.EqualTo((EscalationState.Waiting, "billing", (string?)null, (DateTimeOffset?)null, T0)));
        Assert.That(await Store.Escalations.HeldByAsync("anna", None), Is.Empty);
        Assert.That(await IdsAsync(Store.Escalations.WaitingAsync("billing", None)), Is.EqualTo(new[] { "t1" }));
    }

    [Test]
    public async Task AClosedTicket_IsNotTakenTransferredClosedOrGivenACallback()
    {
        await AddAsync(Ticket("t1", T0));
        var closed = await Store.Escalations.CloseAsync("t1", T0.AddMinutes(5), None);

        Assert.That((closed?.State, closed?.ClosedAt), Is.EqualTo(((EscalationState?)EscalationState.Closed, (DateTimeOffset?)T0.AddMinutes(5))));
        Assert.That(await Store.Escalations.TakeAsync("t1", "anna", T0, None), Is.Null);
        Assert.That(await Store.Escalations.TransferAsync("t1", "billing", None), Is.Null);
        Assert.That(await Store.Escalations.CloseAsync("t1", T0, None), Is.Null);
        Assert.That(await Store.Escalations.RequestCallbackAsync("t1", "+79161234567", T0, None), Is.Null);
        Assert.That(await Store.Escalations.WaitingAsync(null, None), Is.Empty);
    }

    [Test]
    public async Task Callbacks_PendingOldestRequestFirst_UntilMadeOnce_AndNotOnceClosed()
    {
        await AddAsync(Ticket("a", T0), Ticket("b", T0), Ticket("c", T0), Ticket("none", T0));
        await Store.Escalations.RequestCallbackAsync("b", "+79160000002", T0.AddMinutes(1), None);
        await Store.Escalations.RequestCallbackAsync("a", "+79160000001", T0.AddMinutes(2), None);
        await Store.Escalations.RequestCallbackAsync("c", "+79160000003", T0.AddMinutes(3), None);
        await Store.Escalations.TakeAsync("a", "anna", T0.AddMinutes(4), None);
        await Store.Escalations.CloseAsync("c", T0.AddMinutes(5), None);

        Assert.That(await IdsAsync(Store.Escalations.PendingCallbacksAsync(None)), Is.EqualTo(new[] { "b", "a" }), "a taken ticket's callback is still to make");

        var made = await Store.Escalations.CompleteCallbackAsync("b", "boris", T0.AddMinutes(6), None);
        Assert.That((made?.Callback?.Number, made?.Callback?.DoneBy, made?.Callback?.DoneAt), Is.EqualTo(("+79160000002", "boris", (DateTimeOffset?)T0.AddMinutes(6))));
        Assert.That(await Store.Escalations.CompleteCallbackAsync("b", "anna", T0.AddMinutes(7), None), Is.Null, "made once");
        Assert.That(await Store.Escalations.CompleteCallbackAsync("none", "anna", T0, None), Is.Null, "none asked for");
        Assert.That(await IdsAsync(Store.Escalations.PendingCallbacksAsync(None)), Is.EqualTo(new[] { "a" }));
    }

    [Test]
    public async Task EnqueuedSince_InAnyState_FromThatTimeOn()
    {
        await AddAsync(Ticket("old", T0.AddHours(-25)), Ticket("edge", T0.AddHours(-24)), Ticket("new", T0));
        await Store.Escalations.CloseAsync("new", T0, None);

        Assert.That((await IdsAsync(Store.Escalations.EnqueuedSinceAsync(T0.AddHours(-24), None))).Order(StringComparer.Ordinal), Is.EqualTo(new[] { "edge", "new" }));
    }

    [Test]
    public async Task LatestTaken_LatestFirst_UpToTheLimit_LeavingOutTransferredBack()
    {
        await AddAsync(Ticket("a", T0), Ticket("b", T0), Ticket("c", T0), Ticket("d", T0), Ticket("never", T0));
        await Store.Escalations.TakeAsync("b", "anna", T0.AddMinutes(2), None);
        await Store.Escalations.TakeAsync("a", "anna", T0.AddMinutes(1), None);
        await Store.Escalations.TakeAsync("c", "anna", T0.AddMinutes(3), None);
        await Store.Escalations.TakeAsync("d", "anna", T0.AddMinutes(4), None);
        await Store.Escalations.TransferAsync("d", "billing", None);
        await Store.Escalations.CloseAsync("c", T0.AddMinutes(5), None);

        Assert.That(await IdsAsync(Store.Escalations.LatestTakenAsync(10, None)), Is.EqualTo(new[] { "c", "b", "a" }), "a closed ticket's wait still counts");
        Assert.That(await IdsAsync(Store.Escalations.LatestTakenAsync(2, None)), Is.EqualTo(new[] { "c", "b" }));
    }

    [Test]
    public async Task HeldBy_OnlyWhatTheAgentHoldsNow_InTheOrderTaken()
    {
        await AddAsync(Ticket("a", T0), Ticket("b", T0), Ticket("c", T0), Ticket("d", T0));
        await Store.Escalations.TakeAsync("b", "anna", T0.AddMinutes(1), None);
        await Store.Escalations.TakeAsync("a", "anna", T0.AddMinutes(2), None);
        await Store.Escalations.TakeAsync("c", "anna", T0.AddMinutes(3), None);
        await Store.Escalations.TakeAsync("d", "boris", T0.AddMinutes(3), None);
        await Store.Escalations.CloseAsync("c", T0.AddMinutes(4), None);

        Assert.That(await IdsAsync(Store.Escalations.HeldByAsync("anna", None)), Is.EqualTo(new[] { "b", "a" }));
    }

    private static EscalationTicket Ticket(string id, DateTimeOffset enqueuedAt, string group = "general") => new()
    {
        Id = id, Channel = "sms", Address = "+7916" + id, SessionId = "s-" + id, Language = "ru", Reason = "asked-for-agent", Topic = "billing",
        LastQuestion = "help", Group = group, State = EscalationState.Waiting, EnqueuedAt = enqueuedAt,
    };

    private async Task AddAsync(params EscalationTicket[] tickets)
    {
        foreach (var ticket in tickets) Assert.That(await Store.Escalations.AddAsync(ticket, None), Is.True);
    }

    private static async Task<IReadOnlyList<string>> IdsAsync(Task<IReadOnlyList<EscalationTicket>> tickets) => [.. (await tickets).Select(t => t.Id)];
}
