using System.Net;
using System.Net.Sockets;
using SelfService.Sip.Tests.Support;

namespace SelfService.Sip.Tests.Rtp;

/// <summary>The media of an answered call, seen from the caller's RTP socket.</summary>
public sealed class RtpSessionTests
{
    private SipUserAgent agent = null!;
    private SipTestPeer peer = null!;
    private TestCallHandler handler = null!;

    [SetUp]
    public async Task StartAsync()
    {
        handler = new TestCallHandler(async (call, ct) =>
        {
            await call.AnswerAsync(ct);
            await Task.Delay(Timeout.Infinite, ct);
        });
        agent = new SipUserAgent(new SipUserAgentOptions { LocalAddress = IPAddress.Loopback, Port = 0 }, handler);
        await agent.StartAsync();
        peer = new SipTestPeer(agent.LocalEndPoint);
    }

    [TearDown]
    public async Task StopAsync()
    {
        await agent.DisposeAsync();
        peer.Dispose();
    }

    private async Task<(SipCall Call, IPEndPoint AgentRtp)> AnsweredCallAsync(string callId)
    {
        await peer.SendAsync(peer.Invite("z9hG4bK" + callId, callId, SipTestPeer.Offer(peer.RtpPort)));
        await peer.ReceiveResponseAsync(100);
        var ok = await peer.ReceiveResponseAsync(200);
        await peer.SendAsync(peer.InDialog("ACK", "z9hG4bKack" + callId, callId, ok.To.Tag!, 1));
        var answer = SessionDescription.Parse(ok.BodyText);
        return (await handler.NextCallAsync(), new IPEndPoint(IPAddress.Parse(answer.Connection!.Address), answer.Media[0].Port));
    }

