using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using SelfService.Smpp.Tests.Support;

namespace SelfService.Smpp.Tests.Sessions;

public class SmppClientTests
{
    [Test]
    public async Task Start_Transceiver_BindsOnceWithTheCredentialsAndSubmits()
    {
        await using var h = await ClientHarness.StartAsync();

        var resp = await h.Client.SubmitAsync(ClientHarness.Submit("Hello"), CancellationToken.None);

        var bind = h.Smsc.Binds.Single();
        Assert.Multiple(() =>
        {
            Assert.That(bind, Is.TypeOf<BindTransceiver>());
            Assert.That((bind.SystemId, bind.Password, bind.InterfaceVersion), Is.EqualTo(("esme", "secret", (byte)0x34)));
            Assert.That(resp.CommandStatus, Is.EqualTo(CommandStatus.Ok));
            Assert.That(resp.MessageId, Is.EqualTo("1"));
            Assert.That(Encoding.ASCII.GetString(h.Smsc.Submits.Single().ShortMessage.Span), Is.EqualTo("Hello"));
            Assert.That(h.Client.State, Is.EqualTo(SmppSessionState.Bound));
            Assert.That(h.States, Is.EqualTo(new[] { SmppSessionState.Connecting, SmppSessionState.Binding, SmppSessionState.Bound }));
        });
    }

