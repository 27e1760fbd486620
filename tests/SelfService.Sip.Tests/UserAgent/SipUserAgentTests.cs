using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using SelfService.Sip.Tests.Messages;
using SelfService.Sip.Tests.Support;

namespace SelfService.Sip.Tests.UserAgent;

/// <summary>
/// The answering user agent against a hand-written SIP peer on loopback. SIP timers run on a fake clock, so
/// retransmissions are driven by advancing it, never by sleeping.
/// </summary>
public sealed class SipUserAgentTests
{
    private static readonly TimeSpan T1 = TimeSpan.FromMilliseconds(500);

    private static async Task<(SipUserAgent Agent, SipTestPeer Peer, FakeTimeProvider Time)> StartAsync(ISipCallHandler handler)
    {
        var time = new FakeTimeProvider();
        var agent = new SipUserAgent(new SipUserAgentOptions { LocalAddress = IPAddress.Loopback, Port = 0 }, handler, time);
        await agent.StartAsync();
        return (agent, new SipTestPeer(agent.LocalEndPoint), time);
    }

    [Test]
    public async Task Invite_Answered_TryingRingingThenOkRetransmittedUntilAck()
    {
        var handler = new TestCallHandler(async (call, ct) =>
        {
            await call.RingAsync(ct);
            await call.AnswerAsync(ct);
            await Task.Delay(Timeout.Infinite, ct);
        });
        var (agent, peer, time) = await StartAsync(handler);
        await using var _ = agent;
        using var __ = peer;

        await peer.SendAsync(peer.Invite("z9hG4bKinv1", "call-1@test", SipTestPeer.Offer(peer.RtpPort)));

        await peer.ReceiveResponseAsync(100);
        var ringing = await peer.ReceiveResponseAsync(180);
        var ok = await peer.ReceiveResponseAsync(200);
        var call = await handler.NextCallAsync();
        Assert.That(call.DialledNumber, Is.EqualTo("0611"));
        Assert.That(call.Caller, Is.EqualTo("79161234567"));
        Assert.That(call.CallerDisplayName, Is.EqualTo("Caller"));
        Assert.That(call.RemoteEndPoint, Is.EqualTo(new IPEndPoint(IPAddress.Loopback, peer.Port)));
        var tag = ok.To.Tag!;
        Assert.That(ringing.To.Tag, Is.EqualTo(tag));
        Assert.That(ok.Contacts, Has.Count.EqualTo(1));
        var answer = SessionDescription.Parse(ok.BodyText);
        Assert.That(answer.Media[0].Formats, Is.EqualTo(new[] { "0", "101" }));
        Assert.That(call.Media!.Codec, Is.EqualTo(G711Codec.Pcmu));

        time.Advance(T1);
        Assert.That((await peer.ReceiveResponseAsync(200)).To.Tag, Is.EqualTo(tag), "first retransmission after T1");
        time.Advance(T1 * 2);
        await peer.ReceiveResponseAsync(200);   // then after 2*T1

        await peer.SendAsync(peer.InDialog("ACK", "z9hG4bKack1", "call-1@test", tag, 1));
        await peer.SendAsync(peer.Options("z9hG4bKopt1"));
        await peer.ReceiveResponseAsync(200);   // the OPTIONS answer: the ACK before it was handled
        time.Advance(T1 * 16);
        await peer.SendAsync(peer.Options("z9hG4bKopt2"));
        var next = await peer.ReceiveResponseAsync(200);
        Assert.That(next.CSeq.Method, Is.EqualTo("OPTIONS"), "no INVITE 200 after the ACK");

        await peer.SendAsync(peer.InDialog("BYE", "z9hG4bKbye1", "call-1@test", tag, 2));
        var byeOk = await peer.ReceiveResponseAsync(200);
        Assert.That(byeOk.CSeq.Method, Is.EqualTo("BYE"));
        Assert.That(await call.Completion.Within(), Is.EqualTo(SipCallEndReason.RemoteHangUp));
        Assert.That(agent.ActiveCalls, Is.Empty);
    }

