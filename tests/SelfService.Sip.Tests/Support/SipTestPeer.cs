using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SelfService.Sip.Tests.Support;

/// <summary>
/// The far end in a test: a UDP socket on 127.0.0.1 that sends hand-written SIP and reads what comes back. Writing the
/// messages by hand keeps the tests independent of our own serializer.
/// </summary>
internal sealed class SipTestPeer : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly UdpClient udp = new(new IPEndPoint(IPAddress.Loopback, 0));

    public SipTestPeer(IPEndPoint agent) => Agent = agent;

    public IPEndPoint Agent { get; }
    public int Port => ((IPEndPoint)udp.Client.LocalEndPoint!).Port;

    /// <summary>The peer's media socket: offers name its port, so the user agent's RTP lands here and nowhere else.</summary>
    public UdpClient Rtp { get; } = new(new IPEndPoint(IPAddress.Loopback, 0));

    public int RtpPort => ((IPEndPoint)Rtp.Client.LocalEndPoint!).Port;

    public Task SendAsync(string text) => udp.SendAsync(Wire.Bytes(text), Agent).AsTask();

    public Task SendRawAsync(byte[] bytes) => udp.SendAsync(bytes, Agent).AsTask();

    /// <summary>The next SIP message (keep-alives skipped); fails the test if none comes within the patience.</summary>
    public async Task<SipMessage> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            var result = await udp.ReceiveAsync(timeout.Token);
            return SipMessageParser.Parse(result.Buffer);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail("no SIP message from the user agent");
            throw;
        }
    }

    public async Task<SipResponse> ReceiveResponseAsync(int expectedStatus)
    {
        var message = await ReceiveAsync();
        Assert.That(message, Is.InstanceOf<SipResponse>(), message.ToString);
        var response = (SipResponse)message;
        Assert.That(response.StatusCode, Is.EqualTo(expectedStatus), () => Encoding.UTF8.GetString(response.ToBytes()));
        return response;
    }

    public string Invite(string branch, string callId, string sdp, string user = "0611", int cseq = 1) => $"""
        INVITE sip:{user}@127.0.0.1:{Agent.Port} SIP/2.0
        Via: SIP/2.0/UDP 127.0.0.1:{Port};branch={branch}
        Max-Forwards: 70
        From: "Caller" <sip:79161234567@127.0.0.1:{Port}>;tag=caller1
        To: <sip:{user}@127.0.0.1:{Agent.Port}>
        Call-ID: {callId}
        CSeq: {cseq} INVITE
        Contact: <sip:79161234567@127.0.0.1:{Port}>
        Content-Type: application/sdp
        Content-Length: {Encoding.UTF8.GetByteCount(Wire.Crlf(sdp))}

        {sdp}
        """;

    public static string Offer(int rtpPort, string formats = "0 8 101", string extra = "a=rtpmap:101 telephone-event/8000\na=fmtp:101 0-16\n") => $"""
        v=0
        o=caller 1 1 IN IP4 127.0.0.1
        s=-
        c=IN IP4 127.0.0.1
        t=0 0
        m=audio {rtpPort} RTP/AVP {formats}
        {extra}
        """;

    /// <summary>A request in the dialog the INVITE made (ACK, BYE, INFO...), To carrying the user agent's tag.</summary>
    public string InDialog(string method, string branch, string callId, string toTag, int cseq, string body = "", string contentType = "") => $"""
        {method} sip:0611@127.0.0.1:{Agent.Port} SIP/2.0
        Via: SIP/2.0/UDP 127.0.0.1:{Port};branch={branch}
        Max-Forwards: 70
        From: "Caller" <sip:79161234567@127.0.0.1:{Port}>;tag=caller1
        To: <sip:0611@127.0.0.1:{Agent.Port}>;tag={toTag}
        Call-ID: {callId}
        CSeq: {cseq} {method}
        {(contentType.Length > 0 ? "Content-Type: " + contentType + "\n" : "")}Content-Length: {Encoding.UTF8.GetByteCount(Wire.Crlf(body))}

        {body}
        """;

    public string Options(string branch) => $"""
        OPTIONS sip:127.0.0.1:{Agent.Port} SIP/2.0
        Via: SIP/2.0/UDP 127.0.0.1:{Port};branch={branch}
        Max-Forwards: 70
        From: <sip:monitor@127.0.0.1:{Port}>;tag=mon1
        To: <sip:127.0.0.1:{Agent.Port}>
        Call-ID: options-{branch}
        CSeq: 1 OPTIONS
        Content-Length: 0


        """;

    public void Dispose()
    {
        udp.Dispose();
        Rtp.Dispose();
    }
}