    [Test]
    public async Task Start_TransmitterAndReceiver_OpensTwoConnectionsAndUsesEachForItsSide()
    {
        await using var h = await ClientHarness.StartAsync(o => o.BindMode = SmppBindMode.TransmitterAndReceiver);

        await h.Client.SubmitAsync(ClientHarness.Submit(), CancellationToken.None);
        var deliverResp = await h.Server.DeliverAsync(ClientHarness.Mo(), CancellationToken.None);

        var sessions = h.Server.BoundSessions;
        Assert.Multiple(() =>
        {
            Assert.That(sessions.Select(s => s.BindType).Order(), Is.EqualTo(new SmppBindType?[] { SmppBindType.Transmitter, SmppBindType.Receiver }));
            Assert.That(h.Smsc.Binds.Select(b => b.GetType()), Is.EquivalentTo(new[] { typeof(BindTransmitter), typeof(BindReceiver) }));
            Assert.That(deliverResp.CommandStatus, Is.EqualTo(CommandStatus.Ok));
            Assert.That(h.Handler.Delivered, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task InboundWindowFull_FurtherDeliveriesAreRefusedToComeAgain_UntilAPlaceFrees()
    {
        var persisted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var h = await ClientHarness.StartAsync(o => o.InboundWindow = 2);
        h.Handler.Hold = persisted.Task;

        var first = h.Server.DeliverAsync(ClientHarness.Mo(), CancellationToken.None);
        var second = h.Server.DeliverAsync(ClientHarness.Mo(), CancellationToken.None);
        await Eventually.TrueAsync(() => h.Handler.Delivered.Count == 2, "both messages to reach the application");
        var third = await h.Server.DeliverAsync(ClientHarness.Mo(), CancellationToken.None);

        Assert.That(third.CommandStatus, Is.EqualTo(CommandStatus.ReceiverTemporaryAppError), "ESME_RX_T_APPN: deliver it again later");
        Assert.That(h.Handler.Delivered, Has.Count.EqualTo(2), "the refused message never reached the application");
        Assert.That(first.IsCompleted || second.IsCompleted, Is.False, "the first two wait for their store");

        persisted.SetResult();
        Assert.That((await first).CommandStatus, Is.EqualTo(CommandStatus.Ok));
        Assert.That((await second).CommandStatus, Is.EqualTo(CommandStatus.Ok));
        var again = await h.Server.DeliverAsync(ClientHarness.Mo(), CancellationToken.None);
        Assert.That(again.CommandStatus, Is.EqualTo(CommandStatus.Ok), "with places free again, the redelivery is taken");
    }

    [Test]
    public async Task Start_BindRefused_RetriesWithExponentialJitteredBackoff()
    {
        var time = new ObservedTime();
        var smsc = new TestSmsc { BindStatus = (n, _) => n <= 2 ? CommandStatus.InvalidPassword : CommandStatus.Ok };
        await using var h = await ClientHarness.StartAsync(o =>
        {
            o.ReconnectMinDelay = TimeSpan.FromSeconds(1);
            o.ReconnectMaxDelay = TimeSpan.FromSeconds(30);
            o.ResponseTimeout = TimeSpan.FromSeconds(10);
        }, time, smsc, waitForBind: false);

        // First refusal: the next attempt is drawn from [0.5 s, 1 s].
        var first = await time.WaitForTimerAsync(d => d < TimeSpan.FromSeconds(5));
        Assert.That(first, Is.InRange(TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1)));
        await Eventually.StaysFalseAsync(() => smsc.Binds.Count > 1, "no retry before the delay");
        time.Advance(first);
        await Eventually.TrueAsync(() => smsc.Binds.Count == 2, "second bind");

        // Second refusal: the delay doubled, [1 s, 2 s].
        var second = await time.WaitForTimerAsync(d => d < TimeSpan.FromSeconds(5));
        Assert.That(second, Is.InRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)));
        time.Advance(second);

        await h.Client.WaitUntilBoundAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.That(smsc.Binds, Has.Count.EqualTo(3));
        lock (h.States) Assert.That(h.States, Does.Contain(SmppSessionState.Disconnected));
    }

    [Test]
    public async Task Submit_MoreConcurrentThanTheWindow_NeverHasMoreOutstandingThanWindowSize()
    {
        var smsc = new TestSmsc { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var h = await ClientHarness.StartAsync(o => o.WindowSize = 3, smsc: smsc);

        var submits = Enumerable.Range(0, 20).Select(i => h.Client.SubmitAsync(ClientHarness.Submit($"m{i}"), CancellationToken.None)).ToArray();
        await Eventually.TrueAsync(() => smsc.InFlight == 3, "the window fills");
        await Eventually.StaysFalseAsync(() => smsc.InFlight > 3, "more than the window outstanding");
        Assert.That(h.Client.OutstandingRequests, Is.EqualTo(3));

        smsc.Gate.SetResult();
        var responses = await Task.WhenAll(submits).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.That(responses.Select(r => r.MessageId).Distinct().Count(), Is.EqualTo(20));
        Assert.That(smsc.MaxInFlight, Is.EqualTo(3));
    }

    [Test]
    public async Task Submit_NoResponse_TimesOutFreesTheSlotAndSaysItWasWritten()
    {
        var time = new ObservedTime();
        var smsc = new TestSmsc { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var h = await ClientHarness.StartAsync(o => { o.WindowSize = 1; o.ResponseTimeout = TimeSpan.FromSeconds(10); }, time, smsc);

        var first = h.Client.SubmitAsync(ClientHarness.Submit("first"), CancellationToken.None);
        await Eventually.TrueAsync(() => smsc.Submits.Count == 1, "first submit arrives");
        var second = h.Client.SubmitAsync(ClientHarness.Submit("second"), CancellationToken.None);
        await Eventually.StaysFalseAsync(() => smsc.Submits.Count > 1, "the window of 1 is full");

        time.Advance(TimeSpan.FromSeconds(10));

        var ex = await Catch.Async<SmppResponseTimeoutException>(() => first);
        Assert.That(ex.WrittenToSocket, Is.True);
        await Eventually.TrueAsync(() => smsc.Submits.Count == 2, "the freed slot takes the second submit");
        smsc.Gate.SetResult();
        Assert.That((await second.WaitAsync(TimeSpan.FromSeconds(5))).CommandStatus, Is.EqualTo(CommandStatus.Ok));
        Assert.That(h.Client.State, Is.EqualTo(SmppSessionState.Bound), "a late submit answer does not kill the session");
    }

    [Test]
    public async Task Submit_ThrottledTwiceThenOk_IsAcceptedOnceAfterTheBackoff()
    {
        var time = new ObservedTime();
        var smsc = new TestSmsc { SubmitStatus = (n, _) => n <= 2 ? CommandStatus.Throttled : CommandStatus.Ok };
        await using var h = await ClientHarness.StartAsync(o => o.ThrottledBackoff = TimeSpan.FromSeconds(1), time, smsc);
        time.ForgetTimers();

        var submit = h.Client.SubmitAsync(ClientHarness.Submit(), CancellationToken.None);

        await Eventually.TrueAsync(() => smsc.Submits.Count == 1, "first try");
        Assert.That(await time.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(1)), Is.EqualTo(TimeSpan.FromSeconds(1)));
        await Eventually.StaysFalseAsync(() => smsc.Submits.Count > 1, "no retry before the backoff");
        time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => smsc.Submits.Count == 2, "second try");
        Assert.That(await time.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(2)), Is.EqualTo(TimeSpan.FromSeconds(2)), "the backoff doubles");
        time.Advance(TimeSpan.FromSeconds(2));

        var resp = await submit.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Multiple(() =>
        {
            Assert.That(resp.CommandStatus, Is.EqualTo(CommandStatus.Ok));
            Assert.That(smsc.Submits, Has.Count.EqualTo(3));
            Assert.That(smsc.Accepted, Has.Count.EqualTo(1));
            Assert.That(smsc.Submits.Select(s => Encoding.ASCII.GetString(s.ShortMessage.Span)).Distinct(), Is.EqualTo(new[] { "Hello" }));
        });
    }