    [Test]
    public async Task Invite_Retransmitted_AbsorbedByTheTransaction()
    {
        var handler = new TestCallHandler();
        var (agent, peer, _) = await StartAsync(handler);
        await using var __ = agent;
        using var ___ = peer;
        var invite = peer.Invite("z9hG4bKretr", "call-2@test", SipTestPeer.Offer(peer.RtpPort));

        await peer.SendAsync(invite);
        await peer.ReceiveResponseAsync(100);
        await peer.SendAsync(invite);
        await peer.ReceiveResponseAsync(100);   // the transaction repeats its last response

        var call = await handler.NextCallAsync();
        Assert.That(handler.Count, Is.EqualTo(1));
        Assert.That(agent.ActiveCalls, Has.Count.EqualTo(1));
        await call.RejectAsync(SipStatus.BusyHere);
        var busy = await peer.ReceiveResponseAsync(486);
        await peer.SendAsync(invite);
        Assert.That((await peer.ReceiveResponseAsync(486)).To.Tag, Is.EqualTo(busy.To.Tag));
        Assert.That(handler.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task Cancel_BeforeAnswer_OkForCancelAnd487ForInviteUntilAck()
    {
        var handler = new TestCallHandler();
        var (agent, peer, time) = await StartAsync(handler);
        await using var _ = agent;
        using var __ = peer;
        await peer.SendAsync(peer.Invite("z9hG4bKcan1", "call-3@test", SipTestPeer.Offer(peer.RtpPort)));
        await peer.ReceiveResponseAsync(100);
        var call = await handler.NextCallAsync();

        await peer.SendAsync($"""
            CANCEL sip:0611@127.0.0.1:{agent.LocalEndPoint.Port} SIP/2.0
            Via: SIP/2.0/UDP 127.0.0.1:{peer.Port};branch=z9hG4bKcan1
            Max-Forwards: 70
            From: "Caller" <sip:79161234567@127.0.0.1:{peer.Port}>;tag=caller1
            To: <sip:0611@127.0.0.1:{agent.LocalEndPoint.Port}>
            Call-ID: call-3@test
            CSeq: 1 CANCEL
            Content-Length: 0


            """);

        var cancelOk = await peer.ReceiveResponseAsync(200);
        var terminated = await peer.ReceiveResponseAsync(487);
        Assert.That(cancelOk.CSeq.Method, Is.EqualTo("CANCEL"));
        Assert.That(terminated.CSeq.Method, Is.EqualTo("INVITE"));
        Assert.That(await call.Completion.Within(), Is.EqualTo(SipCallEndReason.Cancelled));
        Assert.That(call.Ended.IsCancellationRequested, Is.True);
        await Assert.ThrowsAsync<SipException>(() => call.AnswerAsync());

        time.Advance(T1);
        await peer.ReceiveResponseAsync(487);   // timer G until the ACK
        await peer.SendAsync(peer.InDialog("ACK", "z9hG4bKcan1", "call-3@test", terminated.To.Tag!, 1));
        await peer.SendAsync(peer.Options("z9hG4bKopt3"));
        await peer.ReceiveResponseAsync(200);
        time.Advance(T1 * 8);
        await peer.SendAsync(peer.Options("z9hG4bKopt4"));
        Assert.That((await peer.ReceiveResponseAsync(200)).CSeq.Method, Is.EqualTo("OPTIONS"), "no 487 after the ACK");
    }

    [Test]
    public async Task Cancel_UnknownTransaction_Gets481()
    {
        var (agent, peer, _) = await StartAsync(new TestCallHandler());
        await using var __ = agent;
        using var ___ = peer;

        await peer.SendAsync($"""
            CANCEL sip:0611@127.0.0.1 SIP/2.0
            Via: SIP/2.0/UDP 127.0.0.1:{peer.Port};branch=z9hG4bKnothing
            From: <sip:a@127.0.0.1>;tag=x
            To: <sip:0611@127.0.0.1>
            Call-ID: none@test
            CSeq: 1 CANCEL
            Content-Length: 0


            """);

        await peer.ReceiveResponseAsync(481);
    }

    [Test]
    public async Task Bye_UnknownDialog_Gets481()
    {
        var (agent, peer, _) = await StartAsync(new TestCallHandler());
        await using var __ = agent;
        using var ___ = peer;

        await peer.SendAsync(peer.InDialog("BYE", "z9hG4bKbye9", "nobody@test", "nosuchtag", 5));

        await peer.ReceiveResponseAsync(481);
    }

    [Test]
    public async Task Notify_OutsideADialog_Gets481()
    {
        var (agent, peer, _) = await StartAsync(new TestCallHandler());
        await using var __ = agent;
        using var ___ = peer;

        await peer.SendAsync(peer.InDialog("NOTIFY", "z9hG4bKnotify", "nobody@test", "nosuchtag", 3, "SIP/2.0 200 OK\n", "message/sipfrag"));

        await peer.ReceiveResponseAsync(481);
    }

    [Test]
    public async Task Options_Gets200WithAllowAndAccept()
    {
        var (agent, peer, _) = await StartAsync(new TestCallHandler());
        await using var __ = agent;
        using var ___ = peer;

        await peer.SendAsync(peer.Options("z9hG4bKopt5"));

        var ok = await peer.ReceiveResponseAsync(200);
        Assert.That(ok.Headers.GetAll("Allow"), Is.EquivalentTo(new[] { "INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "INFO", "NOTIFY" }));
        Assert.That(ok.Headers.GetAll("Accept"), Does.Contain("application/sdp"));
        Assert.That(ok.To.Tag, Is.Not.Null);
    }

    [Test]
    public async Task Invite_NoCommonCodec_Gets488AndNoCall()
    {
        var handler = new TestCallHandler();
        var (agent, peer, _) = await StartAsync(handler);
        await using var __ = agent;
        using var ___ = peer;

        await peer.SendAsync(peer.Invite("z9hG4bKg729", "call-4@test", SipTestPeer.Offer(peer.RtpPort, "18 101", "a=rtpmap:18 G729/8000\na=rtpmap:101 telephone-event/8000\n")));

        await peer.ReceiveResponseAsync(100);
        var refusal = await peer.ReceiveResponseAsync(488);
        Assert.That(refusal.Headers.Get("Warning"), Does.StartWith("304"));
        Assert.That(handler.Count, Is.Zero);
        Assert.That(agent.ActiveCalls, Is.Empty);
    }

    [Test]
    public async Task MalformedRequest_Gets400_GarbageGetsSilence()
    {
        var (agent, peer, _) = await StartAsync(new TestCallHandler());
        await using var __ = agent;
        using var ___ = peer;

        await peer.SendAsync(Rfc4475Messages.Invalid["mismatch01"].Replace("host.example.com", $"127.0.0.1:{peer.Port}", StringComparison.Ordinal));
        var bad = await peer.ReceiveResponseAsync(400);
        Assert.That(bad.CallId, Is.EqualTo("mismatch01.dj0234sxdfl3"));

        await peer.SendRawAsync([0x00, 0xFF, 0x13, 0x37]);
        await peer.SendRawAsync("\r\n\r\n"u8.ToArray());
        await peer.SendAsync(peer.Options("z9hG4bKopt6"));
        Assert.That((await peer.ReceiveResponseAsync(200)).CSeq.Method, Is.EqualTo("OPTIONS"), "garbage and keep-alives get no answer");
    }

    [Test]
    public async Task Info_DtmfRelay_DeliversTheDigit()
    {
        var handler = new TestCallHandler(async (call, ct) =>
        {
            await call.AnswerAsync(ct);
            await Task.Delay(Timeout.Infinite, ct);
        });
        var (agent, peer, _) = await StartAsync(handler);
        await using var __ = agent;
        using var ___ = peer;
        await peer.SendAsync(peer.Invite("z9hG4bKinfo", "call-5@test", SipTestPeer.Offer(peer.RtpPort)));
        await peer.ReceiveResponseAsync(100);
        var tag = (await peer.ReceiveResponseAsync(200)).To.Tag!;
        await peer.SendAsync(peer.InDialog("ACK", "z9hG4bKinfoack", "call-5@test", tag, 1));
        var call = await handler.NextCallAsync();

        await peer.SendAsync(peer.InDialog("INFO", "z9hG4bKinfo1", "call-5@test", tag, 2, "Signal=5\nDuration=160\n", "application/dtmf-relay"));
        await peer.ReceiveResponseAsync(200);
        await peer.SendAsync(peer.InDialog("INFO", "z9hG4bKinfo2", "call-5@test", tag, 3, "#", "application/dtmf"));
        await peer.ReceiveResponseAsync(200);

        Assert.That(await call.Digits.ReadAsync().Within(), Is.EqualTo('5'));
        Assert.That(await call.Digits.ReadAsync().Within(), Is.EqualTo('#'));
        await peer.SendAsync(peer.InDialog("INFO", "z9hG4bKinfo3", "nobody@test", tag, 4, "Signal=1\n", "application/dtmf-relay"));
        await peer.ReceiveResponseAsync(481);
    }

    [Test]
    public async Task ReadDigit_TimeoutThenDigit_NullThenTheDigitNotLost()
    {
        var handler = new TestCallHandler(async (call, ct) =>
        {
            await call.AnswerAsync(ct);
            await Task.Delay(Timeout.Infinite, ct);
        });
        var (agent, peer, time) = await StartAsync(handler);
        await using var __ = agent;
        using var ___ = peer;
        await peer.SendAsync(peer.Invite("z9hG4bKread", "call-r@test", SipTestPeer.Offer(peer.RtpPort)));
        await peer.ReceiveResponseAsync(100);
        var tag = (await peer.ReceiveResponseAsync(200)).To.Tag!;
        await peer.SendAsync(peer.InDialog("ACK", "z9hG4bKreadack", "call-r@test", tag, 1));
        var call = await handler.NextCallAsync();

        var first = call.ReadDigitAsync(TimeSpan.FromSeconds(5));
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.That(await first.Within(), Is.Null, "the caller pressed nothing within 5 s");

        await peer.SendAsync(peer.InDialog("INFO", "z9hG4bKread1", "call-r@test", tag, 2, "Signal=3\n", "application/dtmf-relay"));
        await peer.ReceiveResponseAsync(200);
        Assert.That(await call.ReadDigitAsync(TimeSpan.FromSeconds(5)).Within(), Is.EqualTo('3'));

        await peer.SendAsync(peer.InDialog("BYE", "z9hG4bKreadbye", "call-r@test", tag, 3));
        await peer.ReceiveResponseAsync(200);
        Assert.That(await call.ReadDigitAsync(TimeSpan.FromSeconds(5)).Within(), Is.Null, "the call ended");
    }

    [Test]
    public async Task Answer_NoAck_ByeAfter64T1()
    {
        var handler = new TestCallHandler(async (call, ct) =>
        {
            await call.AnswerAsync(ct);
            await Task.Delay(Timeout.Infinite, ct);
        });
        var (agent, peer, time) = await StartAsync(handler);
        await using var __ = agent;
        using var ___ = peer;
        await peer.SendAsync(peer.Invite("z9hG4bKnoack", "call-6@test", SipTestPeer.Offer(peer.RtpPort)));
        await peer.ReceiveResponseAsync(100);
        await peer.ReceiveResponseAsync(200);
        var call = await handler.NextCallAsync();

        var okCount = 1;
        SipMessage message;
        do
        {
            time.Advance(TimeSpan.FromSeconds(4));
            message = await peer.ReceiveAsync();
            if (message is SipResponse { StatusCode: 200 }) okCount++;
        }
        while (message is not SipRequest);

        Assert.That(((SipRequest)message).Method, Is.EqualTo("BYE"));
        Assert.That(okCount, Is.EqualTo(11), "200 at 0, then T1, 2T1, 4T1 and T2 apart up to 64*T1");
        Assert.That(await call.Completion.Within(), Is.EqualTo(SipCallEndReason.AckTimeout));
    }

    private sealed class WireLog : ISipProtocolLogger
    {
        public ConcurrentQueue<(SipWireDirection Direction, string Text)> Lines { get; } = new();

        public void LogMessage(SipWireDirection direction, IPEndPoint peer, ReadOnlySpan<byte> message) =>
            Lines.Enqueue((direction, Encoding.UTF8.GetString(message)));
    }

    [Test]
    public async Task ProtocolLogger_SeesEachDatagramBothWays()
    {
        var log = new WireLog();
        await using var agent = new SipUserAgent(new SipUserAgentOptions { Port = 0 }, new TestCallHandler()) { ProtocolLogger = log };
        await agent.StartAsync();
        using var peer = new SipTestPeer(agent.LocalEndPoint);

        await peer.SendAsync(peer.Options("z9hG4bKlog"));
        await peer.ReceiveResponseAsync(200);

        Assert.That(log.Lines.Select(l => (l.Direction, l.Text.Split("\r\n")[0])), Is.EqualTo(new[]
        {
            (SipWireDirection.Received, $"OPTIONS sip:127.0.0.1:{agent.LocalEndPoint.Port} SIP/2.0"), (SipWireDirection.Sent, "SIP/2.0 200 OK"),
        }));
    }

    [Test]
    public async Task Metrics_RefusedAndMalformed_AreCounted()
    {
        var measured = new ConcurrentBag<(string Instrument, long Value, object? Status)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SipMetrics.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            object? status = null;
            foreach (var tag in tags) if (tag.Key == "sip.status") status = tag.Value;
            measured.Add((instrument.Name, value, status));
        });
        listener.Start();
        var (agent, peer, _) = await StartAsync(new TestCallHandler());
        await using var __ = agent;
        using var ___ = peer;

        await peer.SendAsync(peer.Invite("z9hG4bKmetric", "call-m@test", SipTestPeer.Offer(peer.RtpPort, "18", "a=rtpmap:18 G729/8000\n")));
        await peer.ReceiveResponseAsync(100);
        await peer.ReceiveResponseAsync(488);
        await peer.SendRawAsync("INVITE nonsense\r\n\r\n"u8.ToArray());
        await peer.SendAsync(peer.Options("z9hG4bKmetric2"));
        await peer.ReceiveResponseAsync(200);

        Assert.That(measured, Has.Some.EqualTo(("sip.calls.refused", 1L, (object?)488)));
        Assert.That(measured.Count(m => m.Instrument == "sip.messages.malformed"), Is.GreaterThanOrEqualTo(1));
    }
}
