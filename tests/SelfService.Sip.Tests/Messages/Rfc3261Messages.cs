namespace SelfService.Sip.Tests.Messages;

/// <summary>Messages of RFC 3261 section 4 (the basic call) and section 24.2 (the Alice-Bob INVITE).</summary>
internal static class Rfc3261Messages
{
    public const string AliceSdp = """
        v=0
        o=alice 2890844526 2890844526 IN IP4 pc33.atlanta.com
        s=-
        c=IN IP4 pc33.atlanta.com
        t=0 0
        m=audio 49172 RTP/AVP 0
        a=rtpmap:0 PCMU/8000

        """;

    // Section 4: Alice's softphone INVITE (Content-Length is that of the SDP above, CRLF line ends).
    public const string Invite = """
        INVITE sip:bob@biloxi.com SIP/2.0
        Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK776asdhds
        Max-Forwards: 70
        To: Bob <sip:bob@biloxi.com>
        From: Alice <sip:alice@atlanta.com>;tag=1928301774
        Call-ID: a84b4c76e66710@pc33.atlanta.com
        CSeq: 314159 INVITE
        Contact: <sip:alice@pc33.atlanta.com>
        Content-Type: application/sdp
        Content-Length: 146

        v=0
        o=alice 2890844526 2890844526 IN IP4 pc33.atlanta.com
        s=-
        c=IN IP4 pc33.atlanta.com
        t=0 0
        m=audio 49172 RTP/AVP 0
        a=rtpmap:0 PCMU/8000

        """;

    // Section 4: Bob's 200 OK as it reaches Alice, through two proxies.
    public const string Ok = """
        SIP/2.0 200 OK
        Via: SIP/2.0/UDP server10.biloxi.com;branch=z9hG4bKnashds8;received=192.0.2.3
        Via: SIP/2.0/UDP bigbox3.site3.atlanta.com;branch=z9hG4bK77ef4c2312983.1;received=192.0.2.2
        Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK776asdhds ;received=192.0.2.1
        To: Bob <sip:bob@biloxi.com>;tag=a6c85cf
        From: Alice <sip:alice@atlanta.com>;tag=1928301774
        Call-ID: a84b4c76e66710@pc33.atlanta.com
        CSeq: 314159 INVITE
        Contact: <sip:bob@192.0.2.4>
        Content-Type: application/sdp
        Content-Length: 0


        """;

    // Section 4: the BYE Bob sends straight to Alice's Contact.
    public const string Bye = """
        BYE sip:alice@pc33.atlanta.com SIP/2.0
        Via: SIP/2.0/UDP 192.0.2.4;branch=z9hG4bKnashds10
        Max-Forwards: 70
        From: Bob <sip:bob@biloxi.com>;tag=a6c85cf
        To: Alice <sip:alice@atlanta.com>;tag=1928301774
        Call-ID: a84b4c76e66710@pc33.atlanta.com
        CSeq: 231 BYE
        Content-Length: 0


        """;

    // Section 24.2 (F1 of RFC 3665 style), with compact headers as section 7.3.3 allows.
    public const string CompactInvite = """
        INVITE sip:bob@biloxi.example.com SIP/2.0
        v: SIP/2.0/TCP client.atlanta.example.com:5060;branch=z9hG4bK74bf9
        Max-Forwards: 70
        f: Alice <sip:alice@atlanta.example.com>;tag=9fxced76sl
        t: Bob <sip:bob@biloxi.example.com>
        i: 3848276298220188511@atlanta.example.com
        CSeq: 1 INVITE
        m: <sip:alice@client.atlanta.example.com;transport=tcp>
        l: 0


        """;
}
