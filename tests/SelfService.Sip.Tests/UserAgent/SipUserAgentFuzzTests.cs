using System.Net;
using System.Net.Sockets;
using System.Text;
using SelfService.Sip.Tests.Support;

namespace SelfService.Sip.Tests.UserAgent;

/// <summary>
/// Malformed SIP at a running user agent: 400 or silence, never a crash (issue 15, "Bad input"). Mutations spare the
/// request line and the Via, so every answer goes back to this test's socket and nowhere else on the machine.
/// </summary>
public sealed class SipUserAgentFuzzTests
{
    [Test]
    public async Task UserAgent_MutatedDatagrams_AnswersOrIgnoresAndKeepsWorking()
    {
        var logger = new RecordingLogger<SipUserAgent>();
        var handler = new TestCallHandler((call, ct) => call.RejectAsync(SipStatus.BusyHere, ct));
        await using var agent = new SipUserAgent(new SipUserAgentOptions { Port = 0 }, handler, logger: logger);
        await agent.StartAsync();
        using var fuzzer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)fuzzer.Client.LocalEndPoint!).Port;
        var seeds = new[]
        {
            Wire.Crlf($"""
                INVITE sip:0611@127.0.0.1 SIP/2.0
                Via: SIP/2.0/UDP 127.0.0.1:{port};rport;branch=z9hG4bKfuzz
                Max-Forwards: 70
                From: "Caller" <sip:79161234567@127.0.0.1>;tag=f1
                To: <sip:0611@127.0.0.1>
                Call-ID: fuzz@test
                CSeq: 1 INVITE
                Contact: <sip:79161234567@127.0.0.1:{port}>
                Content-Type: application/sdp
                Content-Length: 99

                v=0
                o=- 1 1 IN IP4 127.0.0.1
                s=-
                c=IN IP4 127.0.0.1
                t=0 0
                m=audio {port} RTP/AVP 0 101

                """),
            Wire.Crlf($"""
                BYE sip:0611@127.0.0.1 SIP/2.0
                Via: SIP/2.0/UDP 127.0.0.1:{port};rport;branch=z9hG4bKfuzzbye
                From: <sip:79161234567@127.0.0.1>;tag=f1
                To: <sip:0611@127.0.0.1>;tag=t1
                Call-ID: fuzz@test
                CSeq: 2 BYE
                Content-Length: 0


                """),
        };
        var random = new Random(6026);
        var answers = 0;

        for (var i = 0; i < 2_000; i++)
        {
            var seed = seeds[random.Next(seeds.Length)];
            var spared = seed.IndexOf("Max-Forwards", StringComparison.Ordinal) is > 0 and var at ? at : seed.IndexOf("From", StringComparison.Ordinal);
            var head = Encoding.UTF8.GetBytes(seed[..spared]);
            var tail = Encoding.UTF8.GetBytes(seed[spared..]);
            for (var edit = 0; edit < 1 + random.Next(4) && tail.Length > 0; edit++)
                tail[random.Next(tail.Length)] = random.Next(3) == 0 ? (byte)random.Next(256) : (byte)" :;,<>\"\r\n0z"[random.Next(11)];
            var datagram = (i % 7 == 0) ? tail : [.. head, .. tail];   // some without a start line at all
            await fuzzer.SendAsync(datagram, agent.LocalEndPoint);
            if (i % 50 == 49)
            {
                // The user agent reads in order: once it answers this OPTIONS, the burst before it has been read (and
                // no burst is large enough for the socket to drop any of it), and it is still alive.
                answers += await ProbeAsync(fuzzer, port, agent.LocalEndPoint, i);
            }
        }

        Assert.That(logger.Problems, Is.Empty, "the edge handler caught something: a crash would have been it");
        TestContext.Out.WriteLine($"2000 mutated datagrams: {answers} answers besides the probes' (400s, 100s, 486s), {handler.Count} call(s) handed to the handler");
    }

    private static async Task<int> ProbeAsync(UdpClient fuzzer, int port, IPEndPoint agent, int i)
    {
        var probe = $"""
            OPTIONS sip:127.0.0.1:{agent.Port} SIP/2.0
            Via: SIP/2.0/UDP 127.0.0.1:{port};branch=z9hG4bKprobe{i}
            From: <sip:monitor@127.0.0.1:{port}>;tag=probe
            To: <sip:127.0.0.1:{agent.Port}>
            Call-ID: probe-{i}
            CSeq: 1 OPTIONS
            Content-Length: 0


            """;
        await fuzzer.SendAsync(Wire.Bytes(probe), agent);
        var others = 0;
        using var patience = new CancellationTokenSource(Patience.Event);
        while (true)
        {
            var datagram = (await fuzzer.ReceiveAsync(patience.Token)).Buffer;
            others++;
            try
            {
                if (SipMessageParser.Parse(datagram).CallId == $"probe-{i}") return others - 1;
            }
            catch (SipParseException)
            {
                // A 400 copies the bad request's To/From as they came (RFC 3261 8.2.6.2), so it may not parse itself.
            }
        }
    }
}