    private async Task<(RtpHeader Header, byte[] Payload)> ReceiveRtpAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var result = await peer.Rtp.ReceiveAsync(timeout.Token);
        Assert.That(RtpHeader.TryRead(result.Buffer, out var header, out var payload), Is.True);
        return (header, result.Buffer[payload]);
    }

    private static byte[] EventPacket(ushort seq, uint timestamp, bool marker, char digit, bool end)
    {
        var packet = new byte[RtpHeader.Size + TelephoneEvent.Size];
        new RtpHeader(marker, 101, seq, timestamp, 0x5eed).Write(packet);
        new TelephoneEvent(TelephoneEvent.EventOf(digit)!.Value, end, 10, 480).Write(packet.AsSpan(RtpHeader.Size));
        return packet;
    }

    private static async Task SendDigitAsync(UdpClient from, IPEndPoint to, ushort seq, uint timestamp, char digit)
    {
        for (var i = 0; i < 4; i++) await from.SendAsync(EventPacket((ushort)(seq + i), timestamp, i == 0, digit, false), to);
        for (var copy = 0; copy < 3; copy++) await from.SendAsync(EventPacket((ushort)(seq + 4), timestamp, false, digit, true), to);
    }

    [Test]
    public async Task Sender_SilenceThenPlayback_SequenceTimestampSsrcAndPayloadRight()
    {
        var (call, _) = await AnsweredCallAsync("rtp-send");
        var tone = Enumerable.Range(0, 160 * 10).Select(i => (short)(8000 * Math.Sin(2 * Math.PI * 1000 * i / 8000.0))).ToArray();

        var first = await ReceiveRtpAsync();
        var playing = call.PlayAsync(tone);
        var packets = new List<(RtpHeader Header, byte[] Payload)> { first };
        while (!packets[^1].Header.Marker) packets.Add(await ReceiveRtpAsync());
        for (var i = 1; i < 10; i++) packets.Add(await ReceiveRtpAsync());

        for (var i = 1; i < packets.Count; i++)
        {
            Assert.That(packets[i].Header.SequenceNumber, Is.EqualTo((ushort)(packets[i - 1].Header.SequenceNumber + 1)));
            Assert.That(packets[i].Header.Timestamp, Is.EqualTo(packets[i - 1].Header.Timestamp + 160));
            Assert.That(packets[i].Header.Ssrc, Is.EqualTo(first.Header.Ssrc));
            Assert.That(packets[i].Header.PayloadType, Is.Zero);
            Assert.That(packets[i].Payload, Has.Length.EqualTo(160));
        }
        Assert.That(first.Payload, Is.All.EqualTo((byte)0xFF), "μ-law silence before the playback");
        var talkspurt = packets.SkipWhile(p => !p.Header.Marker).Take(10).SelectMany(p => p.Payload).ToArray();
        var expected = new byte[tone.Length];
        G711.Encode(G711Codec.Pcmu, tone, expected);
        Assert.That(talkspurt, Is.EqualTo(expected));
        Assert.That(await playing.Within(), Is.EqualTo(PlaybackResult.Completed));
        TestContext.Out.WriteLine("one call: " + call.SendStatistics);
    }

    [Test]
    public async Task Receiver_Rfc4733Digits_EachOnceInOrder()
    {
        var (call, agentRtp) = await AnsweredCallAsync("rtp-digits");

        await SendDigitAsync(peer.Rtp, agentRtp, 100, 8000, '1');
        await SendDigitAsync(peer.Rtp, agentRtp, 110, 16000, '#');
        await SendDigitAsync(peer.Rtp, agentRtp, 120, 24000, '1');

        Assert.That(await call.Digits.ReadAsync().Within(), Is.EqualTo('1'));
        Assert.That(await call.Digits.ReadAsync().Within(), Is.EqualTo('#'));
        Assert.That(await call.Digits.ReadAsync().Within(), Is.EqualTo('1'));
        Assert.That(call.Digits.TryRead(out var extra), Is.False, $"an extra digit {extra}");
    }

    [Test]
    public async Task Receiver_WrongAddress_Ignored()
    {
        var (call, agentRtp) = await AnsweredCallAsync("rtp-stranger");
        using var stranger = new UdpClient(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0));

        await SendDigitAsync(stranger, agentRtp, 1, 800, '9');
        await Eventually.TrueAsync(() => call.Rtp.PacketsIgnored >= 7, "the stranger's packets dropped");
        await SendDigitAsync(peer.Rtp, agentRtp, 50, 4000, '4');

        Assert.That(await call.Digits.ReadAsync().Within(), Is.EqualTo('4'));
    }

    [Test]
    public async Task Receiver_Flood_DroppedBeyondTheLimit()
    {
        var (call, agentRtp) = await AnsweredCallAsync("rtp-flood");
        var packet = new byte[RtpHeader.Size + 160];
        const int Sent = 800;
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // Bursts of 50, each waited for, so the kernel's socket buffer drops none and every packet meets the limiter.
        for (var i = 0; i < Sent; i++)
        {
            new RtpHeader(false, 0, (ushort)i, (uint)(i * 160), 0x5eed).Write(packet);
            await peer.Rtp.SendAsync(packet, agentRtp);
            if (i % 50 == 49)
            {
                var expected = i + 1;
                await Eventually.TrueAsync(() => call.Rtp.PacketsReceived + call.Rtp.PacketsIgnored >= expected, "the burst read");
            }
        }
        var seconds = Math.Ceiling(clock.Elapsed.TotalSeconds);

        // At most the limit per started second of the flood (plus the window it began in) gets through.
        Assert.That(call.Rtp.PacketsReceived, Is.LessThanOrEqualTo(RtpSession.MaxPacketsPerSecond * (seconds + 1)));
        Assert.That(call.Rtp.PacketsIgnored, Is.GreaterThanOrEqualTo(Sent - RtpSession.MaxPacketsPerSecond * (seconds + 1)));
        Assert.That(call.State, Is.EqualTo(SipCallState.Established));
        TestContext.Out.WriteLine($"flood of {Sent} in {clock.ElapsedMilliseconds} ms: {call.Rtp.PacketsReceived} taken, {call.Rtp.PacketsIgnored} dropped");
    }

    [Test]
    public async Task Playback_DigitDuringBargeInPrompt_StopsIt()
    {
        var (call, agentRtp) = await AnsweredCallAsync("rtp-barge");
        var longPrompt = new short[8000 * 30];
        var playing = call.PlayAsync(longPrompt, stopOnDigit: true);

        await SendDigitAsync(peer.Rtp, agentRtp, 10, 8000, '0');

        Assert.That(await playing.Within(), Is.EqualTo(PlaybackResult.Interrupted));
        Assert.That(await call.Digits.ReadAsync().Within(), Is.EqualTo('0'));
    }

    [Test]
    public async Task Playback_WeHangUp_EndsAsCallEndedAndByeIsAnswered()
    {
        var (call, _) = await AnsweredCallAsync("rtp-bye");
        var playing = call.PlayAsync(new short[8000 * 30], stopOnDigit: false);

        var hangingUp = call.HangUpAsync();

        Assert.That(await playing.Within(), Is.EqualTo(PlaybackResult.CallEnded));
        SipMessage message;
        do message = await peer.ReceiveAsync();
        while (message is SipResponse);   // 200 retransmissions that crossed the ACK
        var bye = (SipRequest)message;
        Assert.That(bye.Method, Is.EqualTo("BYE"));
        Assert.That(bye.To.Tag, Is.EqualTo("caller1"));
        Assert.That(bye.RequestUri.ToString(), Is.EqualTo($"sip:79161234567@127.0.0.1:{peer.Port}"), "the caller's Contact");
        await peer.SendRawAsync(SipResponse.For(bye, 200).ToBytes());
        await hangingUp.Within();
        Assert.That(call.EndReason, Is.EqualTo(SipCallEndReason.LocalHangUp));
    }
}