    [Test]
    public async Task Submit_ThrottledBeyondTheRetries_ThrowsCommandException()
    {
        var smsc = new TestSmsc { SubmitStatus = (_, _) => CommandStatus.MessageQueueFull };
        await using var h = await ClientHarness.StartAsync(o => { o.ThrottledBackoff = TimeSpan.FromMilliseconds(1); o.ThrottledBackoffMax = TimeSpan.FromMilliseconds(2); o.MaxThrottledRetries = 2; }, smsc: smsc);

        var ex = await Catch.Async<SmppCommandException>(() => h.Client.SubmitAsync(ClientHarness.Submit(), CancellationToken.None));
        Assert.Multiple(() =>
        {
            Assert.That(ex.Status, Is.EqualTo(CommandStatus.MessageQueueFull));
            Assert.That(ex.IsTransient, Is.True);
            Assert.That(smsc.Submits, Has.Count.EqualTo(3));
        });
    }

    [Test]
    public async Task Submit_RefusedWithAnotherStatus_ThrowsAtOnceWithTheStatus()
    {
        var smsc = new TestSmsc { SubmitStatus = (_, _) => CommandStatus.InvalidDestinationAddress };
        await using var h = await ClientHarness.StartAsync(smsc: smsc);

        var ex = await Catch.Async<SmppCommandException>(() => h.Client.SubmitAsync(ClientHarness.Submit(), CancellationToken.None));
        Assert.That((ex.Status, ex.ResponseId, ex.IsTransient), Is.EqualTo((CommandStatus.InvalidDestinationAddress, CommandId.SubmitSmResp, false)));
        Assert.That(smsc.Submits, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Submit_InvalidPdu_ThrowsBeforeSendingAnything()
    {
        await using var h = await ClientHarness.StartAsync();
        await Catch.Async<SmppInvalidPduException>(() => h.Client.SubmitAsync(ClientHarness.Submit() with { SourceAddr = new string('1', 30) }, CancellationToken.None));
        Assert.That(h.Smsc.Submits, Is.Empty);
    }

    [Test]
    public async Task Submit_WithARateLimit_SpacesTheSubmitsEvenly()
    {
        var time = new ObservedTime();
        await using var h = await ClientHarness.StartAsync(o => o.MaxSubmitsPerSecond = 2, time);

        var submits = Enumerable.Range(0, 3).Select(_ => h.Client.SubmitAsync(ClientHarness.Submit(), CancellationToken.None)).ToArray();
        await Eventually.TrueAsync(() => h.Smsc.Submits.Count == 1, "the first goes at once");
        await Eventually.StaysFalseAsync(() => h.Smsc.Submits.Count > 1, "the second waits");
        time.Advance(TimeSpan.FromMilliseconds(500));
        await Eventually.TrueAsync(() => h.Smsc.Submits.Count == 2, "the second after 0.5 s");
        await Eventually.StaysFalseAsync(() => h.Smsc.Submits.Count > 2, "the third waits");
        time.Advance(TimeSpan.FromMilliseconds(500));
        await Task.WhenAll(submits).WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Test]
    public async Task Submit_NeverBound_FailsAfterTheBindWaitAsNotWritten()
    {
        var time = new ObservedTime();
        var smsc = new TestSmsc { BindStatus = (_, _) => CommandStatus.BindFailed };
        await using var h = await ClientHarness.StartAsync(o => o.BindWaitTimeout = TimeSpan.FromSeconds(30), time, smsc, waitForBind: false);

        var submit = h.Client.SubmitAsync(ClientHarness.Submit(), CancellationToken.None);
        await time.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(30));
        time.Advance(TimeSpan.FromSeconds(30));

        var ex = await Catch.Async<SmppConnectionException>(() => submit.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.That(ex.WrittenToSocket, Is.False);
    }

    [Test]
    public async Task EnquireLink_FromTheSmsc_IsAnswered()
    {
        await using var h = await ClientHarness.StartAsync();
        await h.BoundSession().EnquireLinkAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.That(h.ClientWire.Sent.OfType<EnquireLinkResp>().Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task EnquireLink_WhenIdle_IsSentAfterTheIntervalOnly()
    {
        var time = new ObservedTime();
        await using var h = await ClientHarness.StartAsync(o => o.EnquireLinkInterval = TimeSpan.FromSeconds(30), time);

        time.Advance(TimeSpan.FromSeconds(29));
        await Eventually.StaysFalseAsync(() => h.Smsc.EnquireLinks > 0, "not idle long enough");
        time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => h.Smsc.EnquireLinks == 1, "enquire_link after 30 s idle");

        // Traffic resets the idle clock.
        await Eventually.TrueAsync(() => h.ClientWire.Received.OfType<EnquireLinkResp>().Any(), "answered");
        time.Advance(TimeSpan.FromSeconds(20));
        await h.Client.SubmitAsync(ClientHarness.Submit(), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(15));
        await Eventually.StaysFalseAsync(() => h.Smsc.EnquireLinks > 1, "traffic 15 s ago");
        time.Advance(TimeSpan.FromSeconds(15));
        await Eventually.TrueAsync(() => h.Smsc.EnquireLinks == 2, "idle again for 30 s");
    }

    [Test]
    public async Task EnquireLink_Unanswered_ClosesAndReconnects()
    {
        var time = new ObservedTime();
        using var listener = RawPeer.Listen();
        var options = ClientHarness.Options(((System.Net.IPEndPoint)listener.LocalEndPoint!).Port);
        options.EnquireLinkInterval = TimeSpan.FromSeconds(30);
        options.ResponseTimeout = TimeSpan.FromSeconds(10);
        await using var client = new SmppClient(options, new RecordingHandler(), time, NullLogger<SmppClient>.Instance);
        await client.StartAsync(CancellationToken.None);

        // A mute SMSC: it binds, then ignores enquire_link.
        await using var smsc = await RawPeer.AcceptAsync(listener);
        var bind = await smsc.ReadAsync<BindTransceiver>();
        await smsc.SendAsync(new BindTransceiverResp { SequenceNumber = bind.SequenceNumber, SystemId = "mute" });
        await client.WaitUntilBoundAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        time.Advance(TimeSpan.FromSeconds(30));
        await smsc.ReadAsync<EnquireLink>();
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.That(await smsc.ClosedAsync(TimeSpan.FromSeconds(5)), Is.True, "the dead link is closed");
        await time.WaitForTimerAsync(d => d < TimeSpan.FromSeconds(1));
        time.Advance(TimeSpan.FromSeconds(1));
        await using var again = await RawPeer.AcceptAsync(listener);
        Assert.That(await again.ReadAsync<BindTransceiver>(), Is.Not.Null, "it binds again");
    }

    [Test]
    public async Task Drop_ByTheSmsc_FailsInFlightAsWrittenThenReconnectsAndRebinds()
    {
        var smsc = new TestSmsc { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var h = await ClientHarness.StartAsync(smsc: smsc);
        var firstSession = h.BoundSession();

        var inFlight = h.Client.SubmitAsync(ClientHarness.Submit(), CancellationToken.None);
        await Eventually.TrueAsync(() => smsc.Submits.Count == 1, "submit in flight");
        h.Server.DropAllConnections();

        var ex = await Catch.Async<SmppConnectionException>(() => inFlight.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.That(ex.WrittenToSocket, Is.True, "it may have reached the SMSC: the caller must not resubmit blindly");

        await Eventually.TrueAsync(() => h.Server.BoundSessions.Count == 1 && h.Server.BoundSessions[0] != firstSession, "rebound");
        smsc.Gate = null;
        Assert.That((await h.Client.SubmitAsync(ClientHarness.Submit(), CancellationToken.None)).CommandStatus, Is.EqualTo(CommandStatus.Ok));
        Assert.That(smsc.Binds, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Unbind_FromTheSmsc_IsAnsweredThenTheClientReconnects()
    {
        await using var h = await ClientHarness.StartAsync();
        var firstSession = h.BoundSession();

        await firstSession.UnbindAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        await Eventually.TrueAsync(() => h.Server.BoundSessions.Count == 1 && h.Server.BoundSessions[0] != firstSession, "rebound");
        // The SMSC sees the new bind a moment before the client reports its state: wait for the report, then count.
        await Eventually.TrueAsync(() => { lock (h.States) return h.States.Count(s => s == SmppSessionState.Bound) >= 2; }, "the client to report Bound again");
        Assert.That(h.ClientWire.Sent.OfType<UnbindResp>().Count(), Is.EqualTo(1));
        lock (h.States) Assert.That(h.States.Count(s => s == SmppSessionState.Bound), Is.EqualTo(2));
    }

    [Test]
    public async Task Deliver_ReachesTheHandlerAndItsStatusIsEchoed()
    {
        await using var h = await ClientHarness.StartAsync();
        h.Handler.OnDeliver = pdu => Encoding.ASCII.GetString(pdu.ShortMessage.Span) == "LATER" ? CommandStatus.ReceiverTemporaryAppError : CommandStatus.Ok;

        var ok = await h.Server.DeliverAsync(ClientHarness.Mo("BALANCE"), CancellationToken.None);
        var later = await h.Server.DeliverAsync(ClientHarness.Mo("LATER"), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(ok.CommandStatus, Is.EqualTo(CommandStatus.Ok));
            Assert.That(later.CommandStatus, Is.EqualTo(CommandStatus.ReceiverTemporaryAppError));
            Assert.That(h.Handler.Delivered.Select(d => d.SourceAddr), Is.EqualTo(new[] { "79161234567", "79161234567" }));
        });
    }

    [Test]
    public async Task Deliver_InTheSameSegmentAsTheBindResp_IsServed()
    {
        using var listener = RawPeer.Listen();
        var handler = new RecordingHandler();
        await using var client = new SmppClient(ClientHarness.Options(((System.Net.IPEndPoint)listener.LocalEndPoint!).Port), handler, TimeProvider.System, NullLogger<SmppClient>.Instance);
        await client.StartAsync(CancellationToken.None);
        await using var smsc = await RawPeer.AcceptAsync(listener);
        var bind = await smsc.ReadAsync<BindTransceiver>();

        // SMSCs flush their queue right behind the bind_resp: one write, one TCP segment.
        await smsc.SendRawAsync([
            .. PduCodec.Default.Encode(new BindTransceiverResp { SequenceNumber = bind.SequenceNumber, SystemId = "SMSC" }),
            .. PduCodec.Default.Encode(ClientHarness.Mo() with { SequenceNumber = 77 }),
        ]);

        Assert.That(await smsc.ReadAsync<DeliverSmResp>(), Is.EqualTo(new DeliverSmResp { SequenceNumber = 77 }));
        Assert.That(handler.Delivered, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Deliver_HandlerThrows_IsAnsweredSystemErrorAndTheSessionLives()
    {
        await using var h = await ClientHarness.StartAsync();
        var session = h.BoundSession();
        h.Handler.OnDeliver = _ => throw new InvalidOperationException("database down");

        var failed = await session.DeliverAsync(ClientHarness.Mo(), CancellationToken.None);
        h.Handler.OnDeliver = _ => CommandStatus.Ok;
        var retried = await session.DeliverAsync(ClientHarness.Mo(), CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(failed.CommandStatus, Is.EqualTo(CommandStatus.SystemError));
            Assert.That(retried.CommandStatus, Is.EqualTo(CommandStatus.Ok));
            Assert.That(session.IsBound, Is.True);
            Assert.That(h.Smsc.Binds, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task DataSmAndAlert_FromTheSmsc_ReachTheHandler()
    {
        await using var h = await ClientHarness.StartAsync();
        var resp = await h.Server.SendDataAsync(new DataSm { SourceAddr = "1", DestinationAddr = "2", Tlvs = [Tlv.FromOctets(TlvTag.MessagePayload, "Hi"u8.ToArray())] }, CancellationToken.None);
        h.BoundSession().SendAlert(new AlertNotification { SourceAddr = "79161234567", EsmeAddr = "1234" });

        Assert.That(resp.CommandStatus, Is.EqualTo(CommandStatus.Ok));
        Assert.That(h.Handler.Data, Has.Count.EqualTo(1));
        await Eventually.TrueAsync(() => h.Handler.Alerts.Count == 1, "alert");
    }

    [Test]
    public async Task Garbage_WithASoundHeader_IsAnsweredWithGenericNackAndTheSessionLives()
    {
        await using var h = await ClientHarness.StartAsync();
        var session = h.BoundSession();

        // An unknown command id with a body, then a deliver_sm whose sm_length runs past its end.
        session.SendRaw(Hex.Parse("00000014 00000099 00000000 00000042 DEADBEEF"));
        session.SendRaw(Hex.Parse("00000025 00000005 00000000 00000043 00 0101 3100 0101 3200 000000 00 00 00000000 05 4142"));

        await Eventually.TrueAsync(() => h.ServerWire.Received.Count(p => p.SequenceNumber is 0x42 or 0x43) == 2, "both answered");
        var answers = h.ServerWire.Received.Where(p => p.SequenceNumber is 0x42 or 0x43).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(answers, Does.Contain(new GenericNack { SequenceNumber = 0x42, CommandStatus = CommandStatus.InvalidCommandId }));
            Assert.That(answers, Does.Contain(new DeliverSmResp { SequenceNumber = 0x43, CommandStatus = CommandStatus.InvalidMessageLength }));
            Assert.That(h.Handler.Delivered, Is.Empty);
        });
        Assert.That((await h.Client.SubmitAsync(ClientHarness.Submit(), CancellationToken.None)).CommandStatus, Is.EqualTo(CommandStatus.Ok));
        Assert.That(session.IsBound, Is.True);
    }

    [Test]
    public async Task Garbage_ALyingCommandLength_ClosesAndReconnects()
    {
        await using var h = await ClientHarness.StartAsync();
        var session = h.BoundSession();

        session.SendRaw(Hex.Parse("00000005 00000005 00000000 00000001"));

        await session.Completion.WaitAsync(TimeSpan.FromSeconds(5));
        await Eventually.TrueAsync(() => h.Server.BoundSessions.Count == 1 && h.Server.BoundSessions[0] != session, "rebound");
        Assert.That(h.Smsc.Binds, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Stop_DrainsUnbindsAndRefusesNewSubmits()
    {
        var h = await ClientHarness.StartAsync();
        await h.Client.SubmitAsync(ClientHarness.Submit(), CancellationToken.None);

        await h.Client.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Multiple(() =>
        {
            Assert.That(h.Smsc.Unbinds, Is.EqualTo(1));
            Assert.That(h.Client.State, Is.EqualTo(SmppSessionState.Stopped));
            Assert.That(h.States, Does.Contain(SmppSessionState.Unbinding));
        });
        Assert.That((await Catch.Async<SmppConnectionException>(() => h.Client.SubmitAsync(ClientHarness.Submit(), CancellationToken.None))).WrittenToSocket, Is.False);
        await h.DisposeAsync();
    }

    [Test]
    public async Task SubmitText_LongText_SubmitsEveryPartWithAUdh()
    {
        await using var h = await ClientHarness.StartAsync();
        var text = new string('x', 200);

        var responses = await h.Client.SubmitTextAsync(ClientHarness.Submit(), text, CancellationToken.None);

        var parts = h.Smsc.Submits.ToList();
        Assert.Multiple(() =>
        {
            Assert.That(responses, Has.Count.EqualTo(2));
            Assert.That(parts.All(p => (p.EsmClass & EsmClass.UdhIndicator) != 0), Is.True);
            Assert.That(parts.Select(p => ConcatenationInfo.TryRead(p, out var info) ? info.Sequence : 0), Is.EqualTo(new[] { 1, 2 }));
        });
    }

    [Test]
    public async Task SubmitText_SecondPartRefused_ReportsWhatWent()
    {
        var smsc = new TestSmsc { SubmitStatus = (n, _) => n == 2 ? CommandStatus.SubmitFailed : CommandStatus.Ok };
        await using var h = await ClientHarness.StartAsync(smsc: smsc);

        var ex = await Catch.Async<SmppPartialSubmitException>(() => h.Client.SubmitTextAsync(ClientHarness.Submit(), new string('x', 400), CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(ex.Submitted, Has.Count.EqualTo(1));
            Assert.That((ex.FailedPart, ex.TotalParts), Is.EqualTo((2, 3)));
            Assert.That(((SmppCommandException)ex.InnerException!).Status, Is.EqualTo(CommandStatus.SubmitFailed));
            Assert.That(smsc.Submits, Has.Count.EqualTo(2), "the third part was not sent");
        });
    }

    [Test]
    public async Task WireLog_SeesEveryPduWithThePasswordRedacted()
    {
        await using var h = await ClientHarness.StartAsync();
        await h.Client.SubmitAsync(ClientHarness.Submit(), CancellationToken.None);

        var bind = h.ClientWire.Sent.OfType<BindTransceiver>().Single();
        Assert.That(bind.Password, Is.EqualTo("***"));
        Assert.That(h.ClientWire.Sent.OfType<SubmitSm>().Count(), Is.EqualTo(1));
        Assert.That(h.ClientWire.Received.OfType<SubmitSmResp>().Count(), Is.EqualTo(1));
    }
}
